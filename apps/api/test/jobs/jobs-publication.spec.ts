import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { renderDisclosurePdf } from '../../src/modules/reports/pdf/disclosure-pdf.renderer';
import { renderDisclosureXlsx } from '../../src/modules/reports/xlsx/disclosure-xlsx.renderer';
import { jobHandlers } from '../../src/queue/job-handlers';
import { outboxJobId } from '../../src/queue/job-registry';
import { JobRuntime } from '../../src/queue/job-runtime';
import { reconcileOutbox, relayOutbox } from '../../src/queue/outbox-relay';
import { closeQueues, createQueues } from '../../src/queue/queues';
import { createRedis } from '../../src/queue/redis-connection';
import { OutboxClaims } from '../../src/queue/in-process/outbox-claims';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';
import { seedPeople, type TSeededPeople } from '../utils/seed-people';
import { JOB_DRIVERS, startTestJobs } from './job-drivers';
import { expectRenderedOnce, insertOutbox, insertPublishedBudget, openPublicationJobs, renderPublication, testQueuePrefix, undoneOutboxRows, waitFor, wipeRedisPrefix, type TPublicationJobs } from './jobs-fixtures';
import { REVISION_DATE } from './seed-disclosure';

let db: TTestDatabase;
let jobs: TPublicationJobs;
let people: TSeededPeople;
const prefix = testQueuePrefix();

beforeAll(async () => {
  db = await createTestDatabase();
  jobs = await openPublicationJobs(db.url);
  people = await seedPeople(jobs.ds);
});

afterAll(async () => {
  await wipeRedisPrefix(jobs.redisUrl, prefix);
  await jobs.ds.destroy();
  await db.drop();
});

function startRuntime(keyPrefix = prefix): JobRuntime {
  return JobRuntime.start({
    dataSource: jobs.ds,
    redisUrl: jobs.redisUrl,
    prefix: keyPrefix,
    handlers: jobHandlers(jobs.ds),
    relayIntervalMs: 100,
    reconcileIntervalMs: 200,
    reconcileAfterSeconds: 0,
    log: () => undefined,
  });
}

