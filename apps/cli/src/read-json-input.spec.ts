import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZBudgetDocument } from '@budgetflow/domain';
import { InputError } from './input-error';
import { jsonPath, readJsonInput } from './read-json-input';

const FIXTURE = join(__dirname, '..', '..', '..', 'packages', 'domain', 'fixtures', 'qiaokou-bigdata-2020.json');

describe('readJsonInput', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bf-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemsOf = async (file: string) => {
    const error = await readJsonInput(dir, file, ZBudgetDocument, 'budget document').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  };

  it('reads a file relative to the directory the user is in', async () => {
    writeFileSync(join(dir, 'seed.json'), readFileSync(FIXTURE));
    const document = await readJsonInput(dir, 'seed.json', ZBudgetDocument, 'budget document');
    expect(document.department.code).toBe('019001');
  });

  it('says when the file does not exist', async () => {
    const error = await problemsOf('missing.json');
    expect(error.message).toBe('cannot read missing.json: no such file');
    expect(error.problems).toEqual([{ where: join(dir, 'missing.json'), reason: 'no such file' }]);
  });

  it('says where the JSON breaks', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "schemaVersion": 1,\n  "fiscalYear": ,\n}');
    const error = await problemsOf('broken.json');
    expect(error.message).toBe('broken.json is not valid JSON');
    // V8 names the position in some messages only; the reason always quotes the spot.
    expect(error.problems[0]?.where).toMatch(/^broken\.json( line 3, column \d+)?$/);
    expect(error.problems[0]?.reason).toContain("Unexpected token ','");
  });

  it('lists every schema problem with its JSON path and reason', async () => {
    const document = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { fiscalYear: unknown; expenditureLines: Record<string, unknown>[] };
    document.fiscalYear = '2020';
    Object.assign(document.expenditureLines[0] ?? {}, { amount: 384000, functionCode: '20103' });
    Object.assign(document.expenditureLines[2] ?? {}, { amount: '12.345' });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(document));
    const error = await problemsOf('bad.json');
    expect(error.message).toBe('bad.json is not a valid budget document (4 problem(s))');
    expect(error.problems.map((p) => p.where)).toEqual([
      '$.fiscalYear',
      '$.expenditureLines[0].functionCode',
      '$.expenditureLines[0].amount',
      '$.expenditureLines[2].amount',
    ]);
    expect(error.problems[1]?.reason).toBe('a functional classification 项 code has 7 digits');
    expect(error.problems[3]?.reason).toBe('amounts have at most 2 decimals (分): "12.345"');
  });
});

describe('jsonPath', () => {
  it.each([
    [[], '$'],
    [['projects', 0, 'details', 3, 'amount'], '$.projects[0].details[3].amount'],
    [['explanations', 'functionItemNotes', '2010350'], '$.explanations.functionItemNotes["2010350"]'],
  ])('%j → %s', (path, text) => {
    expect(jsonPath(path)).toBe(text);
  });
});
