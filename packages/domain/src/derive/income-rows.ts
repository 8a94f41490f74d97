import { GENERAL_PUBLIC_BUDGET_SOURCES, GOVERNMENT_FUND_SOURCES, type FundSource } from '../budget/fund-source';
import type { TRow } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import { amountCell, makeRow } from './table-parts';

export interface IncomeRowSpec {
  key: string;
  name: string;
  level: number;
  sources: readonly FundSource[];
  /** The name the 单位 version prints, where it differs (Shanghai: 1、 for the 部门 version's 1. ). */
  unitName?: string;
}

export const src = (source: FundSource, name: string, level: number): IncomeRowSpec => ({ key: `src:${source}`, name, level, sources: [source] });

/** 一、财政拨款（补助） and its sub-rows: the part of the income side 表4 keeps. */
const FISCAL_ROWS: readonly IncomeRowSpec[] = [
  { key: 'fiscal', name: '一.财政拨款（补助）', level: 0, sources: [...GENERAL_PUBLIC_BUDGET_SOURCES, ...GOVERNMENT_FUND_SOURCES] },
  { key: 'general-public', name: '（一）公共预算财政拨款（补助）', level: 1, sources: GENERAL_PUBLIC_BUDGET_SOURCES },
  src('general-budget-appropriation', '1.经费拨款（补助）', 2),
  src('asset-income-appropriation', '2.行政事业单位资产收益拨款', 2),
  src('other-nontax-appropriation', '3.其他纳入预算管理的非税拨款', 2),
  src('higher-special-transfer', '4.上级专项转移支付补助', 2),
  { key: 'government-fund', name: '（二）政府性基金预算财政拨款', level: 1, sources: GOVERNMENT_FUND_SOURCES },
  src('government-fund-appropriation', '1.政府性基金财政拨款', 2),
  src('government-fund-special-transfer', '2.政府性基金专项转移支付', 2),
];

/** The income side of 表1 and 表2, rows as the standard form prints them. */
const ALL_ROWS: readonly IncomeRowSpec[] = [
  ...FISCAL_ROWS,
  { key: 'business-income', name: '二.事业收入', level: 0, sources: ['business-income-other', 'business-income-special-account'] },
  src('business-income-other', '1.其他事业收入', 1),
  src('business-income-special-account', '2.专户管理的事业收入', 1),
  src('operating-income', '三.事业单位经营收入', 0),
  src('higher-subsidy', '四.上级补助收入', 0),
  src('subordinate-remittance', '五.附属单位上缴收入', 0),
  src('other-income', '六.其他收入', 0),
  src('business-fund-drawdown', '七.动用事业基金', 0),
];

const CARRYOVER_SOURCES: readonly FundSource[] = ['carryover-fiscal', 'carryover-other'];

export interface IncomeSide {
  rows: TRow[];
  /** 本年收入合计 (without carryover) and 收入总计 (with it), for the expenditure side's balance. */
  yearTotal: Fen;
  grandTotal: Fen;
}

export function sumSources(income: ReadonlyMap<FundSource, Fen>, sources: readonly FundSource[]): Fen {
  let total = 0;
  for (const s of sources) total += income.get(s) ?? 0;
  return total as Fen;
}

/**
 * Income rows with their footer (本年收入合计, 上年结余（转）, 收入总计). `fiscalOnly` gives 表4's
 * side: appropriations and the fiscal carryover only.
 */
export function incomeSide(income: ReadonlyMap<FundSource, Fen>, fiscalOnly: boolean, section?: string): IncomeSide {
  const specs = fiscalOnly ? FISCAL_ROWS : ALL_ROWS;
  const yearSources = specs.flatMap((s) => (s.key.startsWith('src:') ? s.sources : []));
  const carryoverSources = fiscalOnly ? CARRYOVER_SOURCES.slice(0, 1) : CARRYOVER_SOURCES;
  const yearTotal = sumSources(income, yearSources);
  const carryover = sumSources(income, carryoverSources);
  const grandTotal = (yearTotal + carryover) as Fen;
  const opts = section === undefined ? {} : { section };
  const rows = specs.map((s) => makeRow(s.key, s.name, s.level, { amount: amountCell(sumSources(income, s.sources)) }, opts));
  const footer = { ...opts, footer: true };
  rows.push(makeRow('income-total', '本年收入合计', 0, { amount: amountCell(yearTotal) }, { ...footer, emphasis: 'total' }));
  if (!fiscalOnly) rows.push(makeRow('carryover', '八.上年结余（转）', 0, { amount: amountCell(carryover) }, footer));
  rows.push(makeRow('src:carryover-fiscal', '上年财政拨款结余（转）', 1, { amount: amountCell(income.get('carryover-fiscal')) }, footer));
  if (!fiscalOnly) rows.push(makeRow('src:carryover-other', '其他结余（转）', 1, { amount: amountCell(income.get('carryover-other')) }, footer));
  rows.push(makeRow('income-grand-total', '收入总计', 0, { amount: amountCell(grandTotal) }, { ...footer, emphasis: 'total' }));
  return { rows, yearTotal, grandTotal };
}
