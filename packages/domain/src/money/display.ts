import { Decimal } from 'decimal.js';
import type { Fen } from './fen';
import { MoneyError } from './money-error';

/**
 * The one rounding policy of displayed figures: half up, i.e. away from zero at the half
 * (417.08 万元 → 417.1, -0.05 → -0.1), applied only when a figure is displayed.
 */
export type DisplayUnit = 'wan' | 'yuan'; // 万元 (10,000 元) or 元
export type DisplayDecimals = 0 | 1 | 2;

export interface AmountFormat {
  unit?: DisplayUnit;
  /** default: 1 for 万元 (as the standard tables print), 2 for 元 */
  decimals?: DisplayDecimals;
}

const FEN_PER_UNIT: Readonly<Record<DisplayUnit, bigint>> = { wan: 1_000_000n, yuan: 100n };

/**
 * An amount as an integer count of display steps (e.g. tenths of 万元), rounded half up.
 * `decimals` may go up to the exact precision of 分 (6 for 万元, 2 for 元).
 */
export function roundFenToSteps(fen: Fen | number, unit: DisplayUnit, decimals: number): bigint {
  const fenPerStep = FEN_PER_UNIT[unit] / 10n ** BigInt(decimals);
  if (fenPerStep < 1n) throw new MoneyError('OUT_OF_RANGE', decimals, `${unit} has at most ${unit === 'wan' ? 6 : 2} exact decimals`);
  const abs = BigInt(Math.abs(fen));
  const steps = abs / fenPerStep + (2n * (abs % fenPerStep) >= fenPerStep ? 1n : 0n);
  return fen < 0 ? -steps : steps;
}

/** Writes a count of steps as decimal text: 6044n with 1 decimal → "604.4"; never "-0.0". */
export function formatSteps(steps: bigint, decimals: number): string {
  const abs = steps < 0n ? -steps : steps;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toString();
  const text = decimals === 0 ? whole : `${whole}.${(abs % scale).toString().padStart(decimals, '0')}`;
  return steps < 0n ? `-${text}` : text;
}

/** 分 per display step of the default formats, as numbers: 0.1 万元 and 0.01 元. */
const DEFAULT_FEN_PER_STEP: Readonly<Record<DisplayUnit, number>> = { wan: 100_000, yuan: 1 };

/**
 * The default formats in integer Number arithmetic, exact for any safe integer of 分: a
 * derivation states thousands of figures, and BigInt allocates for each. Same rounding as
 * roundFenToSteps (half away from zero), same text as formatSteps with one or two decimals.
 */
function formatDefault(fen: number, unit: DisplayUnit): string {
  const fenPerStep = DEFAULT_FEN_PER_STEP[unit];
  const abs = Math.abs(fen);
  const remainder = abs % fenPerStep;
  const steps = (abs - remainder) / fenPerStep + (2 * remainder >= fenPerStep ? 1 : 0);
  const scale = unit === 'wan' ? 10 : 100;
  const fraction = String(steps % scale).padStart(unit === 'wan' ? 1 : 2, '0');
  const text = `${Math.floor(steps / scale)}.${fraction}`;
  return fen < 0 && steps !== 0 ? `-${text}` : text;
}

/** An amount for display: 万元 with one decimal by default ("604.4"); 元 with two ("6044000.00"). */
export function formatAmount(fen: Fen | number, format: AmountFormat = {}): string {
  const unit = format.unit ?? 'wan';
  const decimals = format.decimals ?? (unit === 'wan' ? 1 : 2);
  if (decimals === (unit === 'wan' ? 1 : 2) && Number.isSafeInteger(fen)) return formatDefault(fen, unit);
  return formatSteps(roundFenToSteps(fen, unit, decimals), decimals);
}

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * A part's share of a total in percent, half up: 207.4 of 604.4 → "34.3". A zero total has only
 * zero parts, whose share is written as zero. Amounts in whole 分 divide exactly as integers (the
 * quotient in steps of the last decimal, rounded half away from zero, as decimal.js's ROUND_HALF_UP
 * does): a derivation states a share per row of its explanations, and a Decimal costs far more.
 * Anything else runs in decimal.js.
 */
export function shareOfTotal(part: Fen | number, total: Fen | number, decimals: DisplayDecimals = 1): string {
  if (total === 0) {
    if (part !== 0) throw new MoneyError('OUT_OF_RANGE', part, 'a share of a zero total');
    return new Exact(0).toFixed(decimals);
  }
  if (Number.isSafeInteger(part) && Number.isSafeInteger(total)) {
    const numerator = BigInt(Math.abs(part)) * 100n * 10n ** BigInt(decimals);
    const denominator = BigInt(Math.abs(total));
    const steps = numerator / denominator + (2n * (numerator % denominator) >= denominator ? 1n : 0n);
    return formatSteps((part < 0) !== (total < 0) ? -steps : steps, decimals);
  }
  const share = new Exact(part).times(100).dividedBy(total).toFixed(decimals, Decimal.ROUND_HALF_UP);
  return share.startsWith('-') && /^-[0.]+$/.test(share) ? share.slice(1) : share;
}
