import type { TColumn, TRow } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import { operatingCostUnits } from './economic-table';
import { isFiscal } from './line-aggregate';
import { amountCell, amountColumn, makeRow, type TableBody } from './table-parts';
import { threePublicFigures } from './t8-three-public';

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
  for (const c of ctx.aggregate.byEconomic) if (c.economicCode === code && isFiscal(c.family)) sum += c.fen;
  return sum as Fen;
}

/**
 * The 三公 as one row of columns (Shanghai's “三公”经费和机关运行经费预算表, Jiangsu's “三公”经费、会议费、
 * 培训费支出预算表): 三公 and its parts, then what the template prints with them. Jiangsu leads with a
 * 合计 of everything it prints.
 */
export function threePublicRow(ctx: DeriveContext, extras: readonly Extra[]): TableBody {
  const f = threePublicFigures(ctx);
  const values: Record<string, Fen> = {
    'three-public': f.total,
    'overseas-travel': f.overseasTravel,
    reception: f.reception,
    vehicles: f.vehicles,
    'vehicle-purchase': f.vehiclePurchase,
    'vehicle-operation': f.vehicleOperation,
  };
  const columns: TColumn[] = [];
  const withTotal = extras.includes('meetings') || extras.includes('training');
  if (withTotal) columns.push(amountColumn('total', '合计'));
  columns.push(
    amountColumn('three-public', '小计', THREE_PUBLIC),
    amountColumn('overseas-travel', '因公出国（境）费', THREE_PUBLIC),
    amountColumn('reception', '公务接待费', THREE_PUBLIC),
    amountColumn('vehicles', '公务用车购置及运行费', THREE_PUBLIC),
    amountColumn('vehicle-purchase', '其中：公务用车购置费', THREE_PUBLIC),
    amountColumn('vehicle-operation', '其中：公务用车运行费', THREE_PUBLIC),
  );
  let total = f.total as number;
  for (const extra of extras) {
    const amount = extra === 'operating-costs' ? operatingCosts(ctx) : fiscalSumOf(ctx, EXTRA_CODES[extra]);
    values[extra] = amount;
    if (extra !== 'operating-costs') total += amount;
    columns.push(amountColumn(extra, extra === 'operating-costs' ? '机关运行经费' : extra === 'meetings' ? '会议费' : '培训费'));
  }
  if (withTotal) values['total'] = total as Fen;
  const cells: TRow['cells'] = Object.fromEntries(columns.map((c) => [c.key, amountCell(values[c.key])]));
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目' },
    columns,
    rows: [makeRow('amount', '预算数', 0, cells)],
    preamble: [],
    blocks: [],
  };
}
