import { extname, join } from 'node:path';
import type { Catalogue, TBudgetDocument } from '@budgetflow/domain';
import { AppError, type TFieldError } from '../../common/errors/app-error';
import { runInWorker, WorkerOutOfMemoryError } from '../../common/worker/run-in-worker';
import type { TTemplateImport } from '../reports/xlsx/budget-template';
import { checkWorkbookArchive } from './workbook-archive';

export type TWorkbookTask =
  | { kind: 'import'; base: TBudgetDocument; catalogue: Catalogue; bytes: Uint8Array }
  | { kind: 'place'; bytes: Uint8Array; document: TBudgetDocument; errors: readonly TFieldError[] };

/**
 * A 50,000-line template takes exceljs about 7 s and 630 MB of heap: each parse runs in a worker
 * thread capped at this heap, and at most PARALLEL_PARSES at once (others wait their turn), so
 * uploads can neither stall the event loop other users wait on nor exhaust the server's memory.
 */
export const PARSE_HEAP_MB = 1024;
const PARALLEL_PARSES = 2;
const WORKER_FILE = join(__dirname, `workbook-parse.worker${extname(__filename)}`);

/** Reads an uploaded template off the request thread, once its archive is known to inflate within bounds. */
export async function readWorkbook(base: TBudgetDocument, catalogue: Catalogue, bytes: Buffer): Promise<TTemplateImport> {
  await checkWorkbookArchive(bytes);
  return parse<TTemplateImport>({ kind: 'import', base, catalogue, bytes });
}

/** placeInWorkbook (workbook-cells.ts) off the request thread; the paths stay as they were if it fails. */
export async function placeErrorsInWorkbook(bytes: Buffer, document: TBudgetDocument, errors: readonly TFieldError[]): Promise<TFieldError[]> {
  return parse<TFieldError[]>({ kind: 'place', bytes, document, errors }).catch(() => [...errors]);
}

async function parse<T>(task: TWorkbookTask): Promise<T> {
  await turn();
  try {
    return await runInWorker<T>(WORKER_FILE, task, { maxHeapMb: PARSE_HEAP_MB });
  } catch (error) {
    if (!(error instanceof WorkerOutOfMemoryError)) throw error;
    throw new AppError('ARCHIVE_TOO_LARGE', `The workbook is refused: reading it needs more than ${PARSE_HEAP_MB} MB`, [
      { path: 'workbook', message: 'too large to read: split the budget or import it as JSON' },
    ]);
  } finally {
    release();
  }
}

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for one of the PARALLEL_PARSES slots; a slot freed goes straight to the next in line. */
async function turn(): Promise<void> {
  if (running < PARALLEL_PARSES) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}
