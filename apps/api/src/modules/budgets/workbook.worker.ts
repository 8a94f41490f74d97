import { serveTasks } from '../../common/worker/run-in-worker';
import { exportBudgetTemplate, importBudgetTemplate } from '../reports/xlsx/budget-template';
import { placeInWorkbook } from './workbook-cells';
import type { TWorkbookTask } from './workbook-threads';

/** The worker side of workbook-threads.ts: one answer a task. */
async function run(task: TWorkbookTask): Promise<unknown> {
  if (task.kind === 'export') return exportBudgetTemplate(task.document, task.catalogue);
  // Structured cloning turns the Buffer into a plain Uint8Array: view the same bytes as a Buffer again.
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  if (task.kind === 'place') return placeInWorkbook(bytes, task.document, task.errors);
  try {
    return await importBudgetTemplate(task.base, bytes, task.catalogue);
  } catch {
    // exceljs throws on whatever is not an .xlsx (a zip of the right parts): the file, not the server, is at fault.
    return { ok: false, problems: [{ sheet: '(file)', row: 0, field: 'workbook', message: 'not a readable .xlsx workbook' }] };
  }
}

serveTasks((task) => run(task as TWorkbookTask));
