import type { Request } from 'express';

/** The client's address and agent as recorded with sessions and login attempts. */
export function clientInfo(req: Request): { ip: string; userAgent: string | undefined } {
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', userAgent: req.header('user-agent') };
}
