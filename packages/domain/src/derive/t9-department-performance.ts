import type { TableBody } from './table-parts';
import type { TPerformanceIndicator } from '../budget/budget-document.schema';
import type { TLeafBlock, TRow } from '../disclosure/disclosure.schema';
import { shareOfTotal } from '../money/display';
import { formatYuan, type Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import { familyOf, isFiscal, overUnits, totalOf } from './line-aggregate';
import { amountColumn, makeRow } from './table-parts';

/** 表9's money block: the current year from the lines, the two prior years as entered. */
export interface DepartmentMoney {
  incomeFiscal: Fen;
  incomeOther: Fen;
  incomeTotal: Fen;
  basic: Fen;
  project: Fen;
  expenditureTotal: Fen;
}

export function departmentMoney(ctx: DeriveContext): DepartmentMoney {
  let incomeFiscal = 0;
  let incomeTotal = 0;
  for (const [source, fen] of ctx.aggregate.incomeBySource) {
    incomeTotal += fen;
    if (isFiscal(familyOf(source))) incomeFiscal += fen;
  }
  const { byEconomic } = overUnits(ctx.aggregate);
  const basic = totalOf(byEconomic, (c) => c.kind !== 'project');
  const project = totalOf(byEconomic, (c) => c.kind === 'project');
  return {
    incomeFiscal: incomeFiscal as Fen,
    incomeOther: (incomeTotal - incomeFiscal) as Fen,
    incomeTotal: incomeTotal as Fen,
    basic,
    project,
    expenditureTotal: (basic + project) as Fen,
  };
}

const PRIOR = '近两年收支情况';

/** 表9 states every figure of its block, zero included (其他资金 0). */
const money = (fen: Fen) => formatYuan(fen);

function indicatorsBlock(key: string, title: string, indicators: TPerformanceIndicator[], priorYears?: [number, number]): TLeafBlock {
  return priorYears === undefined
    ? { type: 'indicators', key, title, indicators }
    : { type: 'indicators', key, title, priorYears, indicators };
}

/**
 * 表9 部门整体支出绩效目标表: header facts, the money block (derived: shares are each figure over its
 * side's total, so 基本 34.3 and 项目 65.7, never the seed's 100 and 100), then the entered texts
 * and indicators.
 */
export function deriveT9(ctx: DeriveContext): TableBody {
  const { doc } = ctx;
  const m = departmentMoney(ctx);
  const years: [number, number] = [doc.fiscalYear - 2, doc.fiscalYear - 1];
  const prior = years.map((y) => doc.priorYears.find((p) => p.year === y));
  const priorCells = (pick: (p: NonNullable<(typeof prior)[number]>) => string | undefined): Pick<TRow['cells'], 'twoYearsAgo' | 'lastYear'> => ({
    twoYearsAgo: prior[0] === undefined ? null : (pick(prior[0]) ?? null),
    lastYear: prior[1] === undefined ? null : (pick(prior[1]) ?? null),
  });
  const row = (key: string, section: string, name: string, fen: Fen, total: Fen, past: ReturnType<typeof priorCells>, total_ = false) =>
    makeRow(key, name, total_ ? 0 : 1, { amount: money(fen), share: shareOfTotal(fen, total), ...past }, total_ ? { section, emphasis: 'total' } : { section });

  const rows = [
    row('income-fiscal', 'income', '财政拨款', m.incomeFiscal, m.incomeTotal, priorCells((p) => p.incomeFiscal)),
    row('income-other', 'income', '其他资金', m.incomeOther, m.incomeTotal, priorCells((p) => p.incomeOther)),
    row('income-total', 'income', '合计', m.incomeTotal, m.incomeTotal, priorCells((p) => p.total), true),
    row('basic', 'expenditure', '基本支出', m.basic, m.expenditureTotal, priorCells((p) => p.expenditureBasic)),
    row('project', 'expenditure', '项目支出', m.project, m.expenditureTotal, priorCells((p) => p.expenditureProject)),
    row('expenditure-total', 'expenditure', '合计', m.expenditureTotal, m.expenditureTotal, priorCells((p) => p.total), true),
  ];

  const perf = doc.performance;
  const blocks: TLeafBlock[] = [
    { type: 'text', key: 'functions-summary', label: '部门职能概述', text: perf.functionsSummary },
    { type: 'text', key: 'annual-tasks', label: '年度工作任务', text: perf.annualTasks },
    { type: 'text', key: 'long-term-target', label: '长期目标', text: perf.longTermTarget },
    { type: 'text', key: 'annual-target', label: '年度目标', text: perf.annualTarget },
    indicatorsBlock('long-term-indicators', '长期绩效目标', perf.longTermIndicators),
    ...perf.annualGoals.map((goal, i) => indicatorsBlock(`annual-goal-${i + 1}`, `年度指标 ${i + 1}：${goal.title}`, goal.indicators, years)),
  ];

  return {
    layout: 'rows',
    sections: [
      { key: 'income', label: '收入构成' },
      { key: 'expenditure', label: '支出构成' },
    ],
    rowHeader: { nameLabel: '部门总体资金情况' },
    columns: [
      amountColumn('amount', '当年预算收支'),
      { key: 'share', label: '占比（%）', type: 'percent' },
      amountColumn('twoYearsAgo', `${years[0]}年`, PRIOR),
      amountColumn('lastYear', `${years[1]}年`, PRIOR),
    ],
    rows,
    preamble: [
      {
        type: 'facts',
        key: 'header',
        items: [
          { label: '部门名称', value: doc.department.name },
          { label: '填报人', value: perf.filledBy },
          { label: '联系电话', value: perf.phone },
        ],
      },
    ],
    blocks,
  };
}
