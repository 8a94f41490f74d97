import type { NextFunction, Request, Response } from 'express';

/**
 * The policy of every page Budgetflow serves (the web client, the API docs, the queue dashboard):
 * scripts only from its own files, never inline; inline style is allowed, as the docs and the
 * dashboard set style attributes; nothing framed, no plugin. No page may set a base unless it is
 * served with `ownBase`: Bull Board's page names `<base href="/admin/queues/">` and loads its
 * `static/…` files relative to it, so under `base-uri 'none'` the browser ignores the base and
 * every one of them misses. A file download sets its own, stricter policy (file-answer.ts).
 */
export function contentSecurityPolicy(options: { ownBase?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    options.ownBase === true ? "base-uri 'self'" : "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

const PAGE_POLICY = contentSecurityPolicy();
const OWN_BASE_POLICY = contentSecurityPolicy({ ownBase: true });

/** The headers of every answer: the page policy, no sniffing, never framed, no referrer. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', PAGE_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

/** For the pages of a mount that name a base on this origin (see contentSecurityPolicy). */
export function allowOwnBase(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', OWN_BASE_POLICY);
  next();
}
