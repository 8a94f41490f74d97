import { isIP } from 'node:net';
import { z } from 'zod';

/** Express's names for address ranges (proxy-addr), usable in place of addresses. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Which proxies' X-Forwarded-For to believe, as express's `trust proxy` takes it: `false` (none:
 * the client's address is the connection's), a hop count, or addresses, CIDRs and range names.
 * `true` is refused: it would let any client choose the address its sign-in attempts count against.
 */
export const ZTrustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim();
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') {
    ctx.addIssue({ code: 'custom', message: '"true" would believe any client\'s X-Forwarded-For; give the hop count or the proxies\' addresses' });
    return z.NEVER;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) {
    ctx.addIssue({ code: 'custom', message: `not false, a hop count, an address, a CIDR or ${RANGE_NAMES.join('/')}: ${wrong.map((w) => JSON.stringify(w)).join(', ')}` });
    return z.NEVER;
  }
  return entries;
});

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
