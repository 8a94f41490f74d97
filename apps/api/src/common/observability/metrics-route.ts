import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { BudgetflowMetrics, scrapeAllowed, type TMetricsSources } from './metrics';

const logger = new Logger('Metrics');

/**
 * GET /metrics of a scrape: 404 when no token is configured (the route does not exist for the
 * public), 401 without the token, else the Prometheus text. Shared by the API and a worker's port.
 */
export function metricsHandler(metrics: BudgetflowMetrics, token: string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (token === undefined) return answer(res, 404, 'text/plain', 'not found\n');
    if (!scrapeAllowed(req.headers.authorization, token)) return answer(res, 401, 'text/plain', 'unauthorized\n');
    metrics.render().then(
      ({ contentType, body }) => answer(res, 200, contentType, body),
      (error: unknown) => {
        logger.error(`metrics: ${error instanceof Error ? error.message : String(error)}`);
        answer(res, 503, 'text/plain', 'metrics unavailable\n');
      },
    );
  };
}

function answer(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

/** Measures every request of `app` and serves GET /metrics on it. */
export function mountMetrics(app: INestApplication, token: string | undefined, sources: TMetricsSources): BudgetflowMetrics {
  const metrics = new BudgetflowMetrics(sources);
  app.use(metrics.measureRequests);
  app.use('/metrics', (req: IncomingMessage & { method?: string }, res: ServerResponse, next: () => void) => (req.method === 'GET' ? metricsHandler(metrics, token)(req, res) : next()));
  return metrics;
}
