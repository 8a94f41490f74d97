import { RULE_CATALOGUE } from './rule-catalogue';
import type { RuleDefinition, RuleFamily } from './rule-definition';

/** Where the generated catalogue lives, from the repository root, and the command that writes it. */
export const RULES_DOC_PATH = 'docs/rules.md';
export const RULES_DOC_COMMAND = 'pnpm exec tsx --tsconfig tsconfig.base.json packages/domain/scripts/write-rules-doc.ts';

const FAMILY_TITLES: Record<RuleFamily, string> = {
  codes: '分类科目 · Classification codes',
  lines: '支出明细与编号 · Lines, ids and units',
  balance: '收支平衡 · Balance',
  projects: '项目 · Projects',
  'prior-years': '上年数 · Prior-year figures',
  'workflow-readiness': '报送前检查 · Ready for submission',
  identities: '表间与表内恒等式 · Table identities',
  hierarchy: '科目层级汇总 · Sums along the code hierarchy',
  'three-public': '“三公”经费 · Three public expenses',
  'text-vs-tables': '文字说明与表格 · Explanations against the tables',
  performance: '绩效目标 · Performance targets',
  'empty-tables': '空表 · Empty tables',
  'fiscal-year': '预算年度 · Fiscal year',
  'year-over-year': '同比增减 · Year-over-year changes',
};

const SEVERITY = { error: 'error（阻止报送 · blocks submission）', warning: 'warning（提示 · does not block）' } as const;
const SCOPE = { document: '预算文档 · budget document', disclosure: '公开文本 · disclosure' } as const;

/** Table-cell text: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function familyTable(rules: readonly RuleDefinition[]): string[] {
  return [
    '| Id | Severity | Runs on | 检查内容 | What it checks |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => {
      const superseded = r.supersededBy === undefined ? '' : ` (not repeated when ${r.supersededBy.map((id) => `\`${id}\``).join(', ')} fired)`;
      return `| \`${r.id}\` | ${r.severity} | ${r.scope} | ${cell(r.description.zh)} | ${cell(r.description.en)}${superseded} |`;
    }),
  ];
}

/**
 * docs/rules.md: every rule of the catalogue with its id, severity, what it runs on and what it
 * checks in Chinese and English, grouped by family in catalogue order. Generated, so it cannot
 * drift from the code: a test compares the file with this text.
 */
export function renderRulesDoc(catalogue: readonly RuleDefinition[] = RULE_CATALOGUE): string {
  const families = new Map<RuleFamily, RuleDefinition[]>();
  for (const rule of catalogue) families.set(rule.family, [...(families.get(rule.family) ?? []), rule]);
  const count = (severity: 'error' | 'warning') => catalogue.filter((r) => r.severity === severity).length;
  const lines = [
    '# The rule set (校验规则)',
    '',
    `<!-- Generated from RULE_CATALOGUE (packages/domain/src/rules/rule-catalogue.ts) by \`${RULES_DOC_COMMAND}\`. Do not edit by hand: rules-doc.spec.ts fails when this file is out of date. -->`,
    '',
    `${catalogue.length} rules: ${count('error')} errors, ${count('warning')} warnings. One rule set runs on a budget`,
    'document (`validateBudget(doc, catalogue?, { disclosure?, aggregate? })`, or `deriveAndValidate(doc, catalogue)`',
    'for the disclosure and the findings together) and on a disclosure alone (`checkDisclosure(disclosure, catalogue?)`,',
    'e.g. one typed from another department’s publication). Each finding carries the rule id, its severity, a message',
    'in Chinese and English and the place it points to (table, row, column, or line and field).',
    '',
    `- ${SEVERITY.error}; ${SEVERITY.warning}.`,
    `- Runs on: \`document\` = ${SCOPE.document} (validateBudget only); \`disclosure\` = ${SCOPE.disclosure} (both entry points).`,
    '- A disclosure rule that says again what a document rule already reported closer to the input is left out of',
    '  validateBudget’s findings (noted under the rule).',
  ];
  for (const [family, rules] of families) lines.push('', `## ${FAMILY_TITLES[family]}`, '', ...familyTable(rules));
  return `${lines.join('\n')}\n`;
}
