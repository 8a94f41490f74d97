import { FUND_SOURCE_NAMES, FUND_SOURCES } from '../budget/fund-source';
import { formatYuan, ZERO_FEN } from '../money/fen';
import type { TFinding } from './finding.schema';
import type { DocumentIndex } from './document-index';
import { defineRules, report } from './rule-definition';

export const BALANCE_RULES = defineRules('balance', 'document', {
  balanced: {
    id: 'BUDGET.BALANCED',
    severity: 'error',
    description: {
      zh: '收入总计（含上年结转）等于支出总计：收支平衡',
      en: 'Total income (carry-over included) equals total expenditure: a balanced budget',
    },
    message: {
      zh: '收入总计 {income} 元，支出总计 {expenditure} 元，收支不平衡',
      en: 'total income {income} yuan differs from total expenditure {expenditure} yuan',
    },
  },
  sourceBalanced: {
    id: 'BUDGET.FUND_SOURCE_BALANCED',
    severity: 'warning',
    description: {
      zh: '每一资金来源的支出等于该来源的收入（表4 财政拨款收支平衡依赖于此）',
      en: 'Expenditure funded by each source equals that source’s income (表4 balances on it)',
    },
    message: {
      zh: '资金来源「{source}」：收入 {income} 元，支出 {expenditure} 元',
      en: 'fund source “{source}”: income {income} yuan, expenditure {expenditure} yuan',
    },
  },
});

/** 收入总计 = 支出总计, overall and per fund source. */
export function checkBalance(index: DocumentIndex): TFinding[] {
  const findings: TFinding[] = [];
  if (index.incomeTotal !== index.expenditureTotal) {
    const income = formatYuan(index.incomeTotal);
    const expenditure = formatYuan(index.expenditureTotal);
    findings.push(
      report(
        BALANCE_RULES.balanced,
        { kind: 'document', path: 'incomeLines' },
        { income, expenditure },
        { expected: expenditure, actual: income },
      ),
    );
  }
  for (const source of FUND_SOURCES) {
    const income = index.incomeBySource.get(source) ?? ZERO_FEN;
    const expenditure = index.expenditureBySource.get(source) ?? ZERO_FEN;
    if (income === expenditure) continue;
    findings.push(
      report(
        BALANCE_RULES.sourceBalanced,
        { kind: 'document', path: 'incomeLines' },
        {
          source: FUND_SOURCE_NAMES[source],
          income: formatYuan(income),
          expenditure: formatYuan(expenditure),
        },
        { expected: formatYuan(expenditure), actual: formatYuan(income) },
      ),
    );
  }
  return findings;
}
