import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { run } from './run';

const ROOT = join(__dirname, '..', '..', '..');
const SEED = readFileSync(join(ROOT, 'packages', 'domain', 'fixtures', 'qiaokou-bigdata-2020.json'), 'utf8');

interface Captured extends CliIo {
  out: string;
  err: string;
}

describe('pnpm budget', () => {
  let dir: string;
  let io: Captured;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bf-cli-'));
    io = {
      cwd: dir,
      out: '',
      err: '',
      stdout(text) {
        this.out += text;
      },
      stderr(text) {
        this.err += text;
      },
    };
    writeFileSync(join(dir, 'seed.json'), SEED);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const seedWith = (change: (doc: Record<string, unknown>) => void, name: string) => {
    const doc = JSON.parse(SEED) as Record<string, unknown>;
    change(doc);
    writeFileSync(join(dir, name), JSON.stringify(doc));
    return name;
  };

  describe('usage', () => {
    it('lists the commands and exits 2 without one', async () => {
      expect(await run([], io)).toBe(EXIT.input);
      expect(io.out).toMatch(/validate[\s\S]*render[\s\S]*check/);
    });

    it('exits 0 for --help, and shows a command’s options', async () => {
      expect(await run(['--help'], io)).toBe(EXIT.ok);
      expect(await run(['render', '--help'], io)).toBe(EXIT.ok);
      expect(io.out).toContain('--format json|csv|html');
    });

    it('refuses an unknown command or option with exit 2', async () => {
      expect(await run(['publish', 'seed.json'], io)).toBe(EXIT.input);
      expect(io.err).toContain('unknown command "publish"');
      expect(await run(['render', 'seed.json', '--format', 'docx'], io)).toBe(EXIT.input);
      expect(io.err).toContain('--format must be one of json, csv, html, pdf, xlsx, not "docx"');
    });
  });

  describe('validate', () => {
    it('exits 0 on the seed, which has no error', async () => {
      expect(await run(['validate', 'seed.json'], io)).toBe(EXIT.ok);
      expect(io.out).toMatch(/^0 error\(s\), \d+ warning\(s\)\n$/m);
    });

    it('exits 1 and names the rule when the budget does not balance', async () => {
      const file = seedWith((doc) => {
        (doc.incomeLines as { amount: string }[])[0]!.amount = '6000000.00';
      }, 'unbalanced.json');
      expect(await run(['validate', file], io)).toBe(EXIT.findings);
      expect(io.out).toMatch(/^error +BUDGET\.BALANCED .*收支不平衡/m);
    });

    it('says a problem of several places once, naming each place (an empty budget’s 说明 citing 表5’s missing 合计)', async () => {
      const empty = { schemaVersion: 1, fiscalYear: 2021, template: 'hubei-2020', department: { code: '019001', name: '示例单位', units: [{ code: '019001', name: '示例单位', level: 'self' }], staffing: { authorized: 0, actual: 0, retired: 0 } }, incomeLines: [], expenditureLines: [] };
      writeFileSync(join(dir, 'empty.json'), JSON.stringify(empty));
      expect(await run(['validate', 'empty.json'], io)).toBe(EXIT.findings);
      const said = io.out.split('\n').filter((line) => line.includes('说明「五、一般公共预算支出情况说明」'));
      expect(said).toEqual([expect.stringMatching(/^warning +TEXT\.SOURCE_MISSING +text general-public\/general-public-total, text general-public\/general-public-basic, text general-public\/general-public-project: 说明「五/)]);
    });

    it('prints the findings as JSON with --json', async () => {
      const file = seedWith((doc) => {
        (doc.expenditureLines as { functionCode: string }[])[0]!.functionCode = '2999999';
      }, 'unknown-code.json');
      expect(await run(['validate', file, '--json'], io)).toBe(EXIT.findings);
      const findings = JSON.parse(io.out) as { ruleId: string; severity: string }[];
      expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'CODE.UNKNOWN_FUNCTION', severity: 'error' }));
    });

    it('exits 2 listing every problem of a malformed document, without a stack trace', async () => {
      const file = seedWith((doc) => {
        const lines = doc.expenditureLines as Record<string, unknown>[];
        lines[0]!.amount = 384000;
        lines[1]!.kind = 'salary';
        delete doc.department;
      }, 'malformed.json');
      expect(await run(['validate', file], io)).toBe(EXIT.input);
      expect(io.err).toContain('malformed.json is not a valid budget document (3 problem(s))');
      expect(io.err).toMatch(/^ {2}\$\.department: /m);
      expect(io.err).toMatch(/^ {2}\$\.expenditureLines\[0\]\.amount: /m);
      expect(io.err).toMatch(/^ {2}\$\.expenditureLines\[1\]\.kind: /m);
      expect(io.err).not.toMatch(/^\s+at /m);
      expect(io.out).toBe('');
    });

    it('checks several files in one call, a report for each, and exits with the worst outcome', async () => {
      const unbalanced = seedWith((doc) => {
        (doc.incomeLines as { amount: string }[])[0]!.amount = '6000000.00';
      }, 'unbalanced.json');
      expect(await run(['validate', 'seed.json', unbalanced], io)).toBe(EXIT.findings);
      const sections = io.out.split(/^== /m).slice(1);
      expect(sections.map((s) => s.split('\n')[0])).toEqual(['seed.json', 'unbalanced.json']);
      expect(sections[0]).toMatch(/^0 error\(s\)/m);
      expect(sections[1]).toMatch(/^error +BUDGET\.BALANCED /m);

      io.out = '';
      expect(await run(['validate', 'seed.json', 'missing.json', unbalanced], io)).toBe(EXIT.input);
      expect(io.err).toContain('cannot read missing.json: no such file');
      expect(io.out.match(/^== /gm)).toHaveLength(2);

      io.out = '';
      expect(await run(['validate', 'seed.json', 'missing.json', '--json'], io)).toBe(EXIT.input);
      expect(JSON.parse(io.out)).toEqual([
        { file: 'seed.json', findings: expect.any(Array) },
        { file: 'missing.json', error: 'cannot read missing.json: no such file', problems: [expect.objectContaining({ reason: 'no such file' })] },
      ]);
    });

    it('exits 2 when the file is missing or not JSON', async () => {
      expect(await run(['validate', 'missing.json'], io)).toBe(EXIT.input);
      writeFileSync(join(dir, 'text.json'), 'not json');
      expect(await run(['validate', 'text.json'], io)).toBe(EXIT.input);
      expect(io.err).toContain('cannot read missing.json: no such file');
      expect(io.err).toContain('text.json is not valid JSON');
    });
  });

  describe('render', () => {
    it('writes the CSV with a byte-order mark, one row per cell', async () => {
      expect(await run(['render', 'seed.json', '--format', 'csv', '--out', 'seed.csv'], io)).toBe(EXIT.ok);
      const csv = readFileSync(join(dir, 'seed.csv'), 'utf8');
      expect(csv.startsWith('\uFEFFtable,section,code,name,column,value\r\n')).toBe(true);
      expect(csv).toMatch(/^T5,[^,]*,2150502,一般行政管理事务,预算数,397\.0\r$/m);
      expect(io.out).toBe('');
      expect(io.err).toContain(`wrote ${join(dir, 'seed.csv')}`);
    });

    it('writes the PDF and the workbook the API publishes, under another template, the same bytes for the same date', async () => {
      const render = (format: string, out: string) => run(['render', 'seed.json', '--format', format, '--template', 'jiangsu-province', '--date', '2020-03-01', '--out', out], io);
      expect(await render('pdf', 'a.pdf')).toBe(EXIT.ok);
      expect(await render('pdf', 'b.pdf')).toBe(EXIT.ok);
      const pdf = readFileSync(join(dir, 'a.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);
      const { stdout } = await promisify(execFile)('pdftotext', [join(dir, 'a.pdf'), '-']);
      expect(stdout).toContain('公开表一');
      expect(stdout).toContain('604.40');
      expect(await render('xlsx', 'a.xlsx')).toBe(EXIT.ok);
      expect(readFileSync(join(dir, 'a.xlsx')).subarray(0, 2).toString()).toBe('PK');
      expect(await run(['render', 'seed.json', '--format', 'pdf'], io)).toBe(EXIT.input);
      expect(io.err).toContain('a PDF or workbook is a file: name it with --out FILE');
      expect(await run(['render', 'seed.json', '--format', 'pdf', '--date', '1 March', '--out', 'c.pdf'], io)).toBe(EXIT.input);
    }, 60_000);

    it('writes 元 with two decimals when asked, as other provinces print', async () => {
      expect(await run(['render', 'seed.json', '--format', 'csv', '--unit', 'yuan', '--decimals', '2'], io)).toBe(EXIT.ok);
      expect(io.out).toMatch(/^T5,[^,]*,2150502,一般行政管理事务,预算数,3970000\.00\r$/m);
    });

    it('refuses amount options for formats they do not apply to', async () => {
      expect(await run(['render', 'seed.json', '--format', 'html', '--unit', 'yuan'], io)).toBe(EXIT.input);
      expect(io.err).toContain('--unit and --decimals apply to --format csv only');
    });

    it('exits 2 when the budget’s year has no catalogue', async () => {
      const file = seedWith((doc) => {
        doc.fiscalYear = 2015;
      }, 'old.json');
      expect(await run(['render', file], io)).toBe(EXIT.input);
      expect(io.err).toMatch(/^ {2}\$\.fiscalYear: no classification catalogue for 2015/m);
    });

    it('prints the printable HTML to stdout', async () => {
      expect(await run(['render', 'seed.json', '--format=html'], io)).toBe(EXIT.ok);
      expect(io.out).toMatch(/^<!doctype html>/i);
      expect(io.out).toContain('604.4');
    });

    it('exits 2 when --out cannot be written', async () => {
      expect(await run(['render', 'seed.json', '--out', join('no-such-dir', 'x.json')], io)).toBe(EXIT.input);
      expect(io.err).toContain('cannot write no-such-dir/x.json');
    });
  });

  describe('check', () => {
    it('accepts the disclosure rendered from the seed, and catches the seed’s printed 表9 shares of 100', async () => {
      expect(await run(['render', 'seed.json', '--out', 'disclosure.json'], io)).toBe(EXIT.ok);
      expect(await run(['check', 'disclosure.json'], io)).toBe(EXIT.ok);

      const disclosure = JSON.parse(readFileSync(join(dir, 'disclosure.json'), 'utf8')) as {
        tables: { id: string; rows: { key: string; cells: Record<string, string | null> }[] }[];
      };
      const t9 = disclosure.tables.find((t) => t.id === 'T9');
      for (const row of t9?.rows ?? []) if (row.key === 'basic' || row.key === 'project') row.cells.share = '100';
      writeFileSync(join(dir, 'as-printed.json'), JSON.stringify(disclosure));
      io.out = '';
      expect(await run(['check', 'as-printed.json'], io)).toBe(EXIT.findings);
      expect(io.out).toMatch(/^error +\S+ +T9 row basic column share/m);
      expect(io.out).toMatch(/^error +\S+ +T9 row project column share/m);
      expect(await run(['check', 'disclosure.json', 'as-printed.json'], io)).toBe(EXIT.findings);
    });

    it('exits 2 on a file that is not a disclosure', async () => {
      expect(await run(['check', 'seed.json'], io)).toBe(EXIT.input);
      expect(io.err).toContain('seed.json is not a valid disclosure');
    });
  });
});

describe('the process', () => {
  it('the compiled CLI (built when missing or stale) resolves file arguments against INIT_CWD and exits with the code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-cli-'));
    try {
      const args = [join(ROOT, 'apps', 'cli', 'bin', 'budget.cjs'), 'validate', 'here.json'];
      const result = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, INIT_CWD: dir } }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(result).toEqual(expect.objectContaining({ code: EXIT.input }));
      expect((result as { stderr: string }).stderr).toContain(`${join(dir, 'here.json')}: no such file`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
