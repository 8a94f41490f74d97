import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface TWorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Kills the worker at once, as a crash or `kill -9` would: no cleanup, locks left behind. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop. */
  stop(): Promise<void>;
}

/** Starts `src/worker.ts` in a process of its own, resolving once it says it is ready. */
export async function startWorkerProcess(env: Record<string, string>): Promise<TWorkerProcess> {
  const apiDir = join(__dirname, '../..');
  // `node --import tsx`, not the tsx command: one process, so that killing it kills the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: apiDir,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('[worker] ready')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`worker not ready after 30 s:\n${output}`)), 30_000).unref();
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
      await exited;
    },
  };
}
