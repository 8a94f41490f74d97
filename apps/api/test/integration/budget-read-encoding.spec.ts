import { get, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

let t: TTestApp;
let preparer: TSignedIn;
let budgetId: string;

beforeAll(async () => {
  t = await createTestApp();
  preparer = await t.login('preparer');
  budgetId = (await createSeededBudget(t, preparer)).id;
});
afterAll(() => t.close());

/** The raw answer, bytes as sent (fetch and supertest would decode them). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${t.baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('GET /api/budgets/:id, gzipped when asked', () => {
  it('a client that accepts gzip gets the same JSON, gzipped, in a fraction of the bytes', async () => {
    const plain = await rawGet(`/api/budgets/${budgetId}`, preparer.headers);
    const zipped = await rawGet(`/api/budgets/${budgetId}`, { ...preparer.headers, 'Accept-Encoding': 'gzip, deflate, br' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(zipped.headers['etag']).toBe(plain.headers['etag']);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    // a second answer reuses the part deflated once, and still decodes to the same
    const again = await rawGet(`/api/budgets/${budgetId}?linePage=1&linePageSize=5`, { ...preparer.headers, 'Accept-Encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(again.body).toString('utf8'))).toEqual(expect.objectContaining({ id: budgetId }));
  });

  it('a client that refuses gzip gets the plain bytes', async () => {
    const refused = await rawGet(`/api/budgets/${budgetId}`, { ...preparer.headers, 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual(expect.objectContaining({ id: budgetId }));
  });
});
