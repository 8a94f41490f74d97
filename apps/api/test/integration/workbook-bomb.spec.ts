import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBudgetTemplate } from '../../src/modules/reports/xlsx/budget-template';
import { seedDocument } from '../e2e/budget-test-kit';
import { zipBomb } from '../utils/zip-bomb';

/** The reading process's heap cap: a bomb inflated in-process would need several times it. */
const HEAP_MB = 256;
const MB = 1024 * 1024;

interface TRun {
  code: number | null;
  lines: Record<string, unknown>[];
  output: string;
}

/** Runs read-workbook-child.ts on the files in a process of its own, with its heap capped. */
async function readInChild(documentFile: string, files: string[]): Promise<TRun> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'test/utils/read-workbook-child.ts', documentFile, ...files], {
    cwd: join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines, output };
}

describe('workbook bombs read by a process with a memory cap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workbook-bomb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses each with a 413 naming the workbook, reads a real one, and stays within its memory', async () => {
    const files = {
      // half a megabyte that inflates to 512 MB, stated honestly in the zip's directory …
      honest: await zipBomb([{ name: 'xl/worksheets/sheet2.xml', inflatedBytes: 512 * MB }]),
      // … and the same with a directory that claims 1 kB.
      lying: await zipBomb([{ name: 'xl/worksheets/sheet2.xml', inflatedBytes: 512 * MB, declaredBytes: 1024 }]),
      real: await exportBudgetTemplate(seedDocument() as never),
    };
    const paths = Object.entries(files).map(([name, bytes]) => {
      expect([name, bytes.length < 2 * MB]).toEqual([name, true]);
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const documentFile = join(dir, 'document.json');
    writeFileSync(documentFile, JSON.stringify(seedDocument()));

    const run = await readInChild(documentFile, paths);
    expect([run.code, run.lines.length]).toEqual([0, 4]);
    const [honest, lying, real, usage] = run.lines;
    for (const bomb of [honest, lying]) expect(bomb).toMatchObject({ status: 413, code: 'ARCHIVE_TOO_LARGE', errors: [{ path: 'workbook', message: expect.any(String) }] });
    expect(real).toMatchObject({ ok: true });
    // A gigabyte inflated, none of it held: the process stays far below it, near its idle size (the
    // heap cap plus code, tsx's compiled sources and the parse thread's own heap: 500–560 MB measured).
    expect(usage!['maxRssMb']).toBeLessThan(HEAP_MB + 512);
  }, 120_000);
});
