import { parentPort, workerData } from 'node:worker_threads';

/** A worker for run-in-worker.spec.ts: echoes its input, or (input "hog") grows its heap until it dies. */
const held: number[][] = [];
if (workerData === 'hog') {
  for (;;) held.push(Array.from({ length: 100_000 }, (_, i) => i));
}
parentPort?.postMessage({ ok: true, value: { echo: workerData as unknown } });
