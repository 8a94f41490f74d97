import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { WorkerOutOfMemoryError, WorkerPool } from './run-in-worker';

const HOG = join(__dirname, '../../../test/utils/hog.worker.ts');

describe('WorkerPool', () => {
  it("answers each task with the worker's value, off this thread, the next in the thread that answered the last", async () => {
    const pool = new WorkerPool(HOG, { maxHeapMb: 64 });
    const first = await pool.run<{ echo: unknown; threadId: number }>({ n: 1 });
    expect(first).toEqual({ echo: { n: 1 }, threadId: expect.any(Number) });
    expect(first.threadId).not.toBe(threadId);
    await expect(pool.run({ n: 2 })).resolves.toEqual({ echo: { n: 2 }, threadId: first.threadId });
  });

  it('ends a worker that outgrows its heap cap, and the caller lives on with a new one', async () => {
    const pool = new WorkerPool(HOG, { maxHeapMb: 32 });
    const before = await pool.run<{ threadId: number }>('before');
    await expect(pool.run('hog')).rejects.toBeInstanceOf(WorkerOutOfMemoryError);
    const after = await pool.run<{ echo: unknown; threadId: number }>('after');
    expect(after.echo).toBe('after');
    expect(after.threadId).not.toBe(before.threadId);
  });

  it('ends a worker whose task left its heap large, and one idle for longer than its wait', async () => {
    const pool = new WorkerPool(HOG, { maxHeapMb: 1024, idleMs: 200, keepHeapMb: 128 });
    const big = await pool.run<{ threadId: number }>('big');
    const next = await pool.run<{ threadId: number }>('next');
    expect(next.threadId).not.toBe(big.threadId);
    // Timers fire in the order they fall due: the idle worker's (200 ms) before this one.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = await pool.run<{ threadId: number }>('later');
    expect(later.threadId).not.toBe(next.threadId);
  });
});
