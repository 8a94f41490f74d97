import type { TDisclosure, TFinding, TProject } from '@budgetflow/domain';
import type { TLocale } from '../../../lib/i18n';
import { groupYuan } from '../../../lib/yuan-text';
import { formWord, type TFormTextKey } from './form-text';

type TWords = { zh: string; en: string };

const LINE_FIELDS: Record<string, TWords> = {
  unitCode: { zh: '单位', en: 'unit' },
  functionCode: { zh: '功能科目', en: 'functional code' },
  economicCode: { zh: '经济科目', en: 'economic code' },
  kind: { zh: '支出类型', en: 'kind' },
  projectId: { zh: '项目', en: 'project' },
  fundSource: { zh: '资金来源', en: 'fund source' },
  amount: { zh: '金额', en: 'amount' },
  note: { zh: '备注', en: 'note' },
};
const PARTS: Record<string, TWords> = {
  department: { zh: '部门概况', en: 'Department' },
  performance: { zh: '表九', en: 'Table 9' },
  priorYears: { zh: '上年数', en: 'Last year' },
  explanations: { zh: '第三部分 说明', en: 'Part 3' },
  incomeLines: { zh: '收入', en: 'Income' },
  expenditureLines: { zh: '支出明细', en: 'Lines' },
  fiscalYear: { zh: '预算年度', en: 'Fiscal year' },
  projects: { zh: '项目', en: 'Projects' },
};
/** Document fields whose form label has another key than the field's name. */
const LABEL_KEYS: Record<string, TFormTextKey> = {
  name: 'departmentName',
  units: 'units',
  code: 'unitCode',
  level: 'unitLevel',
  category: 'unitCategory',
  type: 'projectType',
  details: 'details',
  fundSources: 'fundSources',
  indicators: 'indicators',
  procurement: 'procurement',
  economicCode: 'economicCode',
  amount: 'amount',
  level1: 'level1',
  level2: 'level2',
  target: 'target',
};

/** A document field's label in the forms' words, or nothing when the forms have none. */
export function label(field: string, locale: TLocale): string | undefined {
  const keys = [LABEL_KEYS[field], field, `prior_${field}`, `reason_${field}`, `note_${field}`];
  for (const key of keys) {
    const word = key === undefined ? undefined : formWord(locale, key);
    if (word !== undefined) return word;
  }
  return undefined;
}

const nth = (n: number, locale: TLocale) => (locale === 'zh' ? `第 ${n} 项` : `#${n}`);

/** `department.units.0.code` → 部门概况 · 预算单位 · 第 1 项 · 单位编码. */
export function documentPlace(path: string, locale: TLocale): string {
  return pathPlace(path, locale).filter((n) => n !== '').join(' · ');
}

function pathPlace(path: string, locale: TLocale): string[] {
  const [head = '', ...rest] = path.split('.');
  const names = [PARTS[head]?.[locale] ?? ''];
  for (const part of rest) names.push(/^\d+$/.test(part) ? nth(Number(part) + 1, locale) : (label(part, locale) ?? ''));
  return names;
}

/**
 * Where a finding is, as a person reads the budget: 「表四 · 年终结余 · 预算数」, 「支出明细第 5 行 ·
 * 功能科目」, 「项目“运维” · 绩效指标」, 「部门概况 · 主要职能」. Never a bare key or id: what has no
 * readable name is left out.
 */
export function findingPlace(
  finding: TFinding,
  context: { projects: readonly TProject[] | undefined; disclosure: TDisclosure | undefined; lineNo(id: string): number | undefined; locale: TLocale },
): string {
  const { locale } = context;
  const l = finding.location;
  let names: (string | undefined)[];
  switch (l.kind) {
    case 'table': {
      const table = context.disclosure?.tables.find((t) => t.id === l.table);
      const row = table?.rows.find((r) => r.key === l.row || (r.code !== undefined && r.code === l.row));
      const column = table?.columns.find((c) => c.key === l.column || c.label === l.column);
      names = [table?.number ?? (locale === 'zh' ? '公开表' : 'table'), row?.name.trim(), column?.label];
      break;
    }
    case 'line': {
      const n = context.lineNo(l.lineId);
      const line = n === undefined ? (locale === 'zh' ? '支出明细' : 'line') : locale === 'zh' ? `支出明细第 ${n} 行` : `line ${n}`;
      names = [line, l.field === undefined ? undefined : LINE_FIELDS[l.field]?.[locale]];
      break;
    }
    case 'project': {
      const project = context.projects?.find((p) => p.id === l.projectId);
      const projectName = locale === 'zh' ? `项目“${project?.name ?? l.projectId}”` : `project “${project?.name ?? l.projectId}”`;
      names = [
        projectName,
        l.part === undefined ? undefined : label(l.part, locale),
        l.index === undefined ? undefined : nth(l.index + 1, locale),
        l.field === undefined ? undefined : label(l.field, locale),
      ];
      break;
    }
    case 'text':
      names = [PARTS.explanations?.[locale]];
      break;
    case 'document':
      names = pathPlace(l.path, locale);
      break;
  }
  return names.filter((n): n is string => n !== undefined && n !== '').join(' · ');
}

const CANONICAL_AMOUNT = /(?<![\d.,])-?\d{4,}\.\d{2}(?![\d])/g;

/** Amounts in a message with thousands separators, as the tables print them. */
export function withSeparators(text: string): string {
  return text.replace(CANONICAL_AMOUNT, (amount) => groupYuan(amount));
}
