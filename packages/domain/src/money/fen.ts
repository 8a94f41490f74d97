import { MoneyError } from './money-error';

/**
 * An amount in 分 (hundredths of a 元), as a safe integer. Sums over many lines run on these:
 * integer addition is exact and far faster than decimal arithmetic.
 */
export type Fen = number & { readonly __unit: 'fen' };

/** The largest amount a single line may carry: 10 trillion 元, far above any department budget. */
export const MAX_LINE_YUAN = 10_000_000_000_000n;
const MAX_LINE_FEN = Number(MAX_LINE_YUAN * 100n);

const AMOUNT_PATTERN = /^(-)?(\d+)(?:\.(\d*))?$/;
const GROUPED_PATTERN = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;
/**
 * What a Chinese input method types in an amount, as the ASCII it stands for: full-width digits,
 * point, comma and minus (and the minus sign U+2212); the ideographic space around them goes with
 * trim(). 、 is read as a thousands separator too, so it is taken only where commas would be
 * (groups of three): "1、2" stays refused.
 */
const WIDE_DIGIT_0 = 0xff10;
const NARROW: Readonly<Record<string, string>> = { '．': '.', '，': ',', '、': ',', '－': '-', '−': '-' };
const WIDE_CHARS = /[０-９．，、－−]/g;
function narrow(text: string): string {
  return text.replace(WIDE_CHARS, (c) => {
    const code = c.charCodeAt(0);
    return code >= WIDE_DIGIT_0 && code <= WIDE_DIGIT_0 + 9 ? String(code - WIDE_DIGIT_0) : (NARROW[c] ?? c);
  });
}

const DIGIT_0 = 48;
const DOT = 46;
const MINUS = 45;

/**
 * 分 of canonical text ("1234.50", "-0.05": up to 13 whole digits, exactly two decimals), read
 * digit by digit: no regex, no substring, no BigInt, since every amount of a parsed document and
 * of a derived table is canonical and 100,000 lines are read per derivation. At most 15 digits,
 * so the value stays far inside the exact integer range. undefined when the text is not canonical.
 */
function canonicalFen(text: string): number | undefined {
  const end = text.length - 3;
  const start = text.charCodeAt(0) === MINUS ? 1 : 0;
  if (end <= start || end - start > 13 || text.charCodeAt(end) !== DOT) return undefined;
  let fen = 0;
  for (let i = start; i < text.length; i++) {
    if (i === end) continue;
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return undefined;
    fen = fen * 10 + digit;
  }
  return start === 1 && fen !== 0 ? -fen : fen;
}

const EXPONENT_PATTERN = /^[+-]?(\d[\d,]*\.?\d*|\.\d+)[eE][+-]?\d+$/;

/**
 * Parses an amount in 元 written as text ("1,234.50", "1234.5", "-3", "１２３４．５６", "1，234") into 分.
 * Refuses what cannot be exact: exponents, more than two decimals, NaN, out-of-range values.
 * A JavaScript number is accepted only when it is an integer or its shortest decimal form has at
 * most two decimals; callers that take JSON should refuse numbers before they reach here.
 */
export function parseFen(input: unknown): Fen {
  if (typeof input === 'string') {
    const fen = canonicalFen(input);
    if (fen !== undefined) return fen as Fen;
  }
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MoneyError('NOT_A_NUMBER', input, `not a finite number: ${input}`);
    text = String(input);
    if (/e/i.test(text)) throw new MoneyError('INEXACT_FLOAT', input, `number ${text} has no exact decimal form`);
  } else if (typeof input === 'string') {
    text = narrow(input).trim();
  } else {
    throw new MoneyError('NOT_A_STRING', input, 'an amount must be written as text, e.g. "1234.50"');
  }
  if (text === '') throw new MoneyError('EMPTY', input, 'the amount is empty');
  // Only what reads as a number in exponent form is told so; other text with an e ("<script>") is simply not an amount.
  if (EXPONENT_PATTERN.test(text)) throw new MoneyError('EXPONENT', input, `exponents are not allowed in amounts: "${text}"`);
  if (text.includes(',')) {
    if (!GROUPED_PATTERN.test(text)) {
      throw new MoneyError('NOT_A_NUMBER', input, `thousands separators must group by three digits: "${text}"`);
    }
    text = text.replace(/,/g, '');
  }
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) throw new MoneyError('NOT_A_NUMBER', input, `not an amount in 元: "${text}"`);
  const [, sign, whole = '', decimals = ''] = match;
  if (decimals.length > 2) {
    throw new MoneyError('TOO_MANY_DECIMALS', input, `amounts have at most 2 decimals (分): "${text}"`);
  }
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0') || '0');
  if (fen > BigInt(MAX_LINE_FEN)) {
    throw new MoneyError('OUT_OF_RANGE', input, `amount exceeds ${MAX_LINE_YUAN} 元: "${text}"`);
  }
  const value = Number(fen);
  return (sign && value !== 0 ? -value : value) as Fen;
}

/** Canonical text of an amount in 元 with exactly two decimals: "1234.50", "-0.05"; a bigint for exact totals past the safe range. */
export function formatYuan(fen: Fen | bigint): string {
  const negative = fen < 0;
  let text: string;
  if (typeof fen === 'number' && Number.isSafeInteger(fen)) {
    // a safe integer splits exactly into 元 and 分 as numbers: no BigInt per cell (a derivation
    // formats every cell of every table); anything else goes the BigInt way, which refuses fractions
    const abs = Math.abs(fen);
    const cents = abs % 100;
    text = `${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
  } else {
    const abs = typeof fen === 'bigint' ? (negative ? -fen : fen) : BigInt(Math.abs(fen));
    text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  }
  return negative ? `-${text}` : text;
}

/** Adds amounts in 分, refusing a total that would leave the range where integers are exact. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new MoneyError('OUT_OF_RANGE', total, 'a total exceeds the exact range');
  return total as Fen;
}

export const ZERO_FEN = 0 as Fen;

/**
 * The most a budget may add up to: its expenditure lines, its income lines, each part of a project.
 * Every figure derived from a budget is a sum of some of its amounts, so within this bound each
 * stays inside the per-line range and far inside the exact integer range (2^53 分, 90 trillion 元).
 */
export const MAX_BUDGET_YUAN = MAX_LINE_YUAN;

/**
 * True when amounts (each within the per-line range, none negative) add up to more than a budget
 * may hold. It stops at the first partial sum past the bound, so the sum never leaves the exact
 * integer range however many amounts there are.
 */
export function exceedsBudgetTotal(amounts: Iterable<Fen>): boolean {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (total > MAX_LINE_FEN) return true;
  }
  return false;
}

/** The exact sum of any number of amounts, in BigInt: for totals that may lie past the safe range. */
export function sumFenExact(amounts: Iterable<Fen>): bigint {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return total;
}
