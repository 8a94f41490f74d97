import type { Server } from 'node:http';
import path from 'node:path';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { TAppConfig } from './config/app-config';
import { securityHeaders } from './common/http/security-headers';
import { jsonBodyParser } from './common/validation/json-body';
import { mountQueueDashboard } from './queue/admin/queue-dashboard';
import { QueueClient } from './queue/queue-client';
import { nameRequest, withinRequestContext, type TLogStream } from './common/observability/logging';
import { mountMetrics } from './common/observability/metrics-route';

export const LOG_LEVELS: Record<TAppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/**
 * Builds the HTTP application on an initialised, migrated DataSource. Shared by main.ts and
 * the tests (test/utils/test-app.ts), so tests exercise exactly what production serves.
 */
export async function createApp(config: TAppConfig, dataSource: DataSource, options: { logStream?: TLogStream } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(config, dataSource, options.logStream), { bodyParser: false, bufferLogs: true });
  // Nest's own lines and every `new Logger(...)` become JSON lines with the request's id.
  app.useLogger(app.get(Logger));
  keepConnectionsAboveProxies(app.getHttpServer() as Server);
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  // req.ip is then the address the trusted proxies forwarded, not the proxy's own.
  http.set('trust proxy', config.trustProxy);
  app.use(nameRequest);
  const queueClient = app.get(QueueClient, { strict: false });
  mountMetrics(app, config.metricsToken, { dataSource, queues: () => (queueClient.driver === 'redis' && queueClient.connected ? queueClient.queues : undefined) });
  app.use(securityHeaders);
  app.use(cookieParser());
  app.use(jsonBodyParser());
  app.use(withinRequestContext);
  // Bull Board shows Redis's queues; the in-process jobs are listed by the API (jobs, dead letters) instead.
  if (config.jobsDriver !== 'in-process') mountQueueDashboard(app);
  // The web client (apps/web/dist) is served by WebClientModule's middleware, after these.
  app.use('/api/docs/assets', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json')), { index: false }));
  await app.init();
  return app;
}

/**
 * How long a kept-alive connection may idle: longer than the proxies' and clients' own (nginx's
 * upstream keepalive_timeout and most load balancers' idle timeout are 60 s; Node's fetch keeps
 * 4 s), so the proxy or client is the one that closes an idle connection, never the server while
 * a request is on its way. Node's default, 5 s, also cut requests under load: when the next
 * request on a connection is read before the previous answer's finish is handled, the idle timer
 * is armed during the new request and ends it (ECONNRESET) if it takes more than 6 s — seen in
 * the 1,000-edit story on a loaded machine. Headers get a second more than the idle time, as
 * Node requires.
 */
export const KEEP_ALIVE_MS = 65_000;

function keepConnectionsAboveProxies(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
}
