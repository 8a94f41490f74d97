import type { TableBody } from './table-parts';
import type { FundSource } from '../budget/fund-source';
import type { TProject } from '../budget/budget-document.schema';
import type { TLeafBlock, TProjectBlock, TRow } from '../disclosure/disclosure.schema';
import { shareOfTotal } from '../money/display';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { familyOf, sumCells } from './line-aggregate';
import { amountColumn, makeRow, textColumn } from './table-parts';

const PROCUREMENT_CATEGORY_NAMES = { goods: '货物', services: '服务', works: '工程' } as const;

/** 财政拨款: appropriated by the general public or the government fund budget (no array per call: a form per project). */
const appropriated = (s: FundSource): boolean => {
  const family = familyOf(s);
  return family === 'general-public' || family === 'government-fund';
};

/** 项目资金来源 rows as the form prints them; every row states its amount, 0 included. */
const FUND_SOURCE_ROWS: readonly { key: string; name: string; level: number; sources: (s: FundSource) => boolean }[] = [
  { key: 'fiscal', name: '1.财政拨款收入', level: 0, sources: appropriated },
  { key: 'fiscal-current', name: '其中：申请当年预算拨款', level: 1, sources: appropriated },
  { key: 'business-income', name: '2.事业收入', level: 0, sources: (s) => s === 'business-income-other' || s === 'business-income-special-account' },
  { key: 'higher-subsidy', name: '3.上级补助收入', level: 0, sources: (s) => s === 'higher-subsidy' },
  { key: 'subordinate-remittance', name: '4.附属单位上缴收入', level: 0, sources: (s) => s === 'subordinate-remittance' },
  { key: 'operating-income', name: '5.事业单位经营收入', level: 0, sources: (s) => s === 'operating-income' },
  { key: 'other-income', name: '6.其他收入', level: 0, sources: (s) => s === 'other-income' },
  { key: 'business-fund-drawdown', name: '7.用事业基金弥补收支差额', level: 0, sources: (s) => s === 'business-fund-drawdown' },
  { key: 'carryover', name: '8.上年结转', level: 0, sources: (s) => s === 'carryover-fiscal' || s === 'carryover-other' },
  { key: 'carryover-fiscal', name: '其中：使用上年度财政拨款结余结转', level: 1, sources: (s) => s === 'carryover-fiscal' },
];

/** A fund-source cell states 0 too, as the form prints it; "0.00" needs no formatting. */
const statedAmount = (fen: number): string => (fen === 0 ? '0.00' : formatYuan(fen as Fen));

function fundSourcesGrid(project: TProject): TLeafBlock {
  const bySource = new Map<FundSource, number>();
  for (const f of project.fundSources) bySource.set(f.source, (bySource.get(f.source) ?? 0) + parseFen(f.amount));
  const rows = FUND_SOURCE_ROWS.map((spec) => {
    let fen = 0;
    for (const [source, amount] of bySource) if (spec.sources(source)) fen += amount;
    return makeRow(spec.key, spec.name, spec.level, { amount: statedAmount(fen) });
  });
  return { type: 'grid', key: 'fund-sources', title: '项目资金来源', rowHeader: { nameLabel: '资金来源项目' }, columns: [amountColumn('amount', '金额')], rows };
}

function priorYearsGrid(project: TProject): TLeafBlock {
  const rows = project.priorYears.map((p) =>
    makeRow(`year:${p.year}`, `${p.year}年`, 0, {
      budget: p.budget ?? null,
      executed: p.executed ?? null,
      rate: p.budget !== undefined && p.executed !== undefined && parseFen(p.budget) !== 0 ? shareOfTotal(parseFen(p.executed), parseFen(p.budget)) : null,
    }),
  );
  return {
    type: 'grid',
    key: 'prior-years',
    title: '项目前两年预算编制、执行及当年预算变动情况',
    rowHeader: { nameLabel: '年度' },
    columns: [amountColumn('budget', '预算数'), amountColumn('executed', '执行数'), { key: 'rate', label: '执行率（%）', type: 'percent' }],
    rows,
  };
}

