import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { portalShell, type TReadableLookup } from './portal-shell';

/** Where `pnpm --filter @budgetflow/web build` writes the client, from src/ or dist/ alike. */
export const WEB_DIST = path.resolve(__dirname, '../../../../web/dist');

/**
 * Serves the built web client on the API's port: its files (hashed assets cached for good,
 * index.html never), and index.html for any other GET outside /api so that the client's router
 * handles deep links (/portal/…, /budgets/…). /api stays the API's alone, including its 404s.
 * With `readable`, a portal page's shell carries what a reader without script can read (portal-shell.ts).
 */
export function webClientMiddleware(
  distDir: string = WEB_DIST,
  readable?: TReadableLookup,
): (req: Request, res: Response, next: NextFunction) => void {
  const indexFile = path.join(distDir, 'index.html');
  const logger = new Logger('WebClient');
  const shellOf = async (req: Request) => {
    if (readable === undefined) return undefined;
    try {
      return await portalShell(await readFile(indexFile, 'utf8'), req.path, req.query['page'], readable);
    } catch (error) {
      // A reader with script still gets the page; only the noscript part is missing.
      logger.error(`the portal shell of ${req.path} went without its noscript: ${String(error)}`);
      return undefined;
    }
  };
  const sendShell = async (req: Request, res: Response) => {
    const shell = await shellOf(req);
    res.setHeader('Cache-Control', 'no-cache');
    if (shell === undefined) return res.sendFile(indexFile);
    res.status(shell.status).type('html').send(shell.html);
  };
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
      sendShell(req, res).catch(next);
    });
  };
}