describe.each(JOB_DRIVERS)('publication, jobs on %s', (driver) => {
  it('renders, checks and stores the files of a published revision, each downloadable with its listed sha256', async () => {
    const published = await insertPublishedBudget(jobs.ds, people, jobs.disclosure, driver === 'redis' ? 2020 : 2030);
    await renderPublication(jobs.ds, published);
    const running = startTestJobs(driver, { dataSource: jobs.ds, prefix });
    try {
      // A render thread's first PDF on a loaded machine takes a while. The files are stored before the job is
      // marked done, so the test waits for both: stopping in between would leave the row for the next start.
      await waitFor('the files', async () => (await jobs.files.listFiles(jobs.ds.manager, published.publicationId)).length > 0, 120_000);
      await waitFor('the job marked done', async () => (await undoneOutboxRows(jobs.ds)) === 0, 60_000);
    } finally {
      await running.stop();
    }
    expect(await jobs.files.findCheck(jobs.ds.manager, published.publicationId)).toEqual({ passed: true, problems: [] });
    const listed = await jobs.files.listFiles(jobs.ds.manager, published.publicationId);
    expect(listed.map((f) => f.format).sort()).toEqual(['csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'datapackage', 'datapackage', 'html', 'json', 'pdf', 'xlsx']);
    for (const file of listed) {
      const content = await jobs.files.findContent(jobs.ds.manager, file.id);
      expect(content?.content.length).toBe(file.size);
      expect(createHash('sha256').update(content?.content ?? Buffer.alloc(0)).digest('hex')).toBe(file.sha256);
    }
    // The PDF and the workbook are the revision's: rendering them again from the same revision gives the same bytes.
    const again = {
      pdf: await renderDisclosurePdf(jobs.disclosure, { createdAt: REVISION_DATE }),
      xlsx: await renderDisclosureXlsx(jobs.disclosure, { createdAt: REVISION_DATE }),
    };
    for (const format of ['pdf', 'xlsx'] as const) {
      expect(listed.find((f) => f.format === format)?.sha256).toBe(createHash('sha256').update(again[format]).digest('hex'));
    }
  }, 240_000);
});

describe('publication through the queue', () => {
  it('loses nothing when Redis forgets relayed jobs, and acts once however often they are re-enqueued', async () => {
    const published = await insertPublishedBudget(jobs.ds, people, jobs.disclosure, 2021);
    await renderPublication(jobs.ds, published);
    await insertOutbox(jobs.ds, 'budget.notify', { budgetId: published.budgetId, action: 'publish', who: 'preparers' });
    await insertOutbox(jobs.ds, 'budget.notify', { budgetId: published.budgetId, action: 'approve', who: 'reviewers' });
    // Relay, then lose Redis's copy before any worker ran: only PostgreSQL still knows.
    const producer = createRedis(jobs.redisUrl);
    const queues = createQueues(producer, prefix);
    expect(await relayOutbox(jobs.ds, queues)).toBe(3);
    await closeQueues(queues);
    producer.disconnect();
    await wipeRedisPrefix(jobs.redisUrl, prefix);
    const pending: { n: number }[] = await jobs.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NOT NULL AND done_at IS NULL`);
    expect(pending[0]?.n).toBe(3);

    const again = startRuntime();
    try {
      await waitFor('every job done', async () => (await undoneOutboxRows(jobs.ds)) === 0);
      // Re-enqueueing finished work is harmless: the jobs find their outcome and change nothing.
      await jobs.ds.query(`UPDATE outbox SET done_at = NULL`);
      await wipeRedisPrefix(jobs.redisUrl, prefix);
      await reconcileOutbox(jobs.ds, again.queues, 0);
      await waitFor('every job done again', async () => (await undoneOutboxRows(jobs.ds)) === 0);
    } finally {
      await again.stop();
    }
    const checks: { n: number }[] = await jobs.ds.query(`SELECT count(*)::int AS n FROM publication_checks WHERE publication_id = $1`, [published.publicationId]);
    expect(checks[0]?.n).toBe(1);
    const notified: { username: string; action: string }[] = await jobs.ds.query(
      `SELECT u.username, n.action FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.budget_id = $1 ORDER BY n.action, u.username`,
      [published.budgetId],
    );
    // Reviewers of all departments hear of the approval; the home department's preparer of the publication.
    expect(notified).toEqual([
      { username: 'reviewer', action: 'approve' },
      { username: 'reviewer2', action: 'approve' },
      { username: 'preparer', action: 'publish' },
    ]);
  });
});

describe('a deployment switched between the drivers', () => {
  const switchPrefix = testQueuePrefix();

  afterAll(() => wipeRedisPrefix(jobs.redisUrl, switchPrefix));

  async function notifiedOf(budgetId: string): Promise<number> {
    const rows: { n: number }[] = await jobs.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE budget_id = $1`, [budgetId]);
    return rows[0]?.n ?? -1;
  }

  it('from Redis to in process and back: the jobs Redis held are done in process, and done nothing twice when Redis runs them after all', async () => {
    const published = await insertPublishedBudget(jobs.ds, people, jobs.disclosure, 2040);
    const rendering = await renderPublication(jobs.ds, published);
    const notifying = await insertOutbox(jobs.ds, 'budget.notify', { budgetId: published.budgetId, action: 'publish', who: 'preparers' });
    const producer = createRedis(jobs.redisUrl);
    const queues = createQueues(producer, switchPrefix);
    const completedInRedis = async (queue: Queue, outboxId: string): Promise<boolean> => (await (await queue.getJob(outboxJobId(outboxId)))?.getState()) === 'completed';
    try {
      // Relayed to Redis, then the deployment restarts without it.
      expect(await relayOutbox(jobs.ds, queues)).toBe(2);
      const inProcess = startTestJobs('in-process', { dataSource: jobs.ds, prefix });
      try {
        await waitFor('every job done in process', async () => (await undoneOutboxRows(jobs.ds)) === 0, 60_000);
      } finally {
        await inProcess.stop();
      }
      await expectRenderedOnce(jobs, published.publicationId);
      expect(await notifiedOf(published.budgetId)).toBe(1);

      // Redis is back with the two jobs it still held: they run, find their outcome and change nothing.
      const runtime = startRuntime(switchPrefix);
      try {
        await waitFor('Redis to run its copies', async () => (await completedInRedis(queues.publication, rendering)) && (await completedInRedis(queues.notifications, notifying)));
      } finally {
        await runtime.stop();
      }
      expect((await queues.publication.getJob(outboxJobId(rendering)))?.returnvalue).toBe('already-rendered');
    } finally {
      await closeQueues(queues);
      producer.disconnect();
    }
    await expectRenderedOnce(jobs, published.publicationId);
    expect(await notifiedOf(published.budgetId)).toBe(1);
  });

  it('from in process to Redis: a row claimed by a process that never finished is done by the workers, once', async () => {
    const published = await insertPublishedBudget(jobs.ds, people, jobs.disclosure, 2041);
    await renderPublication(jobs.ds, published);
    const claimed = await new OutboxClaims(jobs.ds).claim(['budget.render-publication'], {}, 10, 3600_000);
    expect(claimed).toHaveLength(1);
    const runtime = startRuntime(switchPrefix);
    try {
      await waitFor('the claimed row done on Redis', async () => (await undoneOutboxRows(jobs.ds)) === 0, 60_000);
    } finally {
      await runtime.stop();
    }
    await expectRenderedOnce(jobs, published.publicationId);
  });
});
