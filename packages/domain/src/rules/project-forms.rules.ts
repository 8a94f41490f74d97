import type { TDisclosure, TGridBlock, TProjectBlock, TRow } from '../disclosure/disclosure.schema';
import { parseFen, type Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import { agrees, amountColumns, cellFen, findByRole, halfStepOf, yuan } from './disclosure-grid';
import { defineRules, report } from './rule-definition';

/** 表10 on a disclosure alone: each project form's parts against its 项目当年预算. */
export const PROJECT_FORM_RULES = defineRules('projects', 'disclosure', {
  detailVsAmount: {
    id: 'T10.DETAIL_VS_AMOUNT',
    severity: 'error',
    description: {
      zh: '表10 项目支出明细测算合计等于项目当年预算',
      en: '表10: a project’s detail lines sum to its current-year budget',
    },
    message: {
      zh: '表10「{project}」明细测算合计 {actual} 元，项目当年预算 {expected} 元',
      en: '表10 “{project}”: detail lines sum to {actual} yuan, the current-year budget is {expected} yuan',
    },
  },
  fundSourcesVsAmount: {
    id: 'T10.FUND_SOURCES_VS_AMOUNT',
    severity: 'error',
    description: {
      zh: '表10 项目资金来源合计等于项目当年预算',
      en: '表10: a project’s fund sources sum to its current-year budget',
    },
    message: {
      zh: '表10「{project}」资金来源合计 {actual} 元，项目当年预算 {expected} 元',
      en: '表10 “{project}”: fund sources sum to {actual} yuan, the current-year budget is {expected} yuan',
    },
  },
  procurementVsAmount: {
    id: 'T10.PROCUREMENT_VS_AMOUNT',
    severity: 'error',
    description: {
      zh: '表10 项目采购合计不超过项目当年预算',
      en: '表10: a project’s procurement does not exceed its current-year budget',
    },
    message: {
      zh: '表10「{project}」采购合计 {actual} 元，超过项目当年预算 {expected} 元',
      en: '表10 “{project}”: procurement of {actual} yuan exceeds the current-year budget of {expected} yuan',
    },
  },
});

/** Σ of a grid's top-level rows that are not totals: the figure its parts state. */
function partsSum(grid: TGridBlock): { fen: Fen; terms: number } | undefined {
  const column = amountColumns(grid)[0]?.key;
  if (column === undefined) return undefined;
  const top = grid.rows.reduce((min, r) => Math.min(min, r.level), Number.POSITIVE_INFINITY);
  const parts = grid.rows.filter((r: TRow) => r.level === top && r.emphasis !== 'total');
  return { fen: parts.reduce<number>((t, r) => t + cellFen(r, column), 0) as Fen, terms: parts.length };
}

function checkForm(table: string, project: TProjectBlock, halfStep: number): TFinding[] {
  const findings: TFinding[] = [];
  const amount = parseFen(project.amount);
  // each grid's label built once, not once per pattern: a disclosure has a form per project
  const grids = project.blocks.flatMap((b) => (b.type === 'grid' ? [{ block: b, label: `${b.key} ${b.title ?? ''}` }] : []));
  const grid = (pattern: RegExp): TGridBlock | undefined => grids.find((g) => pattern.test(g.label))?.block;
  const checks = [
    { rule: PROJECT_FORM_RULES.detailVsAmount, block: grid(/明细|details/), exceedsOnly: false },
    {
      rule: PROJECT_FORM_RULES.fundSourcesVsAmount,
      block: grid(/资金来源|fund-sources/),
      exceedsOnly: false,
    },
    { rule: PROJECT_FORM_RULES.procurementVsAmount, block: grid(/采购|procurement/), exceedsOnly: true },
  ];
  for (const { rule, block, exceedsOnly } of checks) {
    const sum = block === undefined || block.rows.length === 0 ? undefined : partsSum(block);
    if (block === undefined || sum === undefined) continue;
    const ok = exceedsOnly
      ? sum.fen <= amount + halfStep * (sum.terms + 1)
      : agrees(sum.fen, amount, sum.terms, halfStep);
    if (ok) continue;
    const params = { project: project.name, actual: yuan(sum.fen), expected: yuan(amount) };
    const at = { kind: 'table', table, row: `${project.key}/${block.key}` } as const;
    findings.push(report(rule, at, params, { expected: params.expected, actual: params.actual }));
  }
  return findings;
}

export function checkProjectForms(disclosure: TDisclosure): TFinding[] {
  const t10 = findByRole(disclosure, 'project-performance');
  if (t10 === undefined) return [];
  const halfStep = halfStepOf(disclosure.meta, t10);
  return t10.blocks.flatMap((b) => (b.type === 'project' ? checkForm(t10.id, b, halfStep) : []));
}
