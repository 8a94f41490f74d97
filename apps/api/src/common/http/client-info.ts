import type { Request } from 'express';

/**
 * The client's address and agent as recorded with sessions and login attempts. The address is the
 * connection's unless TRUST_PROXY names the proxies whose X-Forwarded-For to believe (app.factory.ts).
 */
export function clientInfo(req: Request): { ip: string; userAgent: string | undefined } {
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', userAgent: req.header('user-agent') };
}
