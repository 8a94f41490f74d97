import type { TPriorYearFigures } from '../budget/budget-document.schema';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import type { DocumentIndex } from './document-index';
import { defineRules, report } from './rule-definition';

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
      zh: '{year} 年的 {field} 为负数：{amount} 元',
      en: '{field} of {year} is negative: {amount} yuan',
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
      zh: '{year} 年基本支出 {basic} 元 + 项目支出 {project} 元 ≠ 合计 {total} 元',
      en: '{year}: basic {basic} yuan + project {project} yuan ≠ total {total} yuan',
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
      zh: '{year} 年财政拨款 {fiscal} 元 + 其他资金 {other} 元 ≠ 合计 {total} 元',
      en: '{year}: fiscal appropriation {fiscal} yuan + other funds {other} yuan ≠ total {total} yuan',
    },
  },
});

const AMOUNT_FIELDS = [
  'incomeFiscal',
  'incomeOther',
  'expenditureBasic',
  'expenditureProject',
  'total',
  'generalPublicBudget',
  'threePublic',
  'operatingCosts',
] as const;

/** A sum of two parts against the total, when all three are typed (表9 prints them side by side). */
function partsVsTotal(
  prior: TPriorYearFigures,
  a: string | undefined,
  b: string | undefined,
): [Fen, Fen, Fen] | undefined {
  if (a === undefined || b === undefined || prior.total === undefined) return undefined;
  const [fa, fb, total] = [parseFen(a), parseFen(b), parseFen(prior.total)];
  return fa + fb === total ? undefined : [fa, fb, total];
}

function checkFigures(prior: TPriorYearFigures, i: number): TFinding[] {
  const findings: TFinding[] = [];
  const path = (field: string) => ({ kind: 'document', path: `priorYears.${i}.${field}` }) as const;
  for (const field of AMOUNT_FIELDS) {
    const amount = prior[field];
    if (amount !== undefined && parseFen(amount) < 0) {
      findings.push(report(PRIOR_YEAR_RULES.negative, path(field), { year: prior.year, field, amount }));
    }
  }
  const spent = partsVsTotal(prior, prior.expenditureBasic, prior.expenditureProject);
  if (spent) {
    const [basic, project, total] = spent.map(formatYuan) as [string, string, string];
    const ev = { expected: total, actual: formatYuan((spent[0] + spent[1]) as Fen) };
    findings.push(
      report(PRIOR_YEAR_RULES.expenditureSum, path('total'), { year: prior.year, basic, project, total }, ev),
    );
  }
  const received = partsVsTotal(prior, prior.incomeFiscal, prior.incomeOther);
  if (received) {
    const [fiscal, other, total] = received.map(formatYuan) as [string, string, string];
    const ev = { expected: total, actual: formatYuan((received[0] + received[1]) as Fen) };
    findings.push(
      report(PRIOR_YEAR_RULES.incomeSum, path('total'), { year: prior.year, fiscal, other, total }, ev),
    );
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
