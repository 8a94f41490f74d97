import { z } from 'zod';
import { isFiscal, familyOf } from '../derive/line-aggregate';
import { THREE_PUBLIC_CODES } from '../derive/t8-three-public';
import { MAX_BUDGET_YUAN, type Fen } from '../money/fen';
import { FUND_SOURCE_NAMES, FUND_SOURCES, type FundSource } from './fund-source';
import type { TExpenditureKind } from './budget-document.schema';

const MAX_CEILING_FEN = Number(MAX_BUDGET_YUAN * 100n);
/** The reason a negative ceiling is refused with, beside its field's path (e.g. `ceilings.total`). */
export const CEILING_NEGATIVE = 'a ceiling cannot be negative';

/**
 * A ceiling in integer 分, written as digits on the wire ("125000000" is 1,250,000.00 元): never a
 * JSON number, never 元 with decimals, so that what the 预算科 issues is exactly what is compared.
 */
export const ZCeilingFen = z
  .string()
  // A minus sign is the one mistake a person makes on purpose-looking input: it gets its own reason.
  .refine((digits) => !digits.trimStart().startsWith('-'), { message: CEILING_NEGATIVE, abort: true })
  .regex(/^(0|[1-9]\d{0,15})$/, 'a ceiling is a whole number of 分, written as digits')
  .transform((digits) => Number(digits) as Fen)
  .refine((fen) => fen <= MAX_CEILING_FEN, { message: `a ceiling may not exceed ${MAX_BUDGET_YUAN} 元` });

/** The 三公 ceilings: their total and the three parts the 表8 prints. */
export const ZThreePublicCeilings = z.strictObject({
  total: ZCeilingFen.optional(),
  overseasTravel: ZCeilingFen.optional(), // 因公出国（境）费
  reception: ZCeilingFen.optional(), // 公务接待费
  vehicles: ZCeilingFen.optional(), // 公务用车购置及运行维护费
});

/**
 * A department's ceilings (控制数, 一下) of a fiscal year, as the 预算科 issues them: the total of
 * expenditure, 基本支出 and 项目支出, per fund source, and the 三公. A ceiling left out is not issued
 * and limits nothing.
 */
export const ZCeilings = z.strictObject({
  total: ZCeilingFen.optional(),
  basic: ZCeilingFen.optional(), // 基本支出
  project: ZCeilingFen.optional(), // 项目支出
  byFundSource: z.partialRecord(z.enum(FUND_SOURCES), ZCeilingFen).default({}),
  threePublic: ZThreePublicCeilings.default({}),
});
export type TCeilings = z.output<typeof ZCeilings>;
export type TCeilingsInput = z.input<typeof ZCeilings>;

/** Each amount given as its digits of 分; one left out stays out. */
function digitsOf<T extends Partial<Record<string, Fen>>>(amounts: T): { [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(amounts).filter(([, fen]) => fen !== undefined).map(([key, fen]) => [key, String(fen)])) as { [K in keyof T]: string };
}

/** Ceilings as they travel: each amount as its digits of 分 (what ZCeilings reads back). */
export function ceilingsToWire(ceilings: TCeilings): TCeilingsInput {
  const { byFundSource, threePublic, ...headline } = ceilings;
  return { ...digitsOf(headline), byFundSource: digitsOf(byFundSource), threePublic: digitsOf(threePublic) };
}

/** Expenditure summed by what a ceiling looks at: kind, fund source and (for the 三公) economic 款. */
export interface CeilingLineSum {
  kind: TExpenditureKind;
  fundSource: FundSource;
  economicCode: string;
  fen: Fen;
}

/** A budget's figures that ceilings limit, each amount as an `A`. */
interface FiguresOf<A> {
  total: A;
  basic: A;
  project: A;
  byFundSource: Partial<Record<FundSource, A>>;
  threePublic: { total: A; overseasTravel: A; reception: A; vehicles: A };
}

/** A budget's figures that ceilings limit, in 分. */
export type CeilingFigures = FiguresOf<Fen>;

/** A budget's figures as they are stored: each amount as its digits of 分 (see ceilingFiguresFromWire). */
export type CeilingFiguresWire = FiguresOf<string>;

export function ceilingFiguresToWire(figures: CeilingFigures): CeilingFiguresWire {
  const { byFundSource, threePublic, ...headline } = figures;
  return { ...digitsOf(headline), byFundSource: digitsOf(byFundSource), threePublic: digitsOf(threePublic) };
}

/**
 * Figures stored by ceilingFiguresToWire, read back exactly (whole 分 well within a double's
 * integers). Spelled out field by field: the desk reads a hundred of these per request.
 */
export function ceilingFiguresFromWire(wire: CeilingFiguresWire): CeilingFigures {
  const fen = (digits: string) => Number(digits) as Fen;
  const byFundSource: Partial<Record<FundSource, Fen>> = {};
  for (const source of Object.keys(wire.byFundSource) as FundSource[]) byFundSource[source] = fen(wire.byFundSource[source]!);
  const { threePublic } = wire;
  return {
    total: fen(wire.total),
    basic: fen(wire.basic),
    project: fen(wire.project),
    byFundSource,
    threePublic: { total: fen(threePublic.total), overseasTravel: fen(threePublic.overseasTravel), reception: fen(threePublic.reception), vehicles: fen(threePublic.vehicles) },
  };
}

