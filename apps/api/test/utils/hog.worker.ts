import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../src/common/worker/run-in-worker';

/**
 * A worker for run-in-worker.spec.ts: echoes each task with the thread that ran it, or (task "hog")
 * grows its heap until it dies, or (task "big") leaves 160 MB in its heap.
 */
const held: unknown[] = [];
serveTasks((task) => {
  if (task === 'hog') for (;;) held.push(Array.from({ length: 100_000 }, (_, i) => i));
  if (task === 'big') for (let i = 0; i < 20; i++) held.push(new Array<number>(1_000_000).fill(i));
  return Promise.resolve({ echo: task, threadId });
});
