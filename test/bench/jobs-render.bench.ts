import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { ZBudgetDocument, catalogueForYear, deriveDisclosure, type TDisclosure } from '@budgetflow/domain';
import { renderDisclosurePdf } from '../../apps/api/src/modules/reports/pdf/disclosure-pdf.renderer';
import { renderDisclosureXlsx } from '../../apps/api/src/modules/reports/xlsx/disclosure-xlsx.renderer';
import { createRedis } from '../../apps/api/src/queue/redis-connection';
import { medianAsyncMs, type Figure } from './bench';

// BullMQ is the API's dependency, not the workspace root's: load it (and its types) from there.
type TBullmq = typeof import('../../apps/api/node_modules/bullmq');
const { Queue, Worker } = createRequire(join(__dirname, '../../apps/api/package.json'))('bullmq') as TBullmq;

const REDIS_URL = 'redis://127.0.0.1:6379';
const CREATED_AT = new Date('2020-03-01T08:00:00Z');

function seed(): TDisclosure {
  const doc = ZBudgetDocument.parse(JSON.parse(readFileSync(join(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')));
  return deriveDisclosure(doc, catalogueForYear(doc.fiscalYear));
}

/** The seed's PDF and workbook, the two heavy files of a report. */
async function renderReport(disclosure: TDisclosure): Promise<number> {
  const [pdf, xlsx] = await Promise.all([renderDisclosurePdf(disclosure, { createdAt: CREATED_AT }), renderDisclosureXlsx(disclosure, { createdAt: CREATED_AT })]);
  return pdf.length + xlsx.length;
}

/**
 * Runs `count` report jobs through a BullMQ queue of its own (a fresh key prefix, removed after)
 * with `concurrency` slots; answers the wall time from the first add to the last completion and how
 * many jobs failed.
 */
async function throughQueue(disclosure: TDisclosure, count: number, concurrency: number): Promise<{ ms: number; failed: number }> {
  const prefix = `bf_bench_${randomBytes(4).toString('hex')}`;
  const connection = createRedis(REDIS_URL);
  const queue = new Queue('reports', { connection, prefix });
  let done = 0;
  let failed = 0;
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const settle = (): void => {
    if (done + failed === count) finish();
  };
  // The worker's own connection: BullMQ never closes a connection it was handed, so this run does.
  const workerConnection = createRedis(REDIS_URL);
  const worker = new Worker('reports', async () => renderReport(disclosure), { connection: workerConnection, prefix, concurrency });
  worker.on('completed', () => {
    done += 1;
    settle();
  });
  worker.on('failed', () => {
    failed += 1;
    settle();
  });
  await worker.waitUntilReady();
  const start = process.hrtime.bigint();
  await queue.addBulk(Array.from({ length: count }, (_, i) => ({ name: 'render', data: { n: i }, opts: { jobId: `report-${i}` } })));
  await allDone;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await worker.close();
  workerConnection.disconnect();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return { ms, failed };
}

export async function run(report: (figure: Figure) => void): Promise<void> {
  const disclosure = seed();
  const reportMs = await medianAsyncMs(7, () => renderReport(disclosure));
  report({ name: 'jobs.render.seed-pdf-xlsx', value: reportMs, unit: 'ms', target: { op: '<=', value: 1000 } });

  const eight = await throughQueue(disclosure, 8, 8);
  report({ name: 'jobs.render.8-at-once.failed', value: eight.failed, unit: 'jobs', target: { op: '<=', value: 0 }, decimals: 0 });
  report({ name: 'jobs.render.8-at-once.wall', value: eight.ms, unit: 'ms', target: { op: '<=', value: 8 * 1000 } });

  // Queue overhead: the same reports one after another, directly and as jobs of a one-slot worker.
  const count = 12;
  const directStart = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await renderReport(disclosure);
  const directMs = Number(process.hrtime.bigint() - directStart) / 1e6;
  const queued = await throughQueue(disclosure, count, 1);
  report({ name: 'jobs.queue-overhead', value: ((queued.ms - directMs) / directMs) * 100, unit: '%', target: { op: '<=', value: 5 } });
}
