import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What a worker module posts back: its value, or the message of what it threw. */
export type TWorkerAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

/** The worker ran out of its heap: the input, not the server, was too big. */
export class WorkerOutOfMemoryError extends Error {
  override readonly name = 'WorkerOutOfMemoryError';
}

export interface TWorkerOptions {
  /** The worker's V8 old-generation cap: past it the worker dies and the server does not. */
  maxHeapMb: number;
}

/**
 * Runs a module (a file that reads `workerData` and posts a TWorkerAnswer) in a worker thread of
 * its own, so that a heavy parse neither blocks the event loop every other request waits on nor
 * grows the server's heap: the worker's heap is capped and freed when it ends. The compiled
 * server runs the module's .js; tests and `tsx` run its .ts through tsx's require hook.
 */
export async function runInWorker<T>(moduleFile: string, input: unknown, options: TWorkerOptions): Promise<T> {
  const worker = moduleFile.endsWith('.ts') ? typeScriptWorker(moduleFile, input, options) : new Worker(moduleFile, { workerData: input, resourceLimits: limits(options) });
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    worker.once('message', (answer: TWorkerAnswer<T>) => {
      answered = true;
      if (answer.ok) resolve(answer.value);
      else reject(new Error(answer.error));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      answered = true;
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemoryError(error.message) : error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the worker exited (${code}) without an answer`));
    });
  });
}

function limits(options: TWorkerOptions): { maxOldGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: options.maxHeapMb };
}

function typeScriptWorker(moduleFile: string, input: unknown, options: TWorkerOptions): Worker {
  const apiDir = join(__dirname, '../../..');
  // The worker's environment is its own copy: tsx there reads the API's tsconfig (its paths to the domain's sources).
  const code = [
    `process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(join(apiDir, 'tsconfig.json'))};`,
    `require(require.resolve('tsx/cjs/api', { paths: [${JSON.stringify(apiDir)}] })).register();`,
    `require(${JSON.stringify(moduleFile)});`,
  ].join('\n');
  return new Worker(code, { eval: true, workerData: input, resourceLimits: limits(options) });
}
