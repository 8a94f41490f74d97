import { extname, join } from 'node:path';
import type { Catalogue, TBudgetDocument } from '@budgetflow/domain';
import { AppError, type TFieldError } from '../../common/errors/app-error';
import { Turns } from '../../common/worker/turns';
import { WorkerOutOfMemoryError, WorkerPool } from '../../common/worker/run-in-worker';
import type { TTemplateImport } from '../reports/xlsx/budget-template';
import { checkWorkbookArchive } from './workbook-archive';

export type TWorkbookTask =
  | { kind: 'import'; base: TBudgetDocument; catalogue: Catalogue; bytes: Uint8Array }
  | { kind: 'place'; bytes: Uint8Array; document: TBudgetDocument; errors: readonly TFieldError[] }
  | { kind: 'export'; document: TBudgetDocument; catalogue: Catalogue };

/**
 * exceljs is synchronous and hungry: a 50,000-line template takes it about 7 s and 630 MB of heap to
 * read, a 100,000-line one about as long to write. Each task runs in a worker thread capped at this
 * heap (WorkerPool: a thread that has answered serves the next task for a while), and at most
 * PARALLEL_TASKS at once (others wait their turn), so workbooks can neither stall the event loop
 * other users wait on nor exhaust the server's memory.
 */
export const WORKBOOK_HEAP_MB = 1024;
const PARALLEL_TASKS = 2;
const workers = new WorkerPool(join(__dirname, `workbook.worker${extname(__filename)}`), { maxHeapMb: WORKBOOK_HEAP_MB });
const turns = new Turns(PARALLEL_TASKS);

/** Reads an uploaded template off the request thread, once its archive is known to inflate within bounds. */
export async function readWorkbook(base: TBudgetDocument, catalogue: Catalogue, bytes: Buffer): Promise<TTemplateImport> {
  await checkWorkbookArchive(bytes);
  return turns.run(() => inWorker<TTemplateImport>({ kind: 'import', base, catalogue, bytes }));
}

/** placeInWorkbook (workbook-cells.ts) off the request thread; the paths stay as they were if it fails. */
export async function placeErrorsInWorkbook(bytes: Buffer, document: TBudgetDocument, errors: readonly TFieldError[]): Promise<TFieldError[]> {
  return turns.run(() => inWorker<TFieldError[]>({ kind: 'place', bytes, document, errors })).catch(() => [...errors]);
}

/**
 * The import template of a document (exportBudgetTemplate) off the request thread. `load` reads the
 * document once a turn is free, so no more documents are held for writing than there are turns.
 */
export async function writeWorkbook<T extends { document: TBudgetDocument; catalogue: Catalogue }>(load: () => Promise<T>): Promise<T & { bytes: Buffer }> {
  return turns.run(async () => {
    const loaded = await load();
    const bytes = await inWorker<Uint8Array>({ kind: 'export', document: loaded.document, catalogue: loaded.catalogue });
    return { ...loaded, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  });
}

async function inWorker<T>(task: TWorkbookTask): Promise<T> {
  try {
    return await workers.run<T>(task);
  } catch (error) {
    if (!(error instanceof WorkerOutOfMemoryError)) throw error;
    throw new AppError('ARCHIVE_TOO_LARGE', `The workbook is refused: it needs more than ${WORKBOOK_HEAP_MB} MB`, [
      { path: 'workbook', message: 'too large for a workbook: split the budget or use its JSON document' },
    ]);
  }
}
