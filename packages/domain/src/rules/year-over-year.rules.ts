import { Decimal } from 'decimal.js';
import type { TDisclosure, TExplanationSection, TParagraph } from '../disclosure/disclosure.schema';
import { findTemplate } from '../templates/template-registry';
import {
  findComparisonClaims,
  printedNumber,
  type ComparisonClaim,
  type Direction,
  type PrintedNumber,
} from './comparison-claims';
import type { TFinding, TFindingLocation } from './finding.schema';
import { defineRules, report, type FindingParams } from './rule-definition';

/**
 * The year-over-year claims of Part 3 against themselves: read from the paragraph text alone, so
 * that a disclosure transcribed from print (where Part 3 is only text) is checked as a derived one
 * is. Every comparison allows exactly the rounding of the print: half a unit of the last printed
 * digit of each figure, and for a rate the interval the rounded numerator and denominator allow.
 */
export const YEAR_OVER_YEAR_RULES = defineRules('year-over-year', 'disclosure', {
  year: {
    id: 'YOY.YEAR',
    severity: 'error',
    description: {
      zh: '同比的年份是本预算年度的上一年',
      en: 'A comparison is with the year before the fiscal year',
    },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」与 {actual} 年比较，应与 {expected} 年比较',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}” compares with {actual}, the comparison year is {expected}',
    },
  },
  baseKind: {
    id: 'YOY.BASE_KIND',
    severity: 'warning',
    description: {
      zh: '同比的基数是模板规定的上年数（上年预算数或上年预算执行数）',
      en: 'A comparison is with the figure of last year the template prescribes (its budget or its execution)',
    },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」与上年{actualZh}比较，本模板与上年{expectedZh}比较',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}” compares with last year’s {actualEn}, the template compares with its {expectedEn}',
    },
  },
  direction: {
    id: 'YOY.DIRECTION',
    severity: 'error',
    description: {
      zh: '增加/减少/持平与变动的正负相符，金额与增幅的用词一致，不留“增加（减少）”之类的模板字样',
      en: 'The direction word (增加/减少/持平) matches the sign of the change, the amount and the rate agree, and no template placeholder such as 增加（减少） is left',
    },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」写作「{actual}」，应为「{expected}」',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}” says “{actual}”, it should say “{expected}”',
    },
  },
  change: {
    id: 'YOY.CHANGE',
    severity: 'error',
    description: {
      zh: '变动额等于本年数减上年数（允许各数按印出位数的舍入误差）',
      en: 'The change is this year’s figure minus last year’s, within the rounding of the printed figures',
    },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」：{current} − {base} = {expected}{unit}，印为 {actual}{unit}',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}”: {current} − {base} = {expected} {unit}, printed {actual} {unit}',
    },
  },
  rate: {
    id: 'YOY.RATE',
    severity: 'error',
    description: {
      zh: '增减率等于变动额除以上年数（允许分子分母按印出位数的舍入区间）',
      en: 'The rate is the change divided by last year’s figure, within the interval the rounded numerator and denominator allow',
    },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」：{change} ÷ {base} = {expected}%（可在 {low}% 至 {high}% 之间），印为 {actual}%',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}”: {change} ÷ {base} = {expected}% (between {low}% and {high}%), printed {actual}%',
    },
  },
  zeroBase: {
    id: 'YOY.ZERO_BASE',
    severity: 'error',
    description: { zh: '上年数为零时不写增减率', en: 'No rate is stated against a zero base' },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」：上年数为 0，不应写增减率 {actual}%',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}”: last year’s figure is 0, no rate ({actual}%) can be stated',
    },
  },
  impossible: {
    id: 'YOY.IMPOSSIBLE',
    severity: 'error',
    description: {
      zh: '变动不可能：减少额大于上年数，或增加额大于本年数（上年数为负）',
      en: 'An impossible change: a decrease larger than last year’s figure, or an increase larger than this year’s (a negative base)',
    },
    message: {
      zh: '说明「{section}」第{paragraph}段「{claim}」：上年数应为 {expected}{unit}，不可能为负',
      en: 'explanation “{section}” paragraph {paragraph}: “{claim}” implies last year’s figure {expected} {unit}, which cannot be negative',
    },
  },
});

