import { TEST_PASSWORD } from '../utils/seed-people';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import { createSeededBudget, seedDocument, signIn, type TBudgetRef } from './budget-test-kit';

/**
 * Every text field of every input route, found in the OpenAPI document, refuses NUL and a lone
 * surrogate with a 400 naming the field; every string parameter of every route answers either
 * without a 5xx.
 */
interface TSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, TSchema>;
  additionalProperties?: TSchema | boolean;
  items?: TSchema;
  oneOf?: TSchema[];
  anyOf?: TSchema[];
  allOf?: TSchema[];
}
interface TOperation {
  parameters?: { in: string; name: string; schema?: TSchema }[];
  requestBody?: { content: Record<string, { schema: TSchema }> };
}
type TOpenApi = { paths: Record<string, Record<string, TOperation>> };

/** A request that the route accepts (or refuses for a reason other than its text): the values get spoiled one by one. */
interface TSample {
  as: 'anonymous' | 'admin' | 'preparer' | 'reviewer' | 'secadmin' | 'signer';
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

const SPOILERS = { NUL: (text: string) => `${text}\u0000x`, 'a lone surrogate': (text: string) => `${text}\uD800x` };

/** Does the schema hold a string that is not an enum anywhere? Such routes need a sample. */
function hasText(schema: TSchema | undefined): boolean {
  if (schema === undefined) return false;
  if (schema.type === 'string' && schema.enum === undefined) return true;
  const inner = [...Object.values(schema.properties ?? {}), schema.items, ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  if (typeof schema.additionalProperties === 'object') inner.push(schema.additionalProperties);
  return inner.some((s) => hasText(s));
}

/** The branch of a union the sample is of: the one whose properties hold every key and whose enums it matches. */
function branchOf(options: TSchema[], value: unknown): TSchema | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return options.find((o) => o.type !== 'object');
  return options.find((o) =>
    Object.entries(value).every(([key, v]) => {
      const property = o.properties?.[key];
      return property !== undefined && (property.enum === undefined || property.enum.includes(v));
    }),
  );
}

/** Paths (dotted, as errors[].path names them) of the sample's values that the schema says are text. */
function textPaths(schema: TSchema | undefined, value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (schema === undefined || value === undefined || value === null) return [];
  const union = schema.oneOf ?? schema.anyOf;
  if (union !== undefined) return textPaths(branchOf(union, value), value, path);
  if (schema.allOf !== undefined) return schema.allOf.flatMap((s) => textPaths(s, value, path));
  if (typeof value === 'string') return schema.type === 'string' && schema.enum === undefined ? [path] : [];
  if (Array.isArray(value)) return value.length === 0 ? [] : textPaths(schema.items, value[0], [...path, 0]);
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    // A record's key is text too: spoil the key itself, as a second entry of the record.
    const keys = schema.properties?.[key] === undefined && property !== undefined ? [[...path, `${key}`, '(key)']] : [];
    return [...keys, ...textPaths(property, v, [...path, key])];
  });
}

