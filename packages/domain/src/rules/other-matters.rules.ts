import type { TDisclosure } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import {
  agrees,
  amountColumns,
  cellFen,
  findByRole,
  gridsOf,
  halfStepOf,
  tryParseFen,
  yuan,
} from './disclosure-grid';
import { columnKey, totalRow } from './cross-tables.rules';
import { figureLocation, figuresOf, type PlacedFigure } from './figures';
import { defineRules, report } from './rule-definition';
import { summarySides } from './summary-tables.rules';

/** Identity 9: the figures of Part 3 「其他重要事项」 against the tables they summarise. */
export const OTHER_MATTERS_RULES = defineRules('text-vs-tables', 'disclosure', {
  operatingCosts: {
    id: 'TEXT.OPERATING_COSTS',
    severity: 'error',
    description: {
      zh: '机关运行经费等于表6 日常公用经费合计',
      en: '机关运行经费 equals 表6’s total 日常公用经费',
    },
    message: {
      zh: '机关运行经费为 {actual} 元，表6 日常公用经费合计为 {expected} 元',
      en: '机关运行经费 is {actual} yuan, 表6’s 日常公用经费 total {expected} yuan',
    },
  },
  procurementSum: {
    id: 'TEXT.PROCUREMENT_SUM',
    severity: 'error',
    description: {
      zh: '政府采购预算合计等于货物、服务、工程三类之和',
      en: 'Government procurement equals goods + services + works',
    },
    message: {
      zh: '政府采购合计 {actual} 元，货物、服务、工程之和 {expected} 元',
      en: 'government procurement is {actual} yuan, goods + services + works {expected} yuan',
    },
  },
  procurementVsProjects: {
    id: 'TEXT.PROCUREMENT_VS_PROJECTS',
    severity: 'error',
    description: {
      zh: '政府采购预算（合计及各类）等于表10 各项目采购之和',
      en: 'Government procurement (in total and per category) equals the procurement of 表10’s projects',
    },
    message: {
      zh: '政府采购{categoryZh}为 {actual} 元，表10 项目采购{categoryZh}之和为 {expected} 元',
      en: 'government procurement{categoryEn} is {actual} yuan, 表10’s project procurement{categoryEn} sums to {expected} yuan',
    },
  },
  newAssets: {
    id: 'TEXT.NEW_ASSETS',
    severity: 'error',
    description: {
      zh: '新增资产等于资本性支出（表1 经济分类 309、310 类）',
      en: 'New assets equal capital expenditure (economic 类 309 and 310 of 表1)',
    },
    message: {
      zh: '新增资产为 {actual} 元，表1 资本性支出为 {expected} 元',
      en: 'new assets are {actual} yuan, 表1’s capital expenditure {expected} yuan',
    },
  },
});

const CATEGORIES = [
  { key: 'goods', zh: '货物', en: ' (goods)' },
  { key: 'services', zh: '服务', en: ' (services)' },
  { key: 'works', zh: '工程', en: ' (works)' },
] as const;

/** Σ of 表10's procurement lines, in total and by category (the 采购类别 text column). */
function projectProcurement(
  disclosure: TDisclosure,
): { total: Fen; byCategory: Map<string, Fen> } | undefined {
  const t10 = findByRole(disclosure, 'project-performance');
  if (t10 === undefined) return undefined;
  let total = 0;
  const byCategory = new Map<string, Fen>();
  for (const grid of gridsOf(disclosure)) {
    if (grid.table !== t10.id || !/采购/.test(grid.label)) continue;
    const amount = amountColumns(grid)[0]?.key;
    const category = grid.columns.find((c) => c.type === 'text' && /类别/.test(c.label))?.key;
    if (amount === undefined) continue;
    for (const row of grid.rows) {
      if (row.emphasis === 'total') continue;
      const fen = cellFen(row, amount);
      total += fen;
      const name =
        category === undefined ? undefined : CATEGORIES.find((c) => row.cells[category]?.includes(c.zh))?.key;
      if (name !== undefined) byCategory.set(name, ((byCategory.get(name) ?? 0) + fen) as Fen);
    }
  }
  return { total: total as Fen, byCategory };
}

export function checkOtherMatters(disclosure: TDisclosure): TFinding[] {
  const halfStep = halfStepOf(disclosure.meta, findByRole(disclosure, 'income-expenditure-summary'));
  const findings: TFinding[] = [];
  const wanted = new Set([
    'operating-costs',
    'procurement-total',
    'new-assets',
    ...CATEGORIES.map((c) => `procurement-${c.key}`),
  ]);
  const figures = new Map<string, PlacedFigure>();
  for (const placed of figuresOf(disclosure))
    if (wanted.has(placed.figure.key)) figures.set(placed.figure.key, placed);
  const valueOf = (key: string) => {
    const placed = figures.get(key);
    return placed?.figure.kind === 'amount' ? tryParseFen(placed.figure.value) : undefined;
  };
  const compare = (
    rule: typeof OTHER_MATTERS_RULES.newAssets,
    key: string,
    expected: Fen,
    terms: number,
    params = {},
  ) => {
    const placed = figures.get(key);
    const actual = valueOf(key);
    if (placed === undefined || actual === undefined || agrees(actual, expected, terms, halfStep)) return;
    const all = { ...params, actual: yuan(actual), expected: yuan(expected) };
    findings.push(report(rule, figureLocation(placed), all, { expected: all.expected, actual: all.actual }));
  };

  const t6 = findByRole(disclosure, 'general-public-basic-economic');
  const publicColumn = columnKey(t6, /公用/);
  if (t6 !== undefined && publicColumn !== undefined) {
    compare(OTHER_MATTERS_RULES.operatingCosts, 'operating-costs', cellFen(totalRow(t6), publicColumn), 1);
  }

  const parts = CATEGORIES.map((c) => valueOf(`procurement-${c.key}`));
  if (parts.some((p) => p !== undefined)) {
    const sum = parts.reduce<number>((t, p) => t + (p ?? 0), 0) as Fen;
    compare(OTHER_MATTERS_RULES.procurementSum, 'procurement-total', sum, parts.length);
  }
  const projects = projectProcurement(disclosure);
  if (projects !== undefined) {
    compare(OTHER_MATTERS_RULES.procurementVsProjects, 'procurement-total', projects.total, 1, {
      categoryZh: '',
      categoryEn: '',
    });
    for (const c of CATEGORIES) {
      if (!figures.has(`procurement-${c.key}`) && !projects.byCategory.has(c.key)) continue;
      compare(
        OTHER_MATTERS_RULES.procurementVsProjects,
        `procurement-${c.key}`,
        projects.byCategory.get(c.key) ?? (0 as Fen),
        1,
        {
          categoryZh: `（${c.zh}类）`,
          categoryEn: c.en,
        },
      );
    }
  }

  const t1 = findByRole(disclosure, 'income-expenditure-summary');
  // Only a summary with an economic side (Hubei's) prints the capital expenditure to compare with.
  const economicSide = t1?.rows.some((r) => r.code !== undefined && /^3\d\d$/.test(r.code));
  if (t1 !== undefined && economicSide === true) {
    const column = columnKey(t1) ?? '';
    const income = summarySides(t1).income?.section;
    const capital = t1.rows.filter(
      (r) => r.section !== income && r.footer !== true && (r.code === '309' || r.code === '310'),
    );
    const sum = capital.reduce<number>((t, r) => t + cellFen(r, column), 0) as Fen;
    compare(OTHER_MATTERS_RULES.newAssets, 'new-assets', sum, capital.length);
  }
  return findings;
}
