import type { TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { BureauDeskRepository } from '../../apps/api/src/modules/bureau/bureau-desk.repository';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { bareManager, bareSessions, CLIENTS, concurrentLatencies, json, percentile, pg, signIn, startServer, stopServer, type TPgClient, type TPgPool } from './api-bench-kit';
import type { Figure } from './bench';

const DEPARTMENTS = 100;
const LINES_PER_BUDGET = 500;
const ROUNDS_PER_CLIENT = 10;
const YEAR = 2020;
const STATES = ['draft', 'submitted', 'returned', 'approved'];
/** Every UNITS_EVERY-th department is a 主管部门 with UNITS_PER_DEPARTMENT 二级单位, under Shanghai's template (a 单位 scope). */
const UNITS_EVERY = 4;
const UNITS_PER_DEPARTMENT = 2;

/**
 * A district of DEPARTMENTS departments, each with a budget of the year: the home department's
 * imported and derived over HTTP, the others copies of it made in SQL (lines, derivation and all, in
 * a spread of states), and each with ceilings, a tenth of them exceeded. A quarter of them have
 * 二级单位 (seedUnits), so that the desk's compliance list carries the units' part.
 */
async function seedDistrict(url: string, databaseUrl: string): Promise<void> {
  const { headers } = await signIn(url, 'preparer', TEST_PASSWORD);
  const generated = generateBudget({ lines: LINES_PER_BUDGET, fiscalYear: YEAR });
  const document: TBudgetDocument = { ...generated, department: { ...generated.department, code: '019001' } };
  const created = await json(`${url}/api/budgets`, { method: 'POST', headers, body: JSON.stringify({ fiscalYear: YEAR }) });
  const id = String(created.body['id']);
  await json(`${url}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${String(created.body['version'])}"` }, body: JSON.stringify(document) });
  await json(`${url}/api/budgets/${id}`, { method: 'GET', headers });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO departments (code, name) SELECT '7' || lpad(n::text, 5, '0'), '测试部门' || n FROM generate_series(2, $1::int) n`, [DEPARTMENTS]);
    await client.query(
      `INSERT INTO budgets (department_id, fiscal_year, state, version, document, lines_replaced_in, next_line_ordinal)
       SELECT d.id, src.fiscal_year, ($2::text[])[1 + (row_number() OVER (ORDER BY d.code))::int % 4], src.version, src.document, src.lines_replaced_in, src.next_line_ordinal
       FROM departments d, budgets src WHERE src.id = $1 AND d.code LIKE '7%'`,
      [id, STATES],
    );
    await client.query(
      `INSERT INTO expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note)
       SELECT b.id, b.fiscal_year, l.line_id, l.ordinal, l.unit_code, l.function_code, l.economic_code, l.kind, l.project_id, l.fund_source, l.amount, l.note
       FROM budgets b JOIN departments d ON d.id = b.department_id, expenditure_lines l WHERE d.code LIKE '7%' AND l.budget_id = $1`,
      [id],
    );
    await client.query(
      `INSERT INTO budget_derivations (budget_id, version, payload, catalogue_key)
       SELECT b.id, src.version, src.payload, src.catalogue_key FROM budgets b JOIN departments d ON d.id = b.department_id, budget_derivations src
       WHERE d.code LIKE '7%' AND src.budget_id = $1`,
      [id],
    );
    const [{ fen }] = (await client.query(`SELECT (sum(amount) * 100)::bigint::text AS fen FROM expenditure_lines WHERE budget_id = $1`, [id])).rows as [{ fen: string }];
    await client.query(
      `INSERT INTO department_ceilings (department_id, fiscal_year, ceilings, issued_by)
       SELECT b.department_id, $1, jsonb_build_object('total', (CASE WHEN row_number() OVER (ORDER BY b.id) % 10 = 0 THEN $2::bigint - 1 ELSE $2::bigint END)::text, 'byFundSource', '{}'::jsonb, 'threePublic', '{}'::jsonb),
              (SELECT id FROM users WHERE username = 'reviewer')
       FROM budgets b WHERE b.fiscal_year = $1`,
      [YEAR, fen],
    );
    await seedUnits(client);
  } finally {
    await client.end();
  }
}

/**
 * The 二级单位, as the demo's 示例教育局 has 示例第一中学: units marked subordinate, each with its own
 * budget of the year approved by its department (round unit), the 部门预算 under Shanghai's template;
 * the approved 部门预算 have their 批复, and the first unit of each has published its 单位预算.
 */
async function seedUnits(client: TPgClient): Promise<void> {
  const withUnits = `d.code LIKE '7%' AND right(d.code, 5)::int % ${UNITS_EVERY} = 0`;
  await client.query(
    `INSERT INTO budget_units (department_id, code, name, level)
     SELECT d.id, d.code || lpad(u::text, 3, '0'), d.name || '二级单位' || u, 'subordinate' FROM departments d, generate_series(1, $1::int) u WHERE ${withUnits}`,
    [UNITS_PER_DEPARTMENT],
  );
  await client.query(
    `UPDATE budgets b SET document = jsonb_set(b.document, '{template}', '"shanghai-district"'),
            replied_on = CASE WHEN b.state = 'approved' THEN DATE '${YEAR}-03-01' END
     FROM departments d WHERE d.id = b.department_id AND ${withUnits}`,
  );
  const { rows } = (await client.query(
    `INSERT INTO budgets (department_id, fiscal_year, unit_code, state, round, version, revision_no, document)
     SELECT bu.department_id, $1, bu.code, 'approved', 'unit', 2, 1, '{}'::jsonb
     FROM budget_units bu JOIN departments d ON d.id = bu.department_id WHERE bu.level = 'subordinate' AND ${withUnits}
     RETURNING id, department_id, unit_code`,
    [YEAR],
  )) as { rows: { id: string; department_id: string; unit_code: string }[] };
  const published = rows.filter((row) => row.unit_code.endsWith('001'));
  await client.query(
    `INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors)
     SELECT r.budget_id, 1, 2, '{}', '{}', '[]', repeat('a', 64), u.id, ARRAY[u.id] FROM unnest($1::uuid[]) AS r(budget_id), users u WHERE u.username = 'preparer'`,
    [published.map((row) => row.id)],
  );
  await client.query(
    `INSERT INTO publications (budget_id, version_no, revision_no, department_id, fiscal_year, published_by, unit_code)
     SELECT b.id, 1, 1, b.department_id, b.fiscal_year, u.id, b.unit_code FROM budgets b, users u WHERE b.id = ANY($1::uuid[]) AND u.username = 'publisher'`,
    [published.map((row) => row.id)],
  );
  await client.query(`UPDATE budgets SET state = 'published' WHERE id = ANY($1::uuid[])`, [published.map((row) => row.id)]);
}

/**
 * The statements GET /api/bureau/overview sends, by the API's own repositories on a bare pg pool:
 * session, then the desk (its figures fresh, one statement) beside its compliance list's 二级单位.
 */
function overviewQueries(pool: TPgPool, token: string): () => Promise<unknown> {
  const sessions = bareSessions(pool);
  const bureau = new BureauDeskRepository();
  const m = bareManager(pool);
  return async () => {
    const caller = await sessions.authenticate(token);
    if (caller === null) throw new Error('the bench session expired');
    return Promise.all([bureau.desk(m, YEAR, null), bureau.unitPublications(m, YEAR, null)]);
  };
}

export async function run(report: (figure: Figure) => void): Promise<void> {
  const server = await startServer();
  try {
    await seedDistrict(server.url, server.databaseUrl);
    const { token, headers } = await signIn(server.url, 'reviewer', TEST_PASSWORD);
    const read = async () => {
      const res = await fetch(`${server.url}/api/bureau/overview?year=${YEAR}`, { headers });
      if (res.status !== 200) throw new Error(`GET /api/bureau/overview answered ${res.status}`);
      const body = (await res.json()) as { departments: unknown[]; compliance: { units?: unknown[] }[] };
      if (body.departments.length < DEPARTMENTS) throw new Error(`the overview lists ${body.departments.length} departments`);
      const withUnits = body.compliance.filter((entry) => entry.units !== undefined).length;
      if (withUnits < DEPARTMENTS / UNITS_EVERY) throw new Error(`the overview's compliance list has the 二级单位 of ${withUnits} departments`);
    };
    // Warmed as a steady desk is: one concurrent round first (the pool's connections opened, the code compiled), then measured.
    await concurrentLatencies(1, read);
    const p99 = percentile((await concurrentLatencies(ROUNDS_PER_CLIENT, read)).latencies, 99);
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CLIENTS });
    try {
      const queries = overviewQueries(pool, token);
      await concurrentLatencies(1, queries);
      const sqlP99 = percentile((await concurrentLatencies(ROUNDS_PER_CLIENT, queries)).latencies, 99);
      report({ name: `api.bureau-overview-${DEPARTMENTS}.c${CLIENTS}.p99`, value: p99, unit: 'ms', target: { op: '<=', value: 300 } });
      report({ name: `api.bureau-overview-${DEPARTMENTS}.c${CLIENTS}.sql-p99`, value: sqlP99, unit: 'ms', target: { op: '>', value: 0 } });
      report({ name: `api.bureau-overview-${DEPARTMENTS}.c${CLIENTS}.ratio-to-sql`, value: p99 / sqlP99, unit: 'x', target: { op: '<=', value: 2 }, decimals: 2 });
    } finally {
      await pool.end();
    }
  } finally {
    await stopServer(server);
  }
}