function spoil(value: unknown, path: (string | number)[], change: (text: string) => string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const isKey = path.at(-1) === '(key)';
  const steps = isKey ? path.slice(0, -1) : path;
  let at = copy;
  for (const key of steps.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = steps.at(-1) as string | number;
  if (isKey) at[change(String(last))] = at[last];
  else at[last] = change(String(at[last]));
  return copy;
}

describe('NUL and lone surrogates in text', () => {
  let t: TTestApp;
  let who: Record<'admin' | 'preparer' | 'reviewer' | 'secadmin' | 'signer', TSignedIn>;
  let draft: TBudgetRef;
  let submitted: TBudgetRef;
  let commentId: string;
  let openApi: TOpenApi;

  beforeAll(async () => {
    t = await createTestApp();
    const people = await signIn(t, 'admin', 'preparer', 'reviewer', 'secadmin');
    // a signer (审签人) for the 审签's opinion
    await t.http().post('/api/users').set(people.admin.headers).send({ username: 'signer', displayName: '审签人', password: TEST_PASSWORD, role: 'signer' }).expect(201);
    who = { ...people, signer: await t.login('signer') };
    draft = await createSeededBudget(t, who.preparer, 2020);
    submitted = await createSeededBudget(t, who.preparer, 2021);
    await t.http().post(`/api/budgets/${submitted.id}/submit`).set(who.preparer.headers).send({}).expect(200);
    const comment = await t.http().post(`/api/budgets/${submitted.id}/comments`).set(who.reviewer.headers).send({ target: { kind: 'budget' }, body: '问题' }).expect(201);
    commentId = (comment.body as { id: string }).id;
    openApi = (await t.http().get('/api/docs/openapi.json').expect(200)).body as TOpenApi;
  });
  afterAll(() => t.close());

  const samples = (): Record<string, TSample[]> => {
    const home = t.people.departments.home.id;
    const line = seedDocument().expenditureLines[0]!;
    return {
      'POST /api/auth/login': [{ as: 'anonymous', path: '/api/auth/login', body: { username: 'preparer', password: TEST_PASSWORD } }],
      'POST /api/departments': [{ as: 'admin', path: '/api/departments', body: { code: '555001', name: '新部门' } }],
      'PATCH /api/departments/{id}': [{ as: 'admin', path: `/api/departments/${home}`, body: { name: '改名' } }],
      'POST /api/departments/{id}/units': [{ as: 'admin', path: `/api/departments/${home}/units`, body: { code: '555002', name: '新单位' } }],
      'POST /api/users': [{ as: 'admin', path: '/api/users', body: { username: 'newuser', displayName: '新用户', password: 'long-enough-password', role: 'reviewer' } }],
      'PATCH /api/users/{id}': [{ as: 'admin', path: `/api/users/${t.people.users.reviewer2.id}`, body: { displayName: '改名', password: 'long-enough-password' } }],
      'PATCH /api/users/{id}/role': [{ as: 'secadmin', path: `/api/users/${t.people.users.reviewer2.id}/role`, body: { role: 'publisher', departmentCode: '999001' } }],
      'POST /api/auth/password': [{ as: 'preparer', path: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'long-enough-passphrase' } }],
      'POST /api/auth/totp/enrolment/confirm': [{ as: 'preparer', path: '/api/auth/totp/enrolment/confirm', body: { code: '123456' } }],
      'POST /api/budgets': [{ as: 'preparer', path: '/api/budgets', body: { fiscalYear: 2022, departmentId: home } }],
      'PATCH /api/budgets/{id}/lines': [
        {
          as: 'preparer',
          path: `/api/budgets/${draft.id}/lines`,
          body: { version: draft.version, upsertExpenditure: [{ ...line, id: 'N1', note: '备注' }], removeExpenditure: ['L002'], upsertIncome: [{ id: 'I9', source: 'other-income', amount: '1.00' }], removeIncome: ['I1'] },
        },
      ],
      'PUT /api/budgets/{id}/document': [{ as: 'preparer', path: `/api/budgets/${draft.id}/document`, body: seedDocument(), headers: { 'If-Match': `"${draft.version}"` } }],
      'POST /api/budgets/{id}/comments': [
        { as: 'reviewer', path: `/api/budgets/${submitted.id}/comments`, body: { target: { kind: 'row', table: 'T1', row: 'r1' }, body: '问题' } },
        { as: 'reviewer', path: `/api/budgets/${submitted.id}/comments`, body: { target: { kind: 'line', lineId: 'L001' }, body: '问题' } },
      ],
      'POST /api/comments/{id}/answer': [{ as: 'preparer', path: `/api/comments/${commentId}/answer`, body: { answer: '答复' } }],
      'POST /api/budgets/{id}/return': [{ as: 'reviewer', path: `/api/budgets/${submitted.id}/return`, body: { reason: '退回' } }],
      'PUT /api/fiscal-years/{year}': [{ as: 'admin', path: '/api/fiscal-years/2023', body: { status: 'open', template: 'shanghai-district' } }],
      'PUT /api/admin/bureaus/{code}': [{ as: 'admin', path: '/api/admin/bureaus/420104', body: { name: '财政局', departments: ['019001'] } }],
      'PUT /api/admin/offices/{code}': [{ as: 'admin', path: '/api/admin/offices/yusuanke', body: { bureau: '420104', name: '预算科', kind: 'budget', departments: ['019001'], reviewers: ['reviewer'] } }],
      'PUT /api/admin/review-chains/{bureau}/{year}': [
        { as: 'admin', path: '/api/admin/review-chains/420104/2020', body: { proposalRound: false, stages: [{ key: 'budget', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } }] } },
      ],
      'POST /api/delegations': [{ as: 'reviewer', path: '/api/delegations', body: { delegate: 'reviewer2', startsOn: '2020-01-01', endsOn: '2020-01-31', reason: '出差' } }],
      'POST /api/budgets/{id}/approve': [{ as: 'reviewer', path: `/api/budgets/${submitted.id}/approve`, body: { opinion: '同意', documentNo: '硚财预〔2020〕1号', date: '2020-02-20' } }],
      'POST /api/budgets/{id}/revise': [{ as: 'preparer', path: `/api/budgets/${draft.id}/revise`, body: { reason: '更正' } }],
      'POST /api/budgets/{id}/issue-ceilings': [{ as: 'reviewer', path: `/api/budgets/${submitted.id}/issue-ceilings`, body: { opinion: '按控制数编制' } }],
      'POST /api/budgets/{id}/sign-off': [{ as: 'signer', path: `/api/budgets/${submitted.id}/sign-off`, body: { opinion: '同意公开' } }],
      'POST /api/budgets/{id}/adjust': [{ as: 'preparer', path: `/api/budgets/${draft.id}/adjust`, body: { kind: 'transfer', reason: '调剂' } }],
      'PUT /api/budgets/{id}/ceilings': [{ as: 'reviewer', path: `/api/budgets/${draft.id}/ceilings`, body: { ceilings: { total: '200000000' } } }],
      'POST /api/bureau/ceilings/{year}/uploads': [{ as: 'reviewer', path: '/api/bureau/ceilings/2020/uploads', body: { csv: '部门编码,支出总额\n019001,100\n' } }],
      'POST /api/catalogue/{year}/uploads': [
        { as: 'admin', path: '/api/catalogue/2021/uploads', body: { functional: 'code,name\n201,一般公共服务支出\n', economic: 'code,name\n301,工资福利支出\n' } },
      ],
    };
  };

  it('a JSON body: every text field answers 400 naming it', async () => {
    const all = samples();
    const failures: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(openApi.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!hasText(schema)) continue;
        const route = `${method.toUpperCase()} ${path}`;
        const routeSamples = all[route];
        if (routeSamples === undefined) {
          failures.push(`${route}: takes text but has no sample here`);
          continue;
        }
        for (const sample of routeSamples) {
          const fields = textPaths(schema, sample.body);
          if (fields.length === 0) failures.push(`${route}: the sample holds no text field`);
          for (const field of fields) {
            const named = field.filter((p) => p !== '(key)').join('.');
            for (const [what, change] of Object.entries(SPOILERS)) {
              let req = t.http()[method as 'post' | 'put' | 'patch'](sample.path);
              if (sample.as !== 'anonymous') req = req.set(who[sample.as].headers);
              for (const [name, value] of Object.entries(sample.headers ?? {})) req = req.set(name, value);
              const res = await req.send(spoil(sample.body, field, change) as object);
              checked += 1;
              const errors = ((res.body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
              const expected = field.at(-1) === '(key)' ? field.slice(0, -2).concat(change(String(field.at(-2)))).join('.') : named;
              if (res.status !== 400 || !errors.includes(expected)) failures.push(`${route} ${named} with ${what}: ${res.status} ${JSON.stringify(errors)} (expected 400 naming ${JSON.stringify(expected)})`);
            }
          }
        }
      }
    }
    process.stdout.write(`text fields: ${checked} requests\n`);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 120_000);

  it('every string parameter of every route answers without a 5xx', async () => {
    // A submitted budget has revision 1: its file route reaches the lookup by name.
    const values: Record<string, string> = { id: submitted.id, year: '2020', kind: 'functional', no: '1', name: 'disclosure.pdf', queue: 'totals' };
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(openApi.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== 'path' && parameter.in !== 'query') continue;
          for (const bad of ['%00', 'a%00b', '%ED%A0%80', '%uD800']) {
            let url = path.replace(/\{(\w+)\}/g, (_, name: string) => (parameter.in === 'path' && name === parameter.name ? bad : (values[name] ?? 'x')));
            if (parameter.in === 'query') url += `?${parameter.name}=${bad}`;
            const res = await t.http()[method as 'get' | 'post'](url).set(who.admin.headers).send(method === 'get' ? undefined : {});
            if (res.status >= 500) failures.push(`${method.toUpperCase()} ${url}: ${res.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
