import type { TColumn, TRow } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import { operatingCostUnits } from './economic-table';
import { isFiscal, overUnits } from './line-aggregate';
import { amountCell, amountColumn, makeRow, type TableBody } from './table-parts';
import { threePublicFigures } from './t8-three-public';
import type { TThreePublicColumn } from '../templates/template.schema';

type Extra = 'operating-costs' | 'meetings' | 'training';

/** 会议费 and 培训费: the economic 款 Jiangsu's 三公 table prints beside the 三公. */
const EXTRA_CODES = { meetings: '30215', training: '30216' } as const;
const THREE_PUBLIC = '“三公”经费';

/** 机关运行经费: 一般公共预算 公用经费 of 行政 and 参公 units. */
export function operatingCosts(ctx: DeriveContext): Fen {
  const units = operatingCostUnits(ctx);
  let sum = 0;
  for (const c of ctx.aggregate.byEconomic) if (c.family === 'general-public' && c.kind === 'basic-public' && units.has(c.unitCode)) sum += c.fen;
  return sum as Fen;
}

function fiscalSumOf(ctx: DeriveContext, code: string): Fen {
  let sum = 0;
  for (const c of overUnits(ctx.aggregate).byEconomic) if (c.economicCode === code && isFiscal(c.family)) sum += c.fen;
  return sum as Fen;
}

const LABELS: Record<TThreePublicColumn, string> = {
  total: '合计',
  'three-public': '小计',
  'overseas-travel': '因公出国（境）费',
  reception: '公务接待费',
  vehicles: '公务用车购置及运行费',
  'vehicle-purchase': '其中：公务用车购置费',
  'vehicle-operation': '其中：公务用车运行费',
  'operating-costs': '机关运行经费',
  meetings: '会议费',
  training: '培训费',
};
const IN_THREE_PUBLIC: ReadonlySet<TThreePublicColumn> = new Set(['three-public', 'overseas-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation']);

/** The columns of a 三公 row in print order: the template's order, else 合计 (Jiangsu), the 三公, the extras. */
export function threePublicColumns(extras: readonly Extra[], labels: Readonly<Record<string, string>> = {}, order?: readonly TThreePublicColumn[]): TColumn[] {
  const withTotal = extras.includes('meetings') || extras.includes('training');
  const keys = order ?? [...(withTotal ? (['total'] as const) : []), 'three-public', 'overseas-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation', ...extras];
  return keys.map((key) => amountColumn(key, labels[key] ?? LABELS[key], IN_THREE_PUBLIC.has(key) ? THREE_PUBLIC : undefined));
}

/**
 * The 三公 as one row of columns (Shanghai's “三公”经费和机关运行经费预算表, Jiangsu's “三公”经费、会议费、
 * 培训费支出预算表): 三公 and its parts, then what the template prints with them; 合计 is all of
 * them but 机关运行经费.
 */
export function threePublicRow(ctx: DeriveContext, extras: readonly Extra[], labels: Readonly<Record<string, string>> = {}, order?: readonly TThreePublicColumn[]): TableBody {
  const f = threePublicFigures(ctx);
  const values: Partial<Record<TThreePublicColumn, Fen>> = {
    'three-public': f.total,
    'overseas-travel': f.overseasTravel,
    reception: f.reception,
    vehicles: f.vehicles,
    'vehicle-purchase': f.vehiclePurchase,
    'vehicle-operation': f.vehicleOperation,
  };
  let total = f.total as number;
  for (const extra of extras) {
    const amount = extra === 'operating-costs' ? operatingCosts(ctx) : fiscalSumOf(ctx, EXTRA_CODES[extra]);
    values[extra] = amount;
    if (extra !== 'operating-costs') total += amount;
  }
  values.total = total as Fen;
  const columns = threePublicColumns(extras, labels, order);
  const cells: TRow['cells'] = Object.fromEntries(columns.map((c) => [c.key, amountCell(values[c.key as TThreePublicColumn])]));
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目' },
    columns,
    // one row of figures, not a total of rows: 合计 is a column
    rows: [makeRow('amount', '预算数', 0, cells)],
    preamble: [],
    blocks: [],
  };
}
