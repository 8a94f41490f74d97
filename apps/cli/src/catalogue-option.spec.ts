import { catalogueForYear, editionOf } from '@budgetflow/domain';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { run } from './run';

const SEED = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'packages', 'domain', 'fixtures', 'qiaokou-bigdata-2020.json'), 'utf8')) as {
  expenditureLines: { functionCode: string }[];
};

describe('--catalogue FILE: validate, render and check by an uploaded edition', () => {
  let dir: string;
  let io: CliIo & { out: string; err: string };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bf-cli-cat-'));
    io = { cwd: dir, out: '', err: '', stdout: (t) => void (io.out += t), stderr: (t) => void (io.err += t) };
    const doc = structuredClone(SEED);
    doc.expenditureLines[0]!.functionCode = '2010308'; // under 20103; not in the shipped 2020 edition
    writeFileSync(join(dir, 'budget.json'), JSON.stringify(doc));
    const shipped = editionOf(catalogueForYear(2020));
    const uploaded = { ...shipped, completeness: 'complete', functional: [...shipped.functional, { code: '2010308', name: '信访事务' }] };
    writeFileSync(join(dir, 'edition-2020.json'), JSON.stringify(uploaded));
    writeFileSync(join(dir, 'edition-2024.json'), JSON.stringify({ ...uploaded, fiscalYear: 2024 }));
    writeFileSync(join(dir, 'lacking.json'), JSON.stringify({ ...shipped, completeness: 'complete', functional: shipped.functional.filter((e) => e.code !== '2010350') }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const findings = () => (JSON.parse(io.out) as { ruleId: string; severity: string }[]).map((f) => `${f.severity} ${f.ruleId}`);

  it('validate: the shipped (partial) edition warns about the code; an edition that has it finds nothing; one that lacks the seed’s 2010350 errs', async () => {
    expect(await run(['validate', 'budget.json', '--json'], io)).toBe(EXIT.ok);
    expect(findings()).toEqual(['warning CODE.FUNCTION_NOT_IN_PARTIAL']);
    io.out = '';
    expect(await run(['validate', 'budget.json', '--json', '--catalogue', 'edition-2020.json'], io)).toBe(EXIT.ok);
    expect(findings()).toEqual([]);
    io.out = '';
    expect(await run(['validate', 'budget.json', '--json', '--catalogue', 'lacking.json'], io)).toBe(EXIT.findings);
    expect(findings()).toContain('error CODE.UNKNOWN_FUNCTION'); // a complete edition: no code it lacks is merely a gap
  });

  it('render prints the edition’s name for the code; check reads the same option', async () => {
    expect(await run(['render', 'budget.json', '--out', 'disclosure.json', '--catalogue', 'edition-2020.json'], io)).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'disclosure.json'), 'utf8')).toContain('信访事务');
    expect(await run(['check', 'disclosure.json', '--json', '--catalogue', 'edition-2020.json'], io)).toBe(EXIT.ok);
    expect(findings()).toEqual([]);
  });

  it('refuses an edition of another year, or one that does not hold together, with exit 2', async () => {
    expect(await run(['validate', 'budget.json', '--catalogue', 'edition-2024.json'], io)).toBe(EXIT.input);
    expect(io.err).toContain('edition-2024.json is the catalogue of 2024, the input is of 2020');
    writeFileSync(join(dir, 'orphan.json'), JSON.stringify({ fiscalYear: 2020, completeness: 'complete', functional: [{ code: '20103', name: 'x' }], economic: [] }));
    expect(await run(['validate', 'budget.json', '--catalogue', 'orphan.json'], io)).toBe(EXIT.input);
    expect(io.err).toContain('code 20103 has no parent 201');
  });
});