function detailsGrid(project: TProject, ctx: DeriveContext): TLeafBlock {
  const rows: TRow[] = [];
  project.details.forEach((d, i) => {
    rows.push(makeRow(`detail:${i + 1}`, nameOf(ctx.catalogue, 'economic', d.economicCode), 0, { amount: d.amount, basis: d.basis, note: d.note }, { code: d.economicCode }));
    d.subItems.forEach((s, j) => rows.push(makeRow(`detail:${i + 1}:${j + 1}`, `${j + 1}、${s.description}`, 1, { amount: s.amount, basis: null, note: null })));
  });
  return {
    type: 'grid',
    key: 'details',
    title: '项目支出明细测算',
    rowHeader: { codeLabel: '科目编码', nameLabel: '经济科目' },
    columns: [amountColumn('amount', '金额'), textColumn('basis', '测算依据及说明'), textColumn('note', '备注')],
    rows,
  };
}

function procurementGrid(project: TProject): TLeafBlock {
  const rows: TRow[] = project.procurement.map((p, i) =>
    makeRow(`item:${i + 1}`, p.item, 0, { category: PROCUREMENT_CATEGORY_NAMES[p.category], quantity: p.quantity, amount: p.amount }),
  );
  return {
    type: 'grid',
    key: 'procurement',
    title: '项目采购',
    rowHeader: { nameLabel: '采购品名' },
    columns: [textColumn('category', '采购类别'), textColumn('quantity', '采购数量'), amountColumn('amount', '金额')],
    rows,
  };
}

function projectBlock(project: TProject, amount: Fen, ctx: DeriveContext): TProjectBlock {
  const unitName = ctx.unitNames.get(project.unitCode) ?? project.unitCode;
  const years: [number, number] = [ctx.doc.fiscalYear - 2, ctx.doc.fiscalYear - 1];
  return {
    type: 'project',
    key: project.id,
    name: project.name,
    unitName,
    amount: formatYuan(amount),
    blocks: [
      {
        type: 'facts',
        key: 'header',
        title: '项目申报表',
        items: [
          { label: '项目名称', value: project.name },
          { label: '项目主管部门', value: project.managingDepartment },
          { label: '项目执行单位', value: project.executingUnit },
          { label: '项目负责人', value: project.leader },
          { label: '联系电话', value: project.phone },
          { label: '单位地址', value: project.address },
          { label: '邮政编码', value: project.postcode },
          { label: '项目类型', value: project.type },
        ],
      },
      { type: 'text', key: 'basis', label: '项目立项依据', text: project.basis },
      { type: 'text', key: 'plan', label: '项目实施方案', text: project.plan },
      {
        type: 'facts',
        key: 'budget',
        items: [
          { label: '项目总预算（元）', value: project.totalBudget ?? '' },
          { label: '项目当年预算（元）', value: formatYuan(amount) },
        ],
      },
      priorYearsGrid(project),
      { type: 'text', key: 'change-note', label: `${ctx.doc.fiscalYear}年变动说明`, text: project.changeNote },
      fundSourcesGrid(project),
      detailsGrid(project, ctx),
      procurementGrid(project),
      { type: 'text', key: 'overall-target', label: '项目绩效总目标', text: project.overallTarget },
      { type: 'indicators', key: 'indicators', title: '年度绩效目标表', priorYears: years, indicators: project.indicators },
    ],
  };
}

/**
 * 表10 项目支出绩效目标表: one form per project, amounts in 元 as the form prints them. 项目当年预算
 * is the sum of the project's lines; detail, sub-items and procurement are shown as entered (the
 * rules check that they add up).
 */
export function deriveT10(ctx: DeriveContext): TableBody {
  const byProject = sumCells(ctx.aggregate.byProject, () => true, (c) => c.projectId);
  const blocks = ctx.doc.projects.map((p) => projectBlock(p, byProject.get(p.id) ?? (0 as Fen), ctx));
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目名称' },
    columns: [],
    rows: [],
    preamble: [],
    blocks,
  };
}
