import type { Response } from 'express';

/**
 * Before an answer that takes seconds to make and sends nothing meanwhile (a 100,000-line
 * document or workbook made for the first time). Node's HTTP server arms a kept-alive connection's
 * idle timer (keepAliveTimeout + 1 s) when an answer on it finishes; when the client is quick to
 * send its next request on that connection, the timer can be armed after the next request was read,
 * and it then cuts that request's answer while it is being made (seen on loopback under load: the
 * client gets ECONNRESET after about 6 s). The connection is not idle while an answer is being
 * made, so its timer is cleared here; Node arms it again when this answer has finished.
 */
export function holdConnectionWhileMaking(res: Response): void {
  res.socket?.setTimeout(0);
}
