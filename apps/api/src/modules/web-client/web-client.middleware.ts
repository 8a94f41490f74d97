import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where `pnpm --filter @budgetflow/web build` writes the client, from src/ or dist/ alike. */
export const WEB_DIST = path.resolve(__dirname, '../../../../web/dist');

/**
 * Serves the built web client on the API's port: its files (hashed assets cached for good,
 * index.html never), and index.html for any other GET outside /api so that the client's router
 * handles deep links (/portal/…, /budgets/…). /api stays the API's alone, including its 404s.
 */
export function webClientMiddleware(
  distDir: string = WEB_DIST,
): (req: Request, res: Response, next: NextFunction) => void {
  const indexFile = path.join(distDir, 'index.html');
  const files = express.static(distDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) =>
      res.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return (req, res, next) => {
    if (
      req.path === '/api' ||
      req.path.startsWith('/api/') ||
      (req.method !== 'GET' && req.method !== 'HEAD')
    )
      return next();
    if (!existsSync(indexFile)) return next();
    files(req, res, () => {
      // A missing asset is a 404, not the app shell (a stale tab asking for an old chunk).
      if (req.path.startsWith('/assets/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexFile);
    });
  };
}
