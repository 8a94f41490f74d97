import { ZDisclosure } from '@budgetflow/domain';
import { checkRenderedFiles, type TRenderProblem } from './check/rendered-check';
import { renderDisclosureFiles } from './disclosure-files.renderer';
import type { TRenderedFile } from './rendered-file';

/** What the render pool sends a thread: the disclosure as stored, and the date stamped into the files. */
export interface TRenderTask {
  disclosure: unknown;
  createdAt: Date;
}

export interface TRenderOutcome {
  files: TRenderedFile[];
  problems: TRenderProblem[];
}

/** The thread's side of render-pool.ts: every file of the disclosure, and the check of those files. */
export default async function renderAndCheck(task: TRenderTask): Promise<TRenderOutcome> {
  const disclosure = ZDisclosure.parse(task.disclosure);
  const files = await renderDisclosureFiles(disclosure, { createdAt: task.createdAt });
  return { files, problems: await checkRenderedFiles(disclosure, files) };
}
