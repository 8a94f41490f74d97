import request from 'supertest';
import { startBudgetflow, TRunningBudgetflow } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/load-config';
import { newSigningKeyPem } from '../../src/modules/audit/signed-head';
import { createTestDatabase, TTestDatabase } from '../utils/test-database';

let db: TTestDatabase;
beforeAll(async () => {
  // An empty database: start must build the schema itself.
  db = await createTestDatabase({ migrate: false });
});
afterAll(() => db.drop());

async function snapshot(running: TRunningBudgetflow): Promise<unknown> {
  return running.dataSource.query(`
    SELECT (SELECT count(*)::int FROM migrations) AS migrations,
           (SELECT array_agg(code ORDER BY code) FROM departments) AS departments,
           (SELECT array_agg(username ORDER BY username) FROM users WHERE active) AS active_users,
           (SELECT count(*)::int FROM budgets) AS budgets,
           (SELECT count(*)::int FROM expenditure_lines) AS lines,
           (SELECT count(*)::int FROM audit_log WHERE action <> 'auth.login') AS audit_entries`);
}

describe('start against a fresh database', () => {
  it('migrates, loads the demo data once, and a second start changes nothing', async () => {
    const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', DEMO_PASSWORD: 'another-demo-pass' });
    const first = await startBudgetflow(config);
    let afterFirst: unknown;
    try {
      afterFirst = await snapshot(first);
      expect(afterFirst).toEqual([
        expect.objectContaining({
          departments: ['019001', '998001', '999001'],
          active_users: ['admin', 'auditor', 'leader3', 'preparer', 'preparer2', 'preparer3', 'publisher', 'publisher3', 'reviewer', 'reviewer2', 'reviewer3', 'secadmin', 'signer', 'unitprep3'],
          // the 部门预算 of the three departments, and 示例第一中学's 单位预算
          budgets: 4,
        }),
      ]);
      const server = first.app.getHttpServer();
      await request(server).get('/api/health').expect(200, { status: 'ok', database: 'ok', redis: 'ok', jobs: 'redis' });
      const login = await request(server).post('/api/auth/login').send({ username: 'preparer', password: 'another-demo-pass' }).expect(200);
      expect(login.body.user).toMatchObject({ role: 'preparer', departmentCode: '019001' });
      const budgets = await request(server).get('/api/budgets?year=2020').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(budgets.body.items).toEqual([expect.objectContaining({ fiscalYear: 2020, state: 'draft' })]);
      // 示例第一中学's budget waits on its department's reviewer (主管部门审核).
      const leader = await request(server).post('/api/auth/login').send({ username: 'leader3', password: 'another-demo-pass' }).expect(200);
      const queue = await request(server).get('/api/reviews/queue').set('Authorization', `Bearer ${leader.body.accessToken}`).expect(200);
      expect(queue.body.items).toEqual([expect.objectContaining({ unit: { code: '998001001', name: '示例第一中学' }, yourStage: true })]);
      // The 预算科 issued the demo 控制数, with room left on each.
      const ceilings = await request(server).get(`/api/budgets/${budgets.body.items[0].id}/ceilings`).set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(ceilings.body).toMatchObject({ version: 1, comparison: expect.arrayContaining([expect.objectContaining({ ceiling: 'total' })]) });
      expect((ceilings.body.comparison as { roomFen: string }[]).filter((c) => c.roomFen.startsWith('-'))).toEqual([]);
      const [{ lines }] = await first.dataSource.query(`SELECT count(*)::int AS lines FROM expenditure_lines e JOIN budgets b ON b.id = e.budget_id JOIN departments d ON d.id = b.department_id WHERE d.code = '019001'`);
      expect(lines).toBe(30);
      // 公开前须审签: the demo bureau's 2021 budgets wait for the signer's 审签; 2020 publishes without one.
      const policies = await first.dataSource.query(`SELECT fiscal_year, sign_off_required FROM publication_policies p JOIN finance_bureaus f ON f.id = p.bureau_id WHERE f.code = '420104' ORDER BY fiscal_year`);
      expect(policies).toEqual([{ fiscal_year: 2021, sign_off_required: true }]);
    } finally {
      await first.stop();
    }
    const second = await startBudgetflow(config);
    try {
      expect(await snapshot(second)).toEqual(afterFirst);
    } finally {
      await second.stop();
    }
  });

  it('production mode creates no demo accounts and switches existing ones off', async () => {
    const production = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', BUDGETFLOW_MODE: 'production', SESSION_SECRET: 'p'.repeat(40), AUDIT_SIGNING_KEY: newSigningKeyPem() });
    const running = await startBudgetflow(production);
    try {
      const [{ active }] = await running.dataSource.query(`SELECT count(*)::int AS active FROM users WHERE demo AND active`);
      expect(active).toBe(0);
      await request(running.app.getHttpServer()).post('/api/auth/login').send({ username: 'preparer', password: 'another-demo-pass' }).expect(401);
    } finally {
      await running.stop();
    }
  });
});
