import { existsSync } from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

/**
 * Serves the built web client (apps/web/dist) from the API's port, so that `pnpm start` brings up
 * the whole of Budgetflow on one origin (no CORS, cookies stay first-party). Any GET outside /api
 * that is not a file answers index.html, for the client's router. Does nothing if it is not built.
 */
export function serveWebClient(app: INestApplication, distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(distDir, { index: false, maxAge: '1h' });
  // The API's requests never look at the disk: a stat per call was a seventh of a search's time.
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

const isApi = (req: Request): boolean => req.path === '/api' || req.path.startsWith('/api/');
