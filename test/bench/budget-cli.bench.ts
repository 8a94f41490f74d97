import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { catalogueForYear, checkDisclosure, deriveDisclosure, ZBudgetDocument, ZDisclosure } from '@budgetflow/domain';
import type { Figure } from './bench';
import { median, timed } from './api-bench-kit';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'apps/cli/bin/budget.cjs');
const FILES = 100;
const execFileAsync = promisify(execFile);

/** `node <args>`, its wall time; a non-zero exit is fine (check exits 1 on findings), a crash is not. */
async function nodeMs(args: readonly string[]): Promise<number> {
  return timed(() =>
    execFileAsync(process.execPath, [...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((error: { code?: unknown }) => {
      if (typeof error.code !== 'number' || error.code > 1) throw error;
    }),
  );
}

async function medianOf(runs: number, fn: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  return median(times);
}

/**
 * The compiled CLI: how long `pnpm budget --help` takes to start (its node process, against a bare
 * `node -e 0` in the same run), and `check` of 100 disclosures in one call against the same checks
 * run in this process (read, parse, schema, rules).
 */
export async function run(report: (figure: Figure) => void): Promise<void> {
  await nodeMs([CLI, '--help']); // builds the bundle if a source changed since
  const bare = await medianOf(10, () => nodeMs(['-e', '0']));
  const start = await medianOf(10, () => nodeMs([CLI, '--help']));
  report({ name: 'cli.start.ms', value: start, unit: 'ms', target: { op: '<=', value: 300 } });
  report({ name: 'cli.start.bare-node-ms', value: bare, unit: 'ms', target: { op: '>', value: 0 } });
  report({ name: 'cli.start.ratio-to-bare-node', value: start / bare, unit: 'x', target: { op: '>', value: 0 }, decimals: 2 });

  const dir = mkdtempSync(path.join(tmpdir(), 'bf-bench-cli-'));
  try {
    const seed = ZBudgetDocument.parse(JSON.parse(readFileSync(path.join(ROOT, 'packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')));
    const disclosure = JSON.stringify(deriveDisclosure(seed, catalogueForYear(seed.fiscalYear)));
    const files = Array.from({ length: FILES }, (_, i) => path.join(dir, `disclosure-${i}.json`));
    for (const file of files) writeFileSync(file, disclosure);
    const inProcess = await medianOf(3, () =>
      timed(async () => {
        for (const file of files) checkDisclosure(ZDisclosure.parse(JSON.parse(readFileSync(file, 'utf8'))));
      }),
    );
    const oneCall = await medianOf(3, () => nodeMs([CLI, 'check', ...files]));
    report({ name: 'cli.check-100-files.ms', value: oneCall, unit: 'ms', target: { op: '<=', value: 2000 }, decimals: 0 });
    report({ name: 'cli.check-100-files.in-process-ms', value: inProcess, unit: 'ms', target: { op: '>', value: 0 }, decimals: 0 });
    report({ name: 'cli.check-100-files.ratio-to-in-process', value: oneCall / inProcess, unit: 'x', target: { op: '>', value: 0 }, decimals: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
