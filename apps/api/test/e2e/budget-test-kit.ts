import type { TBudgetDocument } from '@budgetflow/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TTestUsername } from '../utils/seed-people';
import type { TSignedIn, TTarget } from '../utils/test-app';

/** Signs the named test accounts in, one after the other. */
export async function signIn<N extends TTestUsername>(t: TTarget, ...names: N[]): Promise<Record<N, TSignedIn>> {
  const signedIn = {} as Record<N, TSignedIn>;
  for (const name of names) signedIn[name] = await t.login(name);
  return signedIn;
}

/** The seed's 2020 budget (武汉市硚口区大数据中心, department 019001 = the test "home" department). */
export function seedDocument(): TBudgetDocument {
  const file = path.join(__dirname, '../../../../packages/domain/fixtures/qiaokou-bigdata-2020.json');
  return JSON.parse(readFileSync(file, 'utf8')) as TBudgetDocument;
}

/** The seed moved to another department: its code, its one unit and every line's unit follow. */
export function seedDocumentFor(department: { code: string; name: string }): TBudgetDocument {
  const doc = seedDocument();
  const unit = { ...doc.department.units[0], code: department.code, name: department.name, level: 'self' as const };
  return {
    ...doc,
    department: { ...doc.department, code: department.code, name: department.name, units: [unit] },
    expenditureLines: doc.expenditureLines.map((l) => ({ ...l, unitCode: department.code })),
    projects: doc.projects.map((p) => ({ ...p, unitCode: department.code })),
  };
}

export interface TBudgetRef {
  id: string;
  version: number;
}

/** Creates the home department's 2020 draft and imports the seed into it, over HTTP. */
export async function createSeededBudget(t: TTarget, preparer: TSignedIn, fiscalYear = 2020, document = seedDocument()): Promise<TBudgetRef> {
  const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
  const { id, version } = created.body as TBudgetRef;
  const imported = await t
    .http()
    .put(`/api/budgets/${id}/document`)
    .set(preparer.headers)
    .set('If-Match', `"${version}"`)
    .send({ ...document, fiscalYear });
  if (imported.status !== 200) throw new Error(`import answered ${imported.status}: ${imported.text}`);
  return { id, version: (imported.body as TBudgetRef).version };
}

/** Rows of the tables a write may touch, in a stable order: compared before and after a refused write. */
export async function dumpBudgetTables(t: TTarget): Promise<string> {
  const tables: Record<string, string> = {
    budgets: 'SELECT id, department_id, fiscal_year, state, version, revision_no, lines_replaced_in, document, return_reason, updated_at FROM budgets ORDER BY id',
    expenditure_lines: 'SELECT * FROM expenditure_lines ORDER BY budget_id, line_id',
    income_lines: 'SELECT * FROM income_lines ORDER BY budget_id, line_id',
    removed_expenditure_lines: 'SELECT * FROM removed_expenditure_lines ORDER BY budget_id, line_id, removed_in',
    budget_editors: 'SELECT * FROM budget_editors ORDER BY budget_id, revision_no, user_id',
    revisions: 'SELECT budget_id, revision_no, sha256 FROM revisions ORDER BY budget_id, revision_no',
    publications: 'SELECT * FROM publications ORDER BY id',
    comments: 'SELECT * FROM comments ORDER BY id',
    outbox: 'SELECT id, topic, payload FROM outbox ORDER BY id',
    idempotency_keys: 'SELECT user_id, key, status FROM idempotency_keys ORDER BY user_id, key',
    // Not the hash: the chainer links entries after commit, whatever the write under test did.
    audit_log: 'SELECT id, action FROM audit_log ORDER BY id',
  };
  const parts: string[] = [];
  for (const [name, sql] of Object.entries(tables)) parts.push(`${name}: ${JSON.stringify(await t.dataSource.query(sql))}`);
  return parts.join('\n');
}

/** The body of an approval at the last (only) stage: the opinion and the 批复's number and date. */
export const APPROVAL = { opinion: '同意', documentNo: '硚财预〔2020〕1号', date: '2020-02-20' } as const;

/** The body of a correction (更正) of a published budget. */
export const REVISION = { reason: '更正项目名称' } as const;
