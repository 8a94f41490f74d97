import { startTracing } from './tracing';

/**
 * Imported first by main.ts and worker.ts, so that the HTTP module is instrumented before anything
 * loads it. Spans leave in batches (every 5 s): the last batch of a stopped process may be lost.
 */
startTracing(process.env, process.argv[1]?.includes('worker') === true ? 'budgetflow-worker' : 'budgetflow-api');
