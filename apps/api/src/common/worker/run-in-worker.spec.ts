import { join } from 'node:path';
import { runInWorker, WorkerOutOfMemoryError } from './run-in-worker';

const HOG = join(__dirname, '../../../test/utils/hog.worker.ts');

describe('runInWorker', () => {
  it("answers with the worker's value", async () => {
    await expect(runInWorker(HOG, { n: 1 }, { maxHeapMb: 64 })).resolves.toEqual({ echo: { n: 1 } });
  });

  it('ends a worker that outgrows its heap cap, and the caller lives on', async () => {
    await expect(runInWorker(HOG, 'hog', { maxHeapMb: 32 })).rejects.toBeInstanceOf(WorkerOutOfMemoryError);
    await expect(runInWorker(HOG, 'after', { maxHeapMb: 64 })).resolves.toEqual({ echo: 'after' });
  });
});
