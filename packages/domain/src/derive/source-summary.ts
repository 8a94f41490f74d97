import { chineseNumeral } from '../text/chinese-numeral';
import type { FundSource } from '../budget/fund-source';
import { FUND_SOURCES } from '../budget/fund-source';
import type { TColumn, TRow, TSection } from '../disclosure/disclosure.schema';
import type { TColumnSet, TIncomeScheme } from '../templates/template.schema';
import { nameOf } from './catalogue-names';
import { addMoney, cellsOf, columnsOf, emptyMoney, inFundScope, type Money } from './column-sets';
import type { DeriveContext } from './derive-context';
import { overUnits } from './line-aggregate';
import { src, sumSources, type IncomeRowSpec } from './income-rows';
import { amountCell, amountColumn, byCode, makeRow, type TableBody } from './table-parts';
import { usesOf, useRows } from './use-rows';

const GP: readonly FundSource[] = ['general-budget-appropriation', 'asset-income-appropriation', 'other-nontax-appropriation', 'higher-special-transfer'];
const GF: readonly FundSource[] = ['government-fund-appropriation', 'government-fund-special-transfer'];
const SOE: readonly FundSource[] = ['soe-capital-appropriation'];
const CARRYOVER: readonly FundSource[] = ['carryover-fiscal', 'carryover-other'];
const others = (...listed: (readonly FundSource[])[]): FundSource[] => FUND_SOURCES.filter((s) => !listed.some((l) => l.includes(s)));

const row = (key: string, name: string, level: number, sources: readonly FundSource[]): IncomeRowSpec => ({ key, name, level, sources });

export interface IncomeScheme {
  rows: readonly IncomeRowSpec[];
  /** Footer rows: 收入总计, or 当年收入小计 / 上年结转资金 / 收入合计. */
  footers: readonly IncomeRowSpec[];
}

/** How each province's summary lists income, all funds and 财政拨款 only. */
const INCOME_SCHEMES: Record<TIncomeScheme, { all: IncomeScheme; fiscal: IncomeScheme }> = {
  shanghai: {
    all: {
      rows: [
        row('fiscal', '一、财政拨款收入', 0, [...GP, ...GF, ...SOE]),
        { ...row('general-public', '1. 一般公共预算资金', 1, GP), unitName: '1、一般公共预算资金' },
        { ...row('government-fund', '2. 政府性基金', 1, GF), unitName: '2、政府性基金' },
        { ...row('soe-capital', '3. 国有资本经营预算', 1, SOE), unitName: '3、国有资本经营预算' },
        row('business-income', '二、事业收入', 0, ['business-income-other', 'business-income-special-account']),
        src('operating-income', '三、事业单位经营收入', 0),
        row('other', '四、其他收入', 0, others(GP, GF, SOE, ['business-income-other', 'business-income-special-account', 'operating-income'])),
      ],
      footers: [row('income-total', '收入总计', 0, FUND_SOURCES)],
    },
    fiscal: {
      rows: [row('general-public', '一、一般公共预算资金', 0, GP), row('government-fund', '二、政府性基金', 0, GF), row('soe-capital', '三、国有资本经营预算', 0, SOE)],
      footers: [row('income-total', '收入总计', 0, [...GP, ...GF, ...SOE])],
    },
  },
  jiangsu: {
    all: {
      rows: [
        row('fiscal', '一、财政拨款', 0, [...GP, ...GF]),
        row('general-public', '1.一般公共预算', 1, GP),
        row('government-fund', '2.政府性基金预算', 1, GF),
        src('business-income-special-account', '二、财政专户管理资金', 0),
        row('other', '三、其他资金', 0, others(GP, GF, CARRYOVER, ['business-income-special-account'])),
      ],
      footers: [
        row('income-total', '当年收入小计', 0, others(CARRYOVER)),
        row('carryover', '上年结转资金', 0, CARRYOVER),
        row('income-grand-total', '收入合计', 0, FUND_SOURCES),
      ],
    },
    fiscal: {
      rows: [row('general-public', '一、一般公共预算', 0, GP), row('government-fund', '二、政府性基金预算', 0, GF)],
      footers: [row('income-grand-total', '收入合计', 0, [...GP, ...GF])],
    },
  },
};

