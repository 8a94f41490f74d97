import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import type { TRenderOutcome, TRenderTask } from './render-files.worker';

const WORKER_FILE = join(__dirname, `render-files.worker${extname(__filename)}`);
const API_DIR = join(__dirname, '../../..');
/** A PDF and a workbook of a large disclosure fit well within this; past it the thread dies, not the server. */
const RENDER_HEAP_MB = 1024;
/** How much lower the render threads run than the process (Linux nice), through piscina's @napi-rs/nice. */
const RENDER_NICE = 10;

let pool: Piscina<TRenderTask, TRenderOutcome> | undefined;

/**
 * Renders and checks a disclosure's files in a worker thread, never on the caller's event loop: the
 * in-process job driver runs in the API's own process, and a PDF takes a core for a second. One
 * pool per process, its threads (one fewer than the cores, at least one) started on first use and
 * ended after a minute idle, running at a lower priority than the API; idle threads hold no process open. The compiled server runs the
 * worker's .js; tests and `tsx` its .ts, through tsx's require hook and the API's tsconfig paths.
 */
export async function renderInWorker(task: TRenderTask): Promise<TRenderOutcome> {
  pool ??= new Piscina<TRenderTask, TRenderOutcome>({
    filename: WORKER_FILE,
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: 60_000,
    // Below the API's priority (and so are the pdftotext runs of the check): requests come first, renders take what is left.
    niceIncrement: RENDER_NICE,
    resourceLimits: { maxOldGenerationSizeMb: RENDER_HEAP_MB },
    ...(WORKER_FILE.endsWith('.ts') ? typeScriptThreads() : {}),
  });
  const outcome = await pool.run(task);
  // Structured cloning turns each Buffer into a plain Uint8Array: view the same bytes as a Buffer again.
  return { ...outcome, files: outcome.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) })) };
}

function typeScriptThreads(): { execArgv: string[]; env: NodeJS.ProcessEnv } {
  return {
    execArgv: ['--require', require.resolve('tsx/cjs', { paths: [API_DIR] })],
    // Not configuration: the thread's environment is the process's, plus where tsx finds the API's tsconfig.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, TSX_TSCONFIG_PATH: join(API_DIR, 'tsconfig.json') },
  };
}
