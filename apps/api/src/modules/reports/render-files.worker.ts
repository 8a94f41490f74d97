import { ZCorrectionStatement, ZDisclosure, type TCorrectionStatement } from '@budgetflow/domain';
import { lineFiles, lineSetOf } from '../open-data/line-files';
import { checkRenderedFiles, type TRenderProblem } from './check/rendered-check';
import { renderDisclosureFiles } from './disclosure-files.renderer';
import type { TRenderedFile } from './rendered-file';

/** What the render pool sends a thread: the document and disclosure as stored, the date stamped into the files, and a correction's 更正说明. */
export interface TRenderTask {
  document: unknown;
  disclosure: unknown;
  createdAt: Date;
  correction: TCorrectionStatement | undefined;
}

export interface TRenderOutcome {
  files: TRenderedFile[];
  problems: TRenderProblem[];
}

/** The thread's side of render-pool.ts: every file of the disclosure and of its lines, and the check of those files. */
export default async function renderAndCheck(task: TRenderTask): Promise<TRenderOutcome> {
  const disclosure = ZDisclosure.parse(task.disclosure);
  const correction = ZCorrectionStatement.optional().parse(task.correction);
  // The line-level open data (lines.csv and its package) is published beside the tables' files.
  const lines = lineFiles(lineSetOf(task.document, disclosure));
  const files = [...(await renderDisclosureFiles(disclosure, { createdAt: task.createdAt, correction })), lines.csv, lines.datapackage];
  return { files, problems: await checkRenderedFiles(disclosure, files, correction) };
}
