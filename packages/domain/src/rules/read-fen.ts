import { parseFen, type Fen } from '../money/fen';

/** Canonical 元 text as schemas and derived tables write it ("1234.50"), exact as an integer in 分. */
const CANONICAL = /^-?\d{1,13}\.\d\d$/;

/**
 * An amount in 分 from 元 text. Canonical text, which is every amount of a parsed document and of a
 * derived disclosure, skips parseFen's general path (BigInt): the rules read amounts several times
 * and 100,000 lines must derive and validate in under a second. Anything else goes to parseFen.
 */
export function readFen(text: string): Fen {
  if (CANONICAL.test(text)) return (Number(text.slice(0, -3) + text.slice(-2)) || 0) as Fen;
  return parseFen(text);
}