const THREE_PUBLIC_PART: ReadonlyMap<string, 'overseasTravel' | 'reception' | 'vehicles'> = new Map([
  [THREE_PUBLIC_CODES.overseasTravel, 'overseasTravel'],
  [THREE_PUBLIC_CODES.reception, 'reception'],
  [THREE_PUBLIC_CODES.vehiclePurchase, 'vehicles'],
  [THREE_PUBLIC_CODES.vehicleOperation, 'vehicles'],
]);

/** The 款 a line sum needs to keep for the 三公; every other 款 may be summed together. */
export const THREE_PUBLIC_ECONOMIC_CODES: readonly string[] = [...THREE_PUBLIC_PART.keys()];

/**
 * The figures from line sums (any grouping finer than kind × fund source × 三公 款). The 三公 count
 * only the fiscal appropriation (财政拨款), as 表8 prints them.
 */
export function ceilingFiguresOf(sums: Iterable<CeilingLineSum>): CeilingFigures {
  const figures = { total: 0, basic: 0, project: 0, byFundSource: {} as Partial<Record<FundSource, number>>, threePublic: { total: 0, overseasTravel: 0, reception: 0, vehicles: 0 } };
  for (const sum of sums) {
    figures.total += sum.fen;
    if (sum.kind === 'project') figures.project += sum.fen;
    else figures.basic += sum.fen;
    figures.byFundSource[sum.fundSource] = (figures.byFundSource[sum.fundSource] ?? 0) + sum.fen;
    const part = THREE_PUBLIC_PART.get(sum.economicCode);
    if (part !== undefined && isFiscal(familyOf(sum.fundSource))) {
      figures.threePublic[part] += sum.fen;
      figures.threePublic.total += sum.fen;
    }
  }
  return figures as CeilingFigures;
}

/** One issued ceiling beside the budget's figure: `room` is what is left (negative: over by that much). */
export interface CeilingComparison {
  /** 'total', 'basic', 'project', 'fundSource.<source>', 'threePublic.<part>' */
  ceiling: string;
  /** its name as the Chinese UI shows it */
  name: string;
  ceilingFen: Fen;
  amountFen: Fen;
  roomFen: Fen;
}

/** A ceiling the budget exceeds, and by how much. */
export interface CeilingExcess {
  ceiling: string;
  name: string;
  ceilingFen: Fen;
  amountFen: Fen;
  excessFen: Fen;
}

const THREE_PUBLIC_NAMES = { total: '“三公”经费合计', overseasTravel: '因公出国（境）费', reception: '公务接待费', vehicles: '公务用车购置及运行维护费' } as const;

/** One item a ceiling may limit: its id, its name, the budget's figure of it and the ceiling of it. */
export interface CeilingItem {
  ceiling: string;
  name: string;
  figure(figures: CeilingFigures): Fen;
  limit(ceilings: TCeilings): Fen | undefined;
}

/** Every item a ceiling may limit, in the order they are listed: headline, fund sources, 三公. */
export const CEILING_ITEMS: readonly CeilingItem[] = [
  { ceiling: 'total', name: '支出总额', figure: (f) => f.total, limit: (c) => c.total },
  { ceiling: 'basic', name: '基本支出', figure: (f) => f.basic, limit: (c) => c.basic },
  { ceiling: 'project', name: '项目支出', figure: (f) => f.project, limit: (c) => c.project },
  ...FUND_SOURCES.map((source) => ({
    ceiling: `fundSource.${source}`,
    name: FUND_SOURCE_NAMES[source],
    figure: (f: CeilingFigures) => f.byFundSource[source] ?? (0 as Fen),
    limit: (c: TCeilings) => c.byFundSource[source],
  })),
  ...(['total', 'overseasTravel', 'reception', 'vehicles'] as const).map((part) => ({
    ceiling: `threePublic.${part}`,
    name: THREE_PUBLIC_NAMES[part],
    figure: (f: CeilingFigures) => f.threePublic[part],
    limit: (c: TCeilings) => c.threePublic[part],
  })),
];

/** Every issued ceiling with the budget's figure and the room left, in the order the ceilings are listed. */
export function compareWithCeilings(figures: CeilingFigures, ceilings: TCeilings): CeilingComparison[] {
  return CEILING_ITEMS.flatMap(({ ceiling, name, figure, limit }) => {
    const ceilingFen = limit(ceilings);
    if (ceilingFen === undefined) return [];
    const amountFen = figure(figures);
    return [{ ceiling, name, ceilingFen, amountFen, roomFen: (ceilingFen - amountFen) as Fen }];
  });
}

/** The ceilings the budget exceeds; none when it keeps within every issued one. */
export function exceededCeilings(figures: CeilingFigures, ceilings: TCeilings): CeilingExcess[] {
  return compareWithCeilings(figures, ceilings)
    .filter((c) => c.roomFen < 0)
    .map(({ ceiling, name, ceilingFen, amountFen, roomFen }) => ({ ceiling, name, ceilingFen, amountFen, excessFen: -roomFen as Fen }));
}
