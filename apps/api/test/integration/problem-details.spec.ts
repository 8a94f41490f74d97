import { randomUUID } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import { AppError } from '../../src/common/errors/app-error';
import { toProblem } from '../../src/common/errors/to-problem';
import { createTestApp, TTestApp } from '../utils/test-app';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PROBLEM_KEYS = ['code', 'detail', 'status', 'title', 'type'];

function expectProblem(res: { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `/problems/${code.toLowerCase().replaceAll('_', '-')}` });
  expect(Object.keys(res.body).filter((k) => k !== 'errors').sort()).toEqual(PROBLEM_KEYS);
  expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+|SELECT |INSERT |node_modules/);
}

describe('one error shape: application/problem+json', () => {
  it('unknown route → 404', async () => {
    expectProblem(await t.http().get('/api/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('anonymous on a private route → 401; wrong role → 403', async () => {
    expectProblem(await t.http().get('/api/users'), 401, 'UNAUTHENTICATED');
    const preparer = await t.login('preparer');
    expectProblem(await t.http().get('/api/users').set(preparer.headers), 403, 'FORBIDDEN');
  });

  it('zod failures → 400 naming every field at fault', async () => {
    const admin = await t.login('admin');
    const res = await t.http().post('/api/departments').set(admin.headers).send({ code: '12x', name: '', colour: 'red' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'code', message: 'must be 3 to 12 digits' },
        { path: 'name', message: 'required' },
        { path: '(body)', message: 'unknown field(s): colour' },
      ]),
    );
  });

  it('`__proto__`, `constructor` and `prototype` keys are refused anywhere in a body', async () => {
    const admin = await t.login('admin');
    for (const body of ['{"code":"123456","name":"x","__proto__":{"role":"admin"}}', '{"code":"123456","name":{"constructor":{"prototype":1}}}']) {
      const res = await t.http().post('/api/departments').set(admin.headers).set('Content-Type', 'application/json').send(body);
      expectProblem(res, 400, 'FORBIDDEN_JSON_KEY');
    }
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM departments WHERE code = '123456'`);
    expect(n).toBe(0);
  });

  it('malformed JSON → 400; a body over 5 MB → 413', async () => {
    const admin = await t.login('admin');
    expectProblem(await t.http().post('/api/departments').set(admin.headers).set('Content-Type', 'application/json').send('{"code": "1'), 400, 'MALFORMED_JSON');
    const huge = JSON.stringify({ code: '123456', name: 'x'.repeat(5 * 1024 * 1024 + 10) });
    expectProblem(await t.http().post('/api/departments').set(admin.headers).set('Content-Type', 'application/json').send(huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a foreign department answers exactly like a missing one', async () => {
    const preparer = await t.login('preparer');
    const own = await t.http().get(`/api/departments/${t.people.departments.home.id}/units`).set(preparer.headers);
    expect(own.status).toBe(200);
    const foreign = await t.http().get(`/api/departments/${t.people.departments.other.id}/units`).set(preparer.headers);
    const missing = await t.http().get(`/api/departments/${randomUUID()}/units`).set(preparer.headers);
    expectProblem(foreign, 404, 'NOT_FOUND');
    expect(foreign.body).toEqual(missing.body);
    // A reviewer assigned only to the other department sees it, but not the home one.
    const assigned = await t.login('reviewer_other');
    await t.http().get(`/api/departments/${t.people.departments.other.id}/units`).set(assigned.headers).expect(200);
    await t.http().get(`/api/departments/${t.people.departments.home.id}/units`).set(assigned.headers).expect(404);
  });

  it('an unexpected error (e.g. from SQL) is a bare 500 without its message, stack or SQL', () => {
    const sqlError = Object.assign(new Error('syntax error at or near "DROP" in SELECT * FROM users'), { query: 'SELECT * FROM users' });
    const { problem } = toProblem(sqlError);
    expect(problem).toEqual({ type: '/problems/internal', title: 'Internal Server Error', status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred; it has been logged.' });
    expect(toProblem(new AppError('VERSION_CONFLICT', 'stale')).problem.status).toBe(409);
    // Nest's own exceptions (e.g. from a built-in pipe) keep their status and get the code of that status.
    expect(toProblem(new BadRequestException('Validation failed (uuid is expected)')).problem).toEqual({ type: '/problems/validation-failed', title: 'Bad Request', status: 400, code: 'VALIDATION_FAILED', detail: 'Bad Request' });
  });
});