/** 元 per printed unit: amounts are compared in 元, rates in percent. */
const YUAN_PER_UNIT: Readonly<Record<PrintedNumber['unit'], number>> = { 万元: 10_000, 元: 1, '%': 1 };

const valueOf = (p: PrintedNumber): Decimal => new Decimal(p.value).times(YUAN_PER_UNIT[p.unit]);
/** Half a unit of the last printed digit: how far the exact figure may lie from the printed one. */
const halfOf = (p: PrintedNumber): Decimal =>
  new Decimal(10).pow(-p.decimals).times(YUAN_PER_UNIT[p.unit]).div(2);
/** A value in a figure's unit and decimals, for the message's expected figure. */
const asPrinted = (yuan: Decimal, like: PrintedNumber): string =>
  yuan.div(YUAN_PER_UNIT[like.unit]).toFixed(like.decimals, Decimal.ROUND_HALF_UP);

const WORDS: Readonly<Record<Exclude<Direction, 'both'>, string>> = {
  up: '增加',
  down: '减少',
  flat: '持平',
};
const KIND_NAMES = {
  budget: ['预算数', 'budget'],
  execution: ['预算执行数', 'execution'],
  final: ['决算数', 'final accounts'],
} as const;

interface Place {
  section: string;
  paragraph: number;
  location: TFindingLocation;
}

/** The direction the printed figures imply, where current and base are both printed and rounding leaves no doubt. */
function impliedDirection(
  current: PrintedNumber,
  base: PrintedNumber,
): Exclude<Direction, 'both'> | undefined {
  const diff = valueOf(current).minus(valueOf(base));
  // Within rounding any word may be right: 「增加0.0万元」 of an exact +0.04 万元 is true.
  if (diff.abs().lte(halfOf(current).plus(halfOf(base)))) return undefined;
  return diff.gt(0) ? 'up' : 'down';
}

type Pair = readonly [Decimal, Decimal];

/** How a claim's rate is computed from two of its printed figures, and how the message writes it. */
interface RateModel {
  inputs: readonly [PrintedNumber, PrintedNumber];
  change: (values: Pair) => Decimal;
  base: (values: Pair) => Decimal;
  numerator: string;
  denominator: string;
}

/** The rate from the printed base (with the change, or with this year's figure), else from current ∓ change. */
function rateModel(claim: ComparisonClaim, sign: 1 | -1): RateModel | undefined {
  const { base, change, current } = claim;
  if (base !== undefined && change !== undefined)
    return {
      inputs: [change, base],
      change: ([x]) => x,
      base: ([, b]) => b,
      numerator: change.text,
      denominator: base.text,
    };
  if (base !== undefined && current !== undefined) {
    return {
      inputs: [current, base],
      change: ([x, b]) => x.minus(b).abs(),
      base: ([, b]) => b,
      numerator: `(${current.text}−${base.text})`,
      denominator: base.text,
    };
  }
  if (current !== undefined && change !== undefined) {
    return {
      inputs: [current, change],
      change: ([, x]) => x,
      base: ([x, d]) => x.minus(d.times(sign)),
      numerator: change.text,
      denominator: `(${current.text}${sign > 0 ? '−' : '+'}${change.text})`,
    };
  }
  return undefined;
}

/**
 * The rate's interval over the corners of its rounded inputs: change ÷ base is monotone in each
 * input while the base keeps its sign, so its extremes are at the corners. Undefined when a corner
 * reaches a zero or negative base (any rate is then possible).
 */
function rateInterval(model: RateModel): { low: Decimal; high: Decimal; point: Decimal } | undefined {
  const [a, b] = model.inputs;
  const at = (values: Pair) => {
    const base = model.base(values);
    return base.lte(0) ? undefined : model.change(values).times(100).div(base);
  };
  const point = at([valueOf(a), valueOf(b)]);
  const corners = [-1, 1].flatMap((i) =>
    [-1, 1].map((j) => at([valueOf(a).plus(halfOf(a).times(i)), valueOf(b).plus(halfOf(b).times(j))])),
  );
  if (point === undefined || corners.some((r) => r === undefined)) return undefined;
  const rates = corners as Decimal[];
  return { low: Decimal.min(...rates), high: Decimal.max(...rates), point };
}

