import type { TTableRef } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { TTableRole } from '../templates/table-role';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { familyOf, isFiscal, overUnits, type FundFamily } from './line-aggregate';
import { roleRef } from './printed-figures';
import { byCode } from './table-parts';

/** A 功能 项 of the 财政拨款 budget with its amount and the names of its 类, 款 and 项. */
export interface FiscalItem {
  code: string;
  fen: Fen;
  className: string;
  sectionName: string;
  itemName: string;
  /** The table cell that prints the amount, where one table holds the whole 财政拨款 of the 项. */
  source: TTableRef | undefined;
}

/** The function table of each budget family, for a 项 paid from one budget only. */
const FAMILY_TABLES: Partial<Record<FundFamily, TTableRole>> = {
  'general-public': 'general-public-function',
  'government-fund': 'government-fund-function',
  'soe-capital': 'soe-capital-function',
};

/**
 * The 财政拨款 of each 功能 项 in code order, non-zero only. Its cell is the template's 财政拨款
 * function table (Jiangsu), else the one budget's function table when a single budget pays it
 * (Shanghai prints 一般公共预算, 政府性基金 and 国有资本经营 apart).
 */
export function fiscalItems(ctx: DeriveContext): FiscalItem[] {
  const byItem = new Map<string, { fen: number; families: Set<FundFamily> }>();
  for (const c of overUnits(ctx.aggregate).byFunction) {
    if (!isFiscal(c.family)) continue;
    const item = byItem.get(c.functionCode) ?? { fen: 0, families: new Set<FundFamily>() };
    item.fen += c.fen;
    item.families.add(c.family);
    byItem.set(c.functionCode, item);
  }
  const hasFiscalTable = ctx.template.tables.some((t) => t.role === 'fiscal-function');
  return [...byItem.keys()]
    .sort(byCode)
    .filter((code) => byItem.get(code)?.fen !== 0)
    .map((code) => {
      const { fen, families } = byItem.get(code) ?? { fen: 0, families: new Set<FundFamily>() };
      const [only] = families.size === 1 ? [...families] : [];
      const role = hasFiscalTable ? 'fiscal-function' : only === undefined ? undefined : FAMILY_TABLES[only];
      return {
        code,
        fen: fen as Fen,
        className: nameOf(ctx.catalogue, 'functional', code.slice(0, 3)),
        sectionName: nameOf(ctx.catalogue, 'functional', code.slice(0, 5)),
        itemName: nameOf(ctx.catalogue, 'functional', code),
        source: role === undefined ? undefined : roleRef(ctx, role, code),
      };
    });
}

const emptyFamilies = (): Record<FundFamily, number> => ({
  'general-public': 0,
  'government-fund': 0,
  'soe-capital': 0,
  'carryover-fiscal': 0,
  business: 0,
  operating: 0,
  other: 0,
});

/** Income by the families the summaries print, in 分. */
export function incomeByFamily(ctx: DeriveContext): Record<FundFamily, Fen> {
  const sums = emptyFamilies();
  for (const [source, fen] of ctx.aggregate.incomeBySource) sums[familyOf(source)] += fen;
  return sums as Record<FundFamily, Fen>;
}

/** Expenditure by fund family, in 分. */
export function spendByFamily(ctx: DeriveContext): Record<FundFamily, Fen> {
  const sums = emptyFamilies();
  for (const c of overUnits(ctx.aggregate).byEconomic) sums[c.family] += c.fen;
  return sums as Record<FundFamily, Fen>;
}
