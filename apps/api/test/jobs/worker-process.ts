import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface TWorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Kills the process at once, as a crash or `kill -9` would: no cleanup, locks and leases left behind. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * How a process loads the API's TypeScript: tsx, or SWC (swc-register.cjs) for what builds the Nest
 * app (`src/main.ts`), since tsx cannot emit the decorator metadata NestJS injects by.
 */
export type TLoader = 'tsx' | 'swc';
const LOADER_ARGS: Record<TLoader, string[]> = { tsx: ['--import', 'tsx'], swc: ['-r', join(__dirname, '../utils/swc-register.cjs')] };

/** One of the API's entry points (`src/worker.ts`, `src/main.ts`) in a process of its own, as `node` runs it. */
function spawnEntry(script: string, env: Record<string, string>, loader: TLoader = 'tsx'): ChildProcess {
  // `node --import tsx`, not the tsx command: one process, so that killing it kills the entry point itself.
  return spawn(process.execPath, [...LOADER_ARGS[loader], script], {
    cwd: join(__dirname, '../..'),
    // Not the parent's tsconfig (a bench under `tsx --tsconfig` passes it on, relative to another directory).
    env: { ...withoutKey(process.env, 'TSX_TSCONFIG_PATH'), LOG_LEVEL: 'error', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts `script`, resolving once its output includes `ready` (within 3 minutes: a loaded machine compiles slowly; a process that exits fails at once). */
export async function startApiProcess(script: string, env: Record<string, string>, ready: string, loader: TLoader = 'tsx'): Promise<TWorkerProcess> {
  const child = spawnEntry(script, env, loader);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(ready)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`${script} not ready after 180 s:\n${output}`)), 180_000).unref();
  });
  return {
    child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts `src/worker.ts`, resolving once it says it is ready. */
export function startWorkerProcess(env: Record<string, string>): Promise<TWorkerProcess> {
  return startApiProcess('src/worker.ts', env, '[worker] ready');
}

/** Runs `script` to its end: what it said and its exit code. */
export async function runApiProcess(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnEntry(script, env);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': the output is all read by then.
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  return { code, output };
}

function withoutKey(env: NodeJS.ProcessEnv, key: string): NodeJS.ProcessEnv {
  const { [key]: _left, ...rest } = env;
  return rest;
}