/** The income rows and footers of a province's summary, all funds or 财政拨款 only. */
export function incomeScheme(income: TIncomeScheme, funds: 'all' | 'fiscal'): IncomeScheme {
  return INCOME_SCHEMES[income][funds];
}

/** 收入预算总表 of Jiangsu: every source of money as a list, 收入总计 first. */
export const JIANGSU_INCOME_LIST: readonly IncomeRowSpec[] = [
  row('income-grand-total', '收入总计', 0, FUND_SOURCES),
  row('general-public', '一般公共预算资金', 0, GP),
  row('general-public-grant', '公共财政拨款(补助)资金', 1, ['general-budget-appropriation', 'asset-income-appropriation', 'higher-special-transfer']),
  src('other-nontax-appropriation', '专项收入', 1),
  row('government-fund', '政府性基金', 0, GF),
  src('business-income-special-account', '财政专户管理资金', 0),
  // no fund source tells 专户管理教育收费 from the other 非税收入 of a special account: all of it is the latter
  row('special-account-education', '专户管理教育收费', 1, []),
  row('special-account-other', '其他非税收入', 1, ['business-income-special-account']),
  row('other', '其他资金', 0, others(GP, GF, CARRYOVER, ['business-income-special-account'])),
  src('business-income-other', '事业收入', 1),
  src('operating-income', '经营收入', 1),
  row('other-income', '其他收入', 1, others(GP, GF, CARRYOVER, ['business-income-special-account', 'business-income-other', 'operating-income'])),
  row('carryover', '上年结转和结余资金', 0, CARRYOVER),
  row('carryover-used', '其中：动用上年结转和结余资金', 1, CARRYOVER),
];


/** A footer that totals what precedes it (收入总计, 当年收入小计, 收入合计), not 上年结转资金, which it adds. */
const isTotal = (s: IncomeRowSpec) => s.key.startsWith('income-');

function incomeRows(ctx: DeriveContext, specs: readonly IncomeRowSpec[], section: string | undefined, footer: boolean): TRow[] {
  const income = ctx.aggregate.incomeBySource;
  return specs.map((s) =>
    makeRow(s.key, ctx.doc.scope === 'unit' && s.unitName !== undefined ? s.unitName : s.name, s.level, { amount: amountCell(sumSources(income, s.sources)) }, { ...(section === undefined ? {} : { section }), footer, ...(footer && isTotal(s) ? { emphasis: 'total' as const } : {}) }),
  );
}

export interface SourceSummaryOptions {
  funds: 'all' | 'fiscal';
  income: TIncomeScheme;
  columns: TColumnSet;
  byUse: boolean;
  alsoByUse: boolean;
  reserve: boolean;
  classes: 'used' | 'catalogue' | readonly string[];
  labels: Readonly<Record<string, string>>;
}

/**
 * A summary of income by source beside expenditure by functional 类 (or by use): Shanghai's
 * 财务收支预算总表 and 财政拨款收支预算总表, Jiangsu's 收支预算总表 and 财政拨款收支预算总表. The two
 * sides may print different columns (the income side one 预算数, the expenditure side the set).
 */
