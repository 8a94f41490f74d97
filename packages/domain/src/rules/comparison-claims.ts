/**
 * Finds the year-over-year claims of Chinese budget prose — 「收入预算37,151.47万元，其中：财政拨款收入
 * 37,151.47万元，比2024年预算执行数增加24,558.18万元」, 「与上年相比收、支预算总计各增加2432.93万元，
 * 增长15.3%」, 「0万元，比2024年预算执行数持平」 — as printed: each figure with its text and the decimals
 * it was printed with, so that a checker can allow exactly the rounding of the print. Pure: text in,
 * claims out; what the claims mean is for year-over-year.rules.ts to judge.
 */

/** A number as printed, with its unit: 「24,558.18万元」 → { value: '24558.18', decimals: 2, unit: '万元' }. */
export interface PrintedNumber {
  text: string; // as printed, separators kept
  value: string; // plain decimal text, no separators
  decimals: number; // digits after the point
  unit: '万元' | '元' | '%';
}

/** up: 增加/增长/上升; down: 减少/下降/降低; flat: 持平; both: the template's 「增加（减少）」 left in print. */
export type Direction = 'up' | 'down' | 'flat' | 'both';

export interface ComparisonClaim {
  /** The claim as the normalized text reads, from the comparison phrase to its last figure. */
  excerpt: string;
  /** Offsets of the excerpt in the normalized text (normalizeProse). */
  start: number;
  end: number;
  /**
   * The amount compared: the last amount printed before the phrase, since the previous claim and
   * within the sentence where the phrase prints last year's figure itself.
   */
  current?: PrintedNumber;
  /** The year compared with as printed (「比2024年」); undefined for 「上年」/「同比」, which mean fiscal year − 1. */
  year?: number;
  /** What last year's figure is: 预算 (budget), 预算执行数 / 执行数 (execution), 决算 (final accounts). */
  baseKind?: 'budget' | 'execution' | 'final';
  /** Last year's amount, where the sentence prints it (「比2020年预算80.0万元增加…」). */
  base?: PrintedNumber;
  direction: Direction;
  directionWord: string;
  change?: PrintedNumber;
  /** The rate in percent as printed (unsigned), with its own direction word (「增长」「下降」「减少」). */
  rate?: PrintedNumber;
  rateDirection?: Direction;
  rateWord?: string;
}

/** Page footers of a transcribed PDF (「─ 7 ─」) and line breaks, which split words and numbers. */
export function normalizeProse(text: string): string {
  return text.replace(/─\s*\d+\s*─/g, '').replace(/\s+/g, '');
}

const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const AMOUNT = String.raw`(${NUM})(万元|元)`;
const DIRECTION = String.raw`增加（减少）|增长（减少）|减少（增加）|下降（增长）|增加|增长|上升|减少|下降|降低|持平`;
const RATE_WORD = String.raw`增长|增加|上升|增幅|下降|减少|降低|降幅`;

/**
 * The comparison phrase: 比/较/与 + 上年 or a year + what of that year + its amount (optional) +
 * 相比 (optional), then up to 20 characters of subject (「，财政拨款收、支总计各」) and the direction
 * word; or 同比 and the direction word. Then the change amount and 「，增长15.3%」, each optional.
 */
const CLAIM = new RegExp(
  String.raw`(?:(?:比|较|与)(上年|(\d{4})年)度?(预算执行数|预算执行|执行数|预算数|预算|决算数|决算)?(?:${AMOUNT})?(?:相比|相较)?|同比)` +
    String.raw`[^。；;\d%]{0,20}?(${DIRECTION})` +
    String.raw`(?:(${NUM})%|(?:${AMOUNT})?(?:[，,]?(${RATE_WORD})(?:（([^）]{1,4})）)?为?(${NUM})%)?)`,
  'g',
);
const AMOUNT_BEFORE = new RegExp(AMOUNT, 'g');
/** How far back the amount compared may stand (a sentence of use may come between: 「…支出。与上年相比…」). */
const LOOKBACK = 200;

/** A number as printed: separators dropped, its decimals counted. */
export function printedNumber(text: string, unit: PrintedNumber['unit']): PrintedNumber {
  const value = text.replace(/,/g, '');
  const point = value.indexOf('.');
  return { text, value, decimals: point < 0 ? 0 : value.length - point - 1, unit };
}

const amountOf = (text: string | undefined, unit: string | undefined): PrintedNumber | undefined =>
  text === undefined ? undefined : printedNumber(text, unit === '元' ? '元' : '万元');

export function directionOf(word: string): Direction {
  if (word.includes('（')) return 'both';
  if (word === '持平') return 'flat';
  return /增|上升/.test(word) ? 'up' : 'down';
}

function baseKindOf(word: string | undefined): ComparisonClaim['baseKind'] {
  if (word === undefined) return undefined;
  if (word.includes('执行')) return 'execution';
  return word.includes('决算') ? 'final' : 'budget';
}

/** The last amount printed in text[from, to). */
function lastAmount(text: string, from: number, to: number): PrintedNumber | undefined {
  let last: PrintedNumber | undefined;
  for (const m of text.slice(from, to).matchAll(AMOUNT_BEFORE)) last = amountOf(m[1], m[2]);
  return last;
}

/** Every comparison claim of a text (a paragraph, or a whole transcribed narrative), in reading order. */
export function findComparisonClaims(raw: string): ComparisonClaim[] {
  const text = normalizeProse(raw);
  const claims: ComparisonClaim[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(CLAIM)) {
    const [
      excerpt,
      ,
      year,
      kind,
      baseText,
      baseUnit,
      word = '',
      rateAlone,
      changeText,
      changeUnit,
      rateWord,
      rateAlternative,
      rateText,
    ] = m;
    const start = m.index;
    // A sentence that prints last year's figure states this year's in itself (Hubei's 「…总预算100.0万元。
    // 比2020年预算80.0万元增加…」 leaves it to the sentence before, where other amounts may stand last).
    const sentenceStart = baseText === undefined ? 0 : text.lastIndexOf('。', start) + 1;
    const current = lastAmount(text, Math.max(previousEnd, start - LOOKBACK, sentenceStart), start);
    const claim: ComparisonClaim = {
      excerpt,
      start,
      end: start + excerpt.length,
      direction: directionOf(word),
      directionWord: word,
    };
    if (current !== undefined) claim.current = current;
    if (year !== undefined) claim.year = Number(year);
    const baseKind = baseKindOf(kind);
    if (baseKind !== undefined) claim.baseKind = baseKind;
    const base = amountOf(baseText, baseUnit);
    if (base !== undefined) claim.base = base;
    const change = amountOf(changeText, changeUnit);
    if (change !== undefined) claim.change = change;
    const rate = rateAlone ?? rateText;
    if (rate !== undefined) {
      claim.rate = printedNumber(rate.replace(/^-/, ''), '%');
      // 「同比增长15.3%」: the direction word is the rate's own.
      claim.rateWord = rateWord ?? word;
      claim.rateDirection =
        rateWord === undefined
          ? claim.direction
          : rateAlternative === undefined
            ? directionOf(rateWord)
            : 'both';
    }
    claims.push(claim);
    previousEnd = claim.end;
  }
  return claims;
}
