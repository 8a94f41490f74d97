import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What a worker module posts back: its value, or the message of what it threw; `last` when it takes no more tasks. */
export type TWorkerAnswer<T> = ({ ok: true; value: T } | { ok: false; error: string }) & { last?: boolean };

/** The worker ran out of its heap: the input, not the server, was too big. */
export class WorkerOutOfMemoryError extends Error {
  override readonly name = 'WorkerOutOfMemoryError';
}

export interface TWorkerOptions {
  /** The worker's V8 old-generation cap: past it the worker dies and the server does not. */
  maxHeapMb: number;
  /** How long a worker waits for its next task before it ends (default IDLE_MS). */
  idleMs?: number;
  /** A worker whose heap a task left past this ends after it (default KEEP_HEAP_MB). */
  keepHeapMb?: number;
}

/**
 * A worker waits this long for another task, then ends: a task that follows another (the errors of
 * a refused preview placed in its workbook, previews and exports of several preparers) does not pay
 * again for starting a thread and loading exceljs and the domain (a third of a 10,000-line preview's
 * time), and a server nobody imports into soon holds no thread.
 */
const IDLE_MS = 10_000;
/**
 * A worker whose heap a task left past this ends after it, as if it had been its only one: what an
 * idle worker holds (its task's garbage, until its next collection) stays below it. A 10,000-line
 * preview leaves 110–210 MB (measured after one to three).
 */
const KEEP_HEAP_MB = 512;

/**
 * Worker threads for a module (a file that answers its tasks through serveTasks), so that a heavy
 * parse neither blocks the event loop every other request waits on nor grows the server's heap:
 * the worker's heap is capped, and a worker whose task outgrew it or left it large ends, freeing it.
 * One task at a time a worker; a worker that has answered waits for the next (see IDLE_MS). The
 * compiled server runs the module's .js; tests and `tsx` run its .ts through tsx's require hook.
 */
export class WorkerPool {
  /** The workers waiting for a task, each with what wakes it (its idle timer and exit cleared). */
  private readonly idle = new Map<Worker, () => void>();

  constructor(
    private readonly moduleFile: string,
    private readonly options: TWorkerOptions,
  ) {}

  async run<T>(input: unknown): Promise<T> {
    const worker = this.take() ?? this.start();
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      const answered = (answer: TWorkerAnswer<T>): void => {
        done();
        if (answer.last === true) void worker.terminate();
        else this.rest(worker);
        if (answer.ok) resolve(answer.value);
        else reject(new Error(answer.error));
      };
      const failed = (error: Error & { code?: string }): void => {
        done();
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemoryError(error.message) : error);
      };
      const exited = (code: number): void => {
        done();
        reject(new Error(`the worker exited (${code}) without an answer`));
      };
      const done = (): void => void worker.off('message', answered).off('error', failed).off('exit', exited);
      worker.on('message', answered).on('error', failed).on('exit', exited);
      worker.postMessage(input);
    });
  }

  private take(): Worker | undefined {
    const [entry] = this.idle;
    if (entry === undefined) return undefined;
    const [worker, wake] = entry;
    wake();
    return worker;
  }

  /** Among the idle until IDLE_MS pass; neither it nor its timer keeps the process alive. */
  private rest(worker: Worker): void {
    worker.unref();
    const leave = (): void => {
      clearTimeout(timer);
      worker.off('exit', leave).off('error', leave);
      this.idle.delete(worker);
    };
    const timer = setTimeout(() => {
      leave();
      void worker.terminate();
    }, this.options.idleMs ?? IDLE_MS).unref();
    // A worker that fails or ends while idle is simply no longer among them.
    worker.on('exit', leave).on('error', leave);
    this.idle.set(worker, leave);
  }

  private start(): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxHeapMb };
    const workerData: TServeOptions = { keepHeapMb: this.options.keepHeapMb ?? KEEP_HEAP_MB };
    if (!this.moduleFile.endsWith('.ts')) return new Worker(this.moduleFile, { resourceLimits, workerData });
    const apiDir = join(__dirname, '../../..');
    // The worker's environment is its own copy: tsx there reads the API's tsconfig (its paths to the domain's sources).
    const code = [
      `process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(join(apiDir, 'tsconfig.json'))};`,
      `require(require.resolve('tsx/cjs/api', { paths: [${JSON.stringify(apiDir)}] })).register();`,
      `require(${JSON.stringify(this.moduleFile)});`,
    ].join('\n');
    return new Worker(code, { eval: true, resourceLimits, workerData });
  }
}

/** What the pool tells each of its workers (as workerData). */
type TServeOptions = { keepHeapMb: number };

/**
 * The worker side: answers each task posted to the thread with `run`'s value or error, one at a
 * time; once a task has left its heap past `keepHeapMb`, the answer says it is the last (the pool ends the thread).
 */
export function serveTasks(run: (task: unknown) => Promise<unknown>): void {
  const { keepHeapMb } = workerData as TServeOptions;
  const answer = (message: TWorkerAnswer<unknown>): void => {
    const last = getHeapStatistics().total_heap_size > keepHeapMb * 1024 * 1024;
    parentPort?.postMessage(last ? { ...message, last } : message);
  };
  parentPort?.on('message', (task: unknown) => {
    void run(task).then(
      (value) => answer({ ok: true, value }),
      (error: unknown) => answer({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
