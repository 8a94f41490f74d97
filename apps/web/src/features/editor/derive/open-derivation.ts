import type { TEndpoint, TFromWorker, TToWorker } from './derivation-protocol';
import { sameThreadChannel, serveDerivations } from './derivation-protocol';

/**
 * The page's end of a derivation channel: a Web Worker where the browser has them, else (jsdom)
 * the same protocol served within this thread. `close` ends the worker.
 */
export function openDerivation(): { port: TEndpoint<TFromWorker, TToWorker>; close(): void } {
  if (typeof Worker === 'undefined') {
    const { page, worker } = sameThreadChannel();
    serveDerivations(worker);
    return { port: page, close: () => undefined };
  }
  const worker = new Worker(new URL('./derivation.worker.ts', import.meta.url), { type: 'module', name: 'derivation' });
  return { port: worker, close: () => worker.terminate() };
}