interface Check {
  claim: ComparisonClaim;
  place: Place;
  findings: TFinding[];
}

function push(
  c: Check,
  rule: (typeof YEAR_OVER_YEAR_RULES)[keyof typeof YEAR_OVER_YEAR_RULES],
  params: FindingParams,
  expected: string,
  actual: string,
): void {
  const all = {
    section: c.place.section,
    paragraph: c.place.paragraph,
    claim: c.claim.excerpt,
    expected,
    actual,
    ...params,
  };
  c.findings.push(report(rule, c.place.location, all, { expected, actual }));
}

function checkDirection(c: Check): void {
  const { claim } = c;
  const implied =
    claim.current !== undefined && claim.base !== undefined
      ? impliedDirection(claim.current, claim.base)
      : undefined;
  if (claim.direction === 'both' || claim.rateDirection === 'both') {
    // The template's 「增加（减少）」 left in print: 持平 where the change printed is zero.
    const zero = claim.change !== undefined && valueOf(claim.change).isZero();
    const expected = implied !== undefined ? WORDS[implied] : zero ? WORDS.flat : '增加、减少或持平之一';
    push(c, YEAR_OVER_YEAR_RULES.direction, {}, expected, claim.directionWord);
  } else if (implied !== undefined && implied !== claim.direction) {
    push(c, YEAR_OVER_YEAR_RULES.direction, {}, WORDS[implied], claim.directionWord);
  } else if (claim.rateDirection !== undefined && claim.rateDirection !== claim.direction) {
    // 「增加52.61万元，下降4.92%」: the amount and the rate say opposite things.
    push(
      c,
      YEAR_OVER_YEAR_RULES.direction,
      {},
      claim.direction === 'down' ? '下降' : '增长',
      claim.rateWord ?? '',
    );
  }
}

function checkChange(c: Check, current: PrintedNumber, base: PrintedNumber, change: PrintedNumber): void {
  const diff = valueOf(current).minus(valueOf(base)).abs();
  const slack = halfOf(current).plus(halfOf(base)).plus(halfOf(change));
  if (diff.minus(valueOf(change)).abs().gt(slack)) {
    push(
      c,
      YEAR_OVER_YEAR_RULES.change,
      { current: current.text, base: base.text, unit: change.unit },
      asPrinted(diff, change),
      change.text,
    );
  }
}

/** Last year's figure as printed or as implied (current ∓ change), at the printed values. */
function baseValue(claim: ComparisonClaim): Decimal | undefined {
  if (claim.base !== undefined) return valueOf(claim.base);
  if (claim.current === undefined || claim.change === undefined) return undefined;
  const change = valueOf(claim.change);
  if (claim.direction === 'both') return change.isZero() ? valueOf(claim.current) : undefined;
  return valueOf(claim.current).minus(claim.direction === 'down' ? change.neg() : change);
}

function checkRate(c: Check, rate: PrintedNumber): void {
  const { claim } = c;
  if (baseValue(claim)?.isZero()) {
    push(c, YEAR_OVER_YEAR_RULES.zeroBase, {}, '', rate.text);
    return;
  }
  if (claim.direction !== 'up' && claim.direction !== 'down') return;
  const model = rateModel(claim, claim.direction === 'down' ? -1 : 1);
  const interval = model === undefined ? undefined : rateInterval(model);
  if (model === undefined || interval === undefined) return;
  const printed = valueOf(rate);
  const half = halfOf(rate);
  if (printed.plus(half).lt(interval.low) || printed.minus(half).gt(interval.high)) {
    const fixed = (d: Decimal) => d.toFixed(rate.decimals + 2, Decimal.ROUND_HALF_UP);
    const params = {
      change: model.numerator,
      base: model.denominator,
      low: fixed(interval.low),
      high: fixed(interval.high),
    };
    push(
      c,
      YEAR_OVER_YEAR_RULES.rate,
      params,
      interval.point.toFixed(rate.decimals, Decimal.ROUND_HALF_UP),
      rate.text,
    );
  }
}

