import { createServer, type Server, type ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import type { BudgetflowMetrics } from './metrics';
import { metricsHandler } from './metrics-route';

/**
 * A worker's own small HTTP server (WORKER_PORT): GET /api/health answers 200 while the database
 * answers (503 otherwise), as the API's does, for the same probes; GET /metrics as the API's.
 * A Redis that is away is not a reason to restart a worker: its connection comes back by itself.
 */
export function serveWorkerHttp(port: number, dataSource: DataSource, metrics: BudgetflowMetrics, metricsToken: string | undefined): Server {
  const scrape = metricsHandler(metrics, metricsToken);
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') return scrape(req, res);
    if (req.method !== 'GET' || path !== '/api/health') {
      res.statusCode = 404;
      return res.end();
    }
    dataSource.query('SELECT 1').then(
      () => answer(res, 200, { status: 'ok', database: 'ok' }),
      () => answer(res, 503, { status: 'down', database: 'down' }),
    );
  }).listen(port);
}

function answer(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}
