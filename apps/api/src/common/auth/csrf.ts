import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'bf_session';
export const CSRF_COOKIE = 'bf_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Double-submit token bound to the session: HMAC(secret, session token). The browser reads it
 * from the (non-httpOnly) bf_csrf cookie or the login answer and sends it as X-CSRF-Token on
 * unsafe requests authenticated by cookie. A forged cross-site request carries the cookie but
 * cannot read it, and cannot make up the HMAC.
 */
export function csrfTokenFor(secret: string, sessionToken: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

export function csrfTokenMatches(secret: string, sessionToken: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionToken));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