export function sourceSummary(ctx: DeriveContext, o: SourceSummaryOptions): TableBody {
  const scheme = INCOME_SCHEMES[o.income][o.funds];
  const fiscal = o.funds === 'fiscal';
  const byClass = new Map<string, Money>();
  const total = emptyMoney();
  for (const c of overUnits(ctx.aggregate).byFunction) {
    if (fiscal && !inFundScope('fiscal', c.family)) continue;
    const cls = c.functionCode.slice(0, 3);
    let money = byClass.get(cls);
    if (money === undefined) byClass.set(cls, (money = emptyMoney()));
    addMoney(money, c);
    addMoney(total, c);
  }
  const incomeColumn: TColumn = amountColumn('amount', o.labels['amount'] ?? '预算数');
  const spendColumns = o.columns === 'amount' ? [incomeColumn] : columnsOf(o.columns, o.labels);
  const cells = (m: Money) => (o.columns === 'amount' ? { amount: amountCell(m.total) } : cellsOf(o.columns, m));
  const section = 'expenditure';
  let spendRows: TRow[];
  const uses = usesOf(ctx, fiscal, o.reserve);
  if (o.byUse) {
    spendRows = useRows(uses, o.reserve, cells, section);
  } else {
    const listed = o.classes === 'used' ? [] : o.classes === 'catalogue' ? classesOf(ctx) : o.classes;
    const codes = [...new Set([...listed, ...byClass.keys()])].sort(byCode);
    spendRows = codes.map((code, i) =>
      makeRow(`func:${code}`, `${chineseNumeral(i + 1)}、${nameOf(ctx.catalogue, 'functional', code)}`, 0, cells(byClass.get(code) ?? emptyMoney()), { code, section }),
    );
  }
  const footer = { section, footer: true };
  if (o.income === 'jiangsu' && !fiscal) {
    spendRows.push(
      makeRow('func-total', '当年支出小计', 0, cells(total), { ...footer, emphasis: 'total' }),
      makeRow('func-carry-forward', '结转下年资金', 0, cells(emptyMoney()), footer),
      makeRow('func-grand-total', '支出合计', 0, cells(total), { ...footer, emphasis: 'total' }),
    );
  } else {
    spendRows.push(makeRow(o.income === 'jiangsu' ? 'func-grand-total' : 'func-total', o.income === 'jiangsu' ? '支出合计' : '支出总计', 0, cells(total), { ...footer, emphasis: 'total' }));
  }
  // Jiangsu's 收支预算总表 prints expenditure by use too, as a block of its own
  const alsoByUse = o.alsoByUse && !o.byUse;
  if (alsoByUse) spendRows.push(...useRows(uses, o.reserve, cells, 'use'));
  const differs = o.columns !== 'amount';
  const spendKeys = differs ? { columns: spendColumns.map((c) => c.key) } : {};
  const sections: TSection[] = [
    { key: 'income', label: '收入', nameLabel: '项目', ...(differs ? { columns: ['amount'] } : {}) },
    { key: section, label: '支出', nameLabel: o.byUse ? '项目' : '功能分类', ...spendKeys },
    ...(alsoByUse ? [{ key: 'use', label: '支出', nameLabel: '项目', ...spendKeys }] : []),
  ];
  return {
    layout: 'side-by-side',
    sections,
    rowHeader: { nameLabel: '项目' },
    columns: differs ? [incomeColumn, ...spendColumns] : [incomeColumn],
    rows: [...incomeRows(ctx, scheme.rows, 'income', false), ...incomeRows(ctx, scheme.footers, 'income', true), ...spendRows],
    preamble: [],
    blocks: [],
  };
}

/** Every 类 of the year's catalogue, for a summary that prints them all. */
function classesOf(ctx: DeriveContext): string[] {
  return [...ctx.catalogue.functional.keys()].filter((code) => code.length === 3);
}

/** Jiangsu's 收入预算总表: the list of sources with their subtotals. */
export function incomeList(ctx: DeriveContext): TableBody {
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目名称' },
    columns: [amountColumn('amount', '金额')],
    rows: JIANGSU_INCOME_LIST.map((s, i) =>
      makeRow(s.key, ctx.doc.scope === 'unit' && s.unitName !== undefined ? s.unitName : s.name, s.level, { amount: amountCell(sumSources(ctx.aggregate.incomeBySource, s.sources)) }, i === 0 ? { emphasis: 'total' } : {}),
    ),
    preamble: [],
    blocks: [],
  };
}
