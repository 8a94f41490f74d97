import type { TEndpoint, TFromWorker, TToWorker } from './derivation-protocol';
import { sameThreadChannel, serveDerivations } from './derivation-protocol';

/** The page's end of a derivation channel; `close` ends the worker behind it. */
export interface TDerivationChannel {
  port: TEndpoint<TFromWorker, TToWorker>;
  close(): void;
}

/** The same protocol served within this thread: where there is no Worker (jsdom), or it broke. */
export function inThreadDerivation(): TDerivationChannel {
  const { page, worker } = sameThreadChannel();
  serveDerivations(worker);
  return { port: page, close: () => undefined };
}

/**
 * A Web Worker deriving the tables and findings, where the browser has them. `onBroken` hears
 * that the worker could not start or threw outside a derivation (its script refused, say): the
 * caller then carries on in this thread rather than with tables that never come.
 */
export function openDerivation(onBroken: () => void): TDerivationChannel {
  if (typeof Worker === 'undefined') return inThreadDerivation();
  const worker = new Worker(new URL('./derivation.worker.ts', import.meta.url), { type: 'module', name: 'derivation' });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onBroken();
  });
  return { port: worker, close: () => worker.terminate() };
}
