import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createQueues, closeQueues, type TQueues } from '../../src/queue/queues';
import { createRedis, type TRedisClient } from '../../src/queue/redis-connection';
import { SupervisedWorker, hasOverdueJob, reviveStalled } from '../../src/queue/supervised-worker';
import { testQueuePrefix, waitFor, wipeRedisPrefix } from './jobs-fixtures';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A worker whose connection takes commands and never answers (what ioredis can leave a worker with
 * after a failover) takes no job; the supervisor sees it quiet while a job is due and replaces it with
 * a worker on a new connection, which does the job. A busy worker, and a quiet one with nothing due,
 * are left alone.
 */
describe('a stalled worker is replaced, a working one is not', () => {
  const prefix = testQueuePrefix();
  let blackHole: Server;
  const sockets: Socket[] = [];
  let blackHoleUrl: string;
  let producer: Redis;
  let queues: TQueues;
  const made: TRedisClient[] = [];
  const workers: SupervisedWorker[] = [];
  const log: string[] = [];

  beforeAll(async () => {
    blackHole = createServer((socket) => sockets.push(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    blackHoleUrl = `redis://127.0.0.1:${(blackHole.address() as AddressInfo).port}`;
    producer = createRedis(REDIS_URL);
    queues = createQueues(producer, prefix);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    for (const connection of made) connection.disconnect();
    await closeQueues(queues);
    await wipeRedisPrefix(REDIS_URL, prefix);
    producer.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
  });

  /** A worker of the totals queue whose first connection is `first`'s and every later one the real Redis. */
  function worker(first: string, handler: () => Promise<string>): SupervisedWorker {
    const urls = [first];
    const w = new SupervisedWorker('totals', {
      prefix,
      handlers: { 'recompute-totals': handler },
      lockDuration: 30_000,
      concurrency: 1,
      connect: () => {
        const connection = createRedis(urls.shift() ?? REDIS_URL);
        connection.on('error', () => undefined);
        made.push(connection);
        return connection;
      },
      log: (line) => log.push(line),
    });
    workers.push(w);
    return w;
  }

  it('replaces a worker that takes no job while one has been due for the threshold, and the new one does it', async () => {
    const done: string[] = [];
    const stalled = worker(blackHoleUrl, async () => {
      done.push('done');
      return 'done';
    });
    await queues.totals.add('recompute-totals', {}, { jobId: 'due-1' });
    await waitFor('the job to be due for a second', async () => hasOverdueJob(queues.totals, 1000));
    expect(stalled.quietFor(1000)).toBe(true);
    expect(done).toEqual([]);

    await reviveStalled([stalled], queues, 1000, (line) => log.push(line));
    expect(log.some((line) => line.includes('replacing the worker'))).toBe(true);
    await waitFor('the new worker to do the job', async () => done.length === 1, 30_000);
    expect(await queues.totals.getJobState('due-1')).toBe('completed');
    await waitFor('nothing left due', async () => !(await hasOverdueJob(queues.totals, 0)));
    await stalled.stop();
  }, 90_000);

  it('leaves a worker alone while its handler runs, and a quiet worker whose queue has nothing due', async () => {
    let release: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const busy = worker(REDIS_URL, async () => {
      started.push('started');
      await running;
      return 'done';
    });
    await queues.totals.add('recompute-totals', {}, { jobId: 'long-1' });
    await queues.totals.add('recompute-totals', {}, { jobId: 'behind-1' });
    await waitFor('the long job to start', async () => started.length === 1, 30_000);
    await waitFor('the job behind it to be due for a second', async () => hasOverdueJob(queues.totals, 1000));
    const before = log.length;
    await reviveStalled([busy], queues, 1000, (line) => log.push(line));
    expect(busy.quietFor(1000)).toBe(false);
    expect(log.length).toBe(before);

    release();
    await waitFor('both jobs done', async () => started.length === 2, 30_000);
    await waitFor('the worker quiet for a second', async () => busy.quietFor(1000));
    expect(await hasOverdueJob(queues.totals, 1000)).toBe(false);
    await reviveStalled([busy], queues, 1000, (line) => log.push(line));
    expect(log.length).toBe(before);
  }, 90_000);
});
