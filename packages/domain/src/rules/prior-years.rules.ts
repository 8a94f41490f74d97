import type { TPriorYearFigures } from '../budget/budget-document.schema';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import type { DocumentIndex } from './document-index';
import { defineRules, report, type RuleDefinition } from './rule-definition';

export const PRIOR_YEAR_RULES = defineRules('prior-years', 'document', {
  year: {
    id: 'PRIOR.YEAR',
    severity: 'error',
    description: {
      zh: '往年数据（表9 近两年收支、说明的同比数）只列预算年度之前的年度，且每年一次',
      en: 'Prior-year figures (表9, comparisons of Part 3) are for distinct years before the fiscal year',
    },
    message: {
      zh: '往年数据列出的 {year} 年不是 {fiscalYear} 年之前的年度或重复',
      en: 'prior-year figures list {year}, which is not a distinct year before {fiscalYear}',
    },
  },
  negative: {
    id: 'PRIOR.NEGATIVE',
    severity: 'error',
    description: { zh: '往年收支金额不为负数', en: 'Prior-year amounts are not negative' },
    message: {
      zh: '{year} 年的{fieldZh}为负数：{amount} 元',
      en: '{fieldEn} of {year} is negative: {amount} yuan',
    },
  },
  expenditureSum: {
    id: 'PRIOR.EXPENDITURE_SUM',
    severity: 'error',
    description: {
      zh: '往年基本支出 + 项目支出 = 合计',
      en: 'Prior-year basic + project expenditure = total',
    },
    message: {
      zh: '{year} 年基本支出 {first} 元 + 项目支出 {second} 元 ≠ 合计 {total} 元',
      en: '{year}: basic {first} yuan + project {second} yuan ≠ total {total} yuan',
    },
  },
  incomeSum: {
    id: 'PRIOR.INCOME_SUM',
    severity: 'error',
    description: {
      zh: '往年财政拨款 + 其他资金 = 合计',
      en: 'Prior-year fiscal appropriation + other funds = total',
    },
    message: {
      zh: '{year} 年财政拨款 {first} 元 + 其他资金 {second} 元 ≠ 合计 {total} 元',
      en: '{year}: fiscal appropriation {first} yuan + other funds {second} yuan ≠ total {total} yuan',
    },
  },
  partExceedsTotal: {
    id: 'PRIOR.PART_EXCEEDS_TOTAL',
    severity: 'error',
    description: {
      zh: '往年任何一部分（一般公共预算、三公、机关运行经费……）不超过当年合计',
      en: 'No part of a prior year (general public budget, 三公, operating costs …) exceeds its total',
    },
    message: {
      zh: '{year} 年{fieldZh} {amount} 元超过合计 {total} 元',
      en: '{year}: {fieldEn} of {amount} yuan exceeds the total of {total} yuan',
    },
  },
});

/** The amounts of a prior year other than its total, with their names. */
const PARTS = {
  incomeFiscal: { zh: '财政拨款', en: 'fiscal appropriation' },
  incomeOther: { zh: '其他资金', en: 'other funds' },
  expenditureBasic: { zh: '基本支出', en: 'basic expenditure' },
  expenditureProject: { zh: '项目支出', en: 'project expenditure' },
  generalPublicBudget: { zh: '一般公共预算支出', en: 'general public budget expenditure' },
  threePublic: { zh: '“三公”经费', en: '三公 costs' },
  operatingCosts: { zh: '机关运行经费', en: 'operating costs' },
} as const;
type PartField = keyof typeof PARTS;
const PART_FIELDS = Object.keys(PARTS) as PartField[];

/** Pairs that 表9 prints as the two halves of the total. */
const HALVES: readonly { rule: RuleDefinition; first: PartField; second: PartField }[] = [
  { rule: PRIOR_YEAR_RULES.expenditureSum, first: 'expenditureBasic', second: 'expenditureProject' },
  { rule: PRIOR_YEAR_RULES.incomeSum, first: 'incomeFiscal', second: 'incomeOther' },
];

function checkFigures(prior: TPriorYearFigures, i: number): TFinding[] {
  const findings: TFinding[] = [];
  const path = (field: string) => ({ kind: 'document', path: `priorYears.${i}.${field}` }) as const;
  const names = { ...PARTS, total: { zh: '合计', en: 'the total' } };
  for (const field of [...PART_FIELDS, 'total'] as const) {
    const amount = prior[field];
    if (amount === undefined || parseFen(amount) >= 0) continue;
    const params = { year: prior.year, fieldZh: names[field].zh, fieldEn: names[field].en, amount };
    findings.push(report(PRIOR_YEAR_RULES.negative, path(field), params));
  }
  if (prior.total === undefined) return findings;
  const total = parseFen(prior.total);
  for (const field of PART_FIELDS) {
    const amount = prior[field];
    if (amount === undefined || parseFen(amount) <= total) continue;
    const params = {
      year: prior.year,
      fieldZh: PARTS[field].zh,
      fieldEn: PARTS[field].en,
      amount,
      total: prior.total,
    };
    findings.push(
      report(PRIOR_YEAR_RULES.partExceedsTotal, path(field), params, {
        expected: `<= ${prior.total}`,
        actual: amount,
      }),
    );
  }
  for (const { rule, first, second } of HALVES) {
    const [a, b] = [prior[first], prior[second]];
    if (a === undefined || b === undefined) continue;
    const sum = formatYuan((parseFen(a) + parseFen(b)) as Fen);
    if (sum === prior.total) continue;
    const params = { year: prior.year, first: a, second: b, total: prior.total };
    findings.push(report(rule, path('total'), params, { expected: prior.total, actual: sum }));
  }
  return findings;
}

/** The typed figures of past years: which years, and whether their parts add up. */
export function checkPriorYears(index: DocumentIndex): TFinding[] {
  const { fiscalYear, priorYears } = index.doc;
  const findings: TFinding[] = [];
  const years = new Set<number>();
  priorYears.forEach((prior, i) => {
    if (prior.year >= fiscalYear || years.has(prior.year)) {
      const at = { kind: 'document', path: `priorYears.${i}.year` } as const;
      findings.push(report(PRIOR_YEAR_RULES.year, at, { year: prior.year, fiscalYear }));
    }
    years.add(prior.year);
    findings.push(...checkFigures(prior, i));
  });
  return findings;
}
