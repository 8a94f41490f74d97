import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatFigure, meetsTarget, type BenchModule } from './bench';

/**
 * `pnpm bench [filter]`: runs every `*.bench.ts` next to this file (the domain's, the API's, the
 * jobs') one after another and prints one line per figure. A filter keeps the modules whose file
 * name contains it. Exit 0 when every target is met, 1 when one is missed or a bench fails.
 */
async function main(filter: string | undefined): Promise<number> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (filter === undefined || f.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench matches "${filter ?? ''}"`);
    return 1;
  }
  let failed = false;
  for (const file of files) {
    try {
      const module = (await import(join(__dirname, file))) as BenchModule;
      await module.run((figure) => {
        console.log(formatFigure(figure));
        failed ||= !meetsTarget(figure);
      });
    } catch (error) {
      console.error(`bench: ${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

void main(process.argv[2]).then((code) => {
  process.exitCode = code;
});