function checkImpossible(c: Check): void {
  const { claim } = c;
  if (claim.change === undefined || (claim.direction !== 'up' && claim.direction !== 'down')) return;
  const change = valueOf(claim.change);
  const slack = halfOf(claim.change);
  let implied: Decimal | undefined;
  let like: PrintedNumber | undefined;
  if (claim.base !== undefined && claim.direction === 'down') {
    // 「比上年X减少Y」: this year is X − Y, which cannot be negative.
    if (change.minus(slack).gt(valueOf(claim.base).plus(halfOf(claim.base))))
      [implied, like] = [valueOf(claim.base).minus(change), claim.base];
  } else if (claim.base === undefined && claim.current !== undefined && claim.direction === 'up') {
    // 「X，比上年增加Y」: last year was X − Y, which cannot be negative.
    if (change.minus(slack).gt(valueOf(claim.current).plus(halfOf(claim.current))))
      [implied, like] = [valueOf(claim.current).minus(change), claim.current];
  }
  if (implied !== undefined && like !== undefined)
    push(
      c,
      YEAR_OVER_YEAR_RULES.impossible,
      { unit: like.unit },
      asPrinted(implied, like),
      claim.change.text,
    );
}

function checkClaim(
  c: Check,
  fiscalYear: number,
  compareWith: 'prior-budget' | 'prior-execution' | undefined,
): void {
  const { claim } = c;
  if (claim.year !== undefined && claim.year !== fiscalYear - 1)
    push(c, YEAR_OVER_YEAR_RULES.year, {}, String(fiscalYear - 1), String(claim.year));
  const expectedKind =
    compareWith === 'prior-execution' ? 'execution' : compareWith === 'prior-budget' ? 'budget' : undefined;
  if (claim.baseKind !== undefined && expectedKind !== undefined && claim.baseKind !== expectedKind) {
    const [actualZh, actualEn] = KIND_NAMES[claim.baseKind];
    const [expectedZh, expectedEn] = KIND_NAMES[expectedKind];
    push(
      c,
      YEAR_OVER_YEAR_RULES.baseKind,
      { actualZh, actualEn, expectedZh, expectedEn },
      expectedZh,
      actualZh,
    );
  }
  checkDirection(c);
  if (claim.current !== undefined && claim.base !== undefined && claim.change !== undefined)
    checkChange(c, claim.current, claim.base, claim.change);
  if (claim.rate !== undefined) checkRate(c, claim.rate);
  checkImpossible(c);
}

const LAST_YEAR = '-last-year';

/**
 * In a derived paragraph the figures say what a claim compares: `K-last-year` is last year's figure
 * of the figure `K` (Hubei names some `K-total`), wherever the section states it — the prose alone
 * may put other amounts between them. Claims of transcribed text keep what the parser found.
 */
function withDerivedCurrent(
  claims: ComparisonClaim[],
  paragraph: TParagraph,
  section: TExplanationSection,
): ComparisonClaim[] {
  const lastYears = paragraph.figures.filter((f) => f.key.endsWith(LAST_YEAR));
  if (lastYears.length === 0) return claims;
  const figures = section.paragraphs.flatMap((p) => p.figures);
  let next = 0;
  return claims.map((claim) => {
    if (claim.base === undefined) return claim;
    const last = lastYears[next++];
    if (last?.text !== claim.base.text) return claim;
    const key = last.key.slice(0, -LAST_YEAR.length);
    const current = figures.find((f) => f.key === key) ?? figures.find((f) => f.key === `${key}-total`);
    return current === undefined
      ? claim
      : { ...claim, current: printedNumber(current.text, current.unit === '元' ? '元' : '万元') };
  });
}

/** The year-over-year rules on every paragraph of Part 3, derived or transcribed. */
export function checkYearOverYear(disclosure: TDisclosure): TFinding[] {
  const findings: TFinding[] = [];
  const compareWith = findTemplate(disclosure.meta.template)?.narrative.compareWith;
  for (const section of disclosure.explanations) {
    section.paragraphs.forEach((paragraph, i) => {
      const place: Place = {
        section: section.title,
        paragraph: i + 1,
        location: { kind: 'text', section: `${section.key}/paragraph-${i + 1}` },
      };
      for (const claim of withDerivedCurrent(findComparisonClaims(paragraph.text), paragraph, section))
        checkClaim({ claim, place, findings }, disclosure.meta.fiscalYear, compareWith);
    });
  }
  return findings;
}
