import { randomBytes } from 'node:crypto';
import { canonicalJson, type TDisclosure } from '@budgetflow/domain';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { PublicationFilesRepository } from '../../src/modules/publications/publication-files.repository';
import type { TSeededPeople } from '../utils/seed-people';
import { seedDisclosure, seedDocument } from './seed-disclosure';

/** A Redis key prefix of its own for one test file, so parallel tests never see each other's jobs. */
export function testQueuePrefix(): string {
  return `bf_test_${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under the prefix: what a Redis restart without persistence would leave. */
export async function wipeRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** What the specs that run publication jobs work with (openPublicationJobs). */
export interface TPublicationJobs {
  /** The machine's Redis; each test keeps to a prefix of its own (testQueuePrefix). */
  redisUrl: string;
  /** A pool of their own on the test database (4 connections, as a worker's), apart from any app's. */
  ds: DataSource;
  /** The seed's disclosure, for insertPublishedBudget to publish. */
  disclosure: TDisclosure;
  files: PublicationFilesRepository;
}

/** The set-up of the specs that run publication jobs, on a migrated test database; `ds.destroy()` ends it. */
export async function openPublicationJobs(databaseUrl: string): Promise<TPublicationJobs> {
  const ds = createDataSource(databaseUrl, { poolSize: 4 });
  await ds.initialize();
  return { redisUrl: 'redis://127.0.0.1:6379', ds, disclosure: seedDisclosure(), files: new PublicationFilesRepository() };
}

export interface TPublished {
  budgetId: string;
  publicationId: string;
  revisionNo: number;
  versionNo: number;
}

/**
 * A budget of the home department published at revision 1, written as the API writes it (budget,
 * frozen revision with its document, by default the seed's, and disclosure; publication row). Each call uses a fiscal year of its own.
 */
export async function insertPublishedBudget(ds: DataSource, people: TSeededPeople, disclosure: TDisclosure, fiscalYear: number, document: object = seedDocument()): Promise<TPublished> {
  const home = people.departments.home.id;
  const submitter = people.users.preparer.id;
  const [budget] = (await ds.query(
    `INSERT INTO budgets (department_id, fiscal_year, state, version, revision_no, document) VALUES ($1, $2, 'published', 3, 1, '{}') RETURNING id`,
    [home, fiscalYear],
  )) as { id: string }[];
  if (!budget) throw new Error('no budget');
  const sha256 = createHash('sha256').update(canonicalJson(disclosure)).digest('hex');
  await ds.query(
    `INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors, created_at)
     VALUES ($1, 1, 2, $5, $2, '[]', $3, $4, ARRAY[$4]::uuid[], '2020-03-01T08:00:00Z')`,
    [budget.id, JSON.stringify(disclosure), sha256, submitter, JSON.stringify(document)],
  );
  const [publication] = (await ds.query(
    `INSERT INTO publications (budget_id, version_no, revision_no, department_id, fiscal_year, published_by) VALUES ($1, 1, 1, $2, $3, $4) RETURNING id`,
    [budget.id, home, fiscalYear, people.users.publisher.id],
  )) as { id: string }[];
  if (!publication) throw new Error('no publication');
  return { budgetId: budget.id, publicationId: publication.id, revisionNo: 1, versionNo: 1 };
}

/** An outbox row, as the API's transaction writes it; returns its id. */
export async function insertOutbox(ds: DataSource, topic: string, payload: Record<string, unknown>): Promise<string> {
  const [row] = (await ds.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2) RETURNING id`, [topic, JSON.stringify(payload)])) as { id: string }[];
  if (!row) throw new Error('no outbox row');
  return row.id;
}

export async function renderPublication(ds: DataSource, published: TPublished): Promise<string> {
  return insertOutbox(ds, 'budget.render-publication', { ...published });
}

/** Polls `probe` until it returns true (every 100 ms), failing after `timeoutMs`. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Runs teardown steps in order, each within `eachMs`: a step that overruns is reported by its name
 * (so a log says which one hung) and left behind, and the next runs, so that the servers a test
 * started are stopped even when closing a client after a failover waits on a node that is gone.
 */
export async function tearDownWithin(eachMs: number, steps: [string, () => Promise<unknown>][]): Promise<void> {
  for (const [name, step] of steps) {
    let timer: NodeJS.Timeout | undefined;
    const overran = new Promise<'overran'>((resolve) => (timer = setTimeout(() => resolve('overran'), eachMs)));
    const outcome = await Promise.race([step().then(() => 'done' as const), overran]).finally(() => clearTimeout(timer));
    if (outcome === 'overran') console.warn(`teardown: ${name} did not end within ${eachMs} ms; going on`);
  }
}

export async function undoneOutboxRows(ds: DataSource): Promise<number> {
  const [row] = (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL`)) as { n: number }[];
  return row?.n ?? -1;
}

/** The publication was rendered exactly once: one outcome, and its 17 files (15 of the tables, lines.csv and its package), each the content its sha256 names. */
export async function expectRenderedOnce(jobs: Pick<TPublicationJobs, 'ds' | 'files'>, publicationId: string): Promise<void> {
  const checks: { n: number }[] = await jobs.ds.query(`SELECT count(*)::int AS n FROM publication_checks WHERE publication_id = $1`, [publicationId]);
  expect(checks[0]?.n).toBe(1);
  const listed = await jobs.files.listFiles(jobs.ds.manager, publicationId);
  expect(listed).toHaveLength(17);
  for (const file of listed) {
    const content = await jobs.files.findContent(jobs.ds.manager, file.id);
    expect(createHash('sha256').update(content?.content ?? Buffer.alloc(0)).digest('hex')).toBe(file.sha256);
  }
}
