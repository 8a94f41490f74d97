import type { Fen } from './fen';
import { formatAmount, roundFenToSteps } from './display';

const WAN_TEXT = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,6}))?$/;

export interface WanText {
  /** the amount the text states, at its own precision, in 分 */
  fen: Fen;
  /** how many decimals it was written with */
  decimals: number;
}

/**
 * Reads a figure printed in 万元 ("604.4", "397", "1,234.5", and the PDF extraction's "604. 4").
 * Undefined when it is not a plain decimal figure or has more decimals than 分 can hold (6).
 */
export function parseWanText(text: string): WanText | undefined {
  const match = WAN_TEXT.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  const [, sign, whole = '', decimals = ''] = match;
  const fen = BigInt(whole.replace(/,/g, '')) * 1_000_000n + BigInt(decimals.padEnd(6, '0'));
  const value = Number(fen);
  if (!Number.isSafeInteger(value)) return undefined;
  return { fen: (sign && value !== 0 ? -value : value) as Fen, decimals: decimals.length };
}

/**
 * Does a printed 万元 figure state this amount? True when the text equals the amount rounded half
 * up to `decimals` (trailing zeros may be left out: "397" for 397.0), or, when the text is more
 * precise, to the text's own decimals. For validators checking figures in tables and prose.
 */
export function wanTextMatchesFen(text: string, fen: Fen | number, decimals: number = 1): boolean {
  // The derivation's own figures are printed by formatAmount at the default precision: equal text
  // states the same steps, and checking thousands of them costs a string compare, not BigInts.
  if (decimals === 1 && Number.isSafeInteger(fen) && text === formatAmount(fen)) return true;
  const stated = parseWanText(text);
  if (stated === undefined) return false;
  const precision = Math.max(stated.decimals, decimals);
  const statedSteps = roundFenToSteps(stated.fen, 'wan', precision);
  return statedSteps === roundFenToSteps(fen, 'wan', precision);
}
