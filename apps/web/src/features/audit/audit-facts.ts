import { BUDGET_STATES, FUND_SOURCE_NAMES, findTemplate } from '@budgetflow/domain';
import type { TLocale } from '../../lib/i18n';
import type { TDeskTranslate } from '../../lib/desk-i18n';
import { fenText } from '../ceilings/fen-text';
import { publishedFileLabel } from '../portal/file-names';

type TWords = { zh: string; en: string };

/** The facts entries record, by their key in the payload (apps/api: `audit.append` calls). */
const FACT_WORDS: Readonly<Record<string, TWords>> = {
  ip: { zh: '地址', en: 'address' },
  sessionId: { zh: '登录会话', en: 'session' },
  keptSessionId: { zh: '保留的会话', en: 'session kept' },
  session: { zh: '会话', en: 'session' },
  username: { zh: '用户名', en: 'username' },
  displayName: { zh: '姓名', en: 'name' },
  password: { zh: '密码', en: 'password' },
  active: { zh: '启用', en: 'active' },
  role: { zh: '角色', en: 'role' },
  reviewScope: { zh: '审核范围', en: 'review scope' },
  reviewAll: { zh: '审核全部部门', en: 'reviews all departments' },
  departmentId: { zh: '部门', en: 'department' },
  departmentCode: { zh: '部门编码', en: 'department code' },
  unitCode: { zh: '单位编码', en: 'unit code' },
  fiscalYear: { zh: '预算年度', en: 'fiscal year' },
  year: { zh: '年度', en: 'year' },
  version: { zh: '版本', en: 'version' },
  fromVersion: { zh: '原版本', en: 'from version' },
  toVersion: { zh: '新版本', en: 'to version' },
  from: { zh: '原值', en: 'from' },
  to: { zh: '新值', en: 'to' },
  expenditureLines: { zh: '支出明细行数', en: 'expenditure lines' },
  incomeLines: { zh: '收入行数', en: 'income lines' },
  upsertedExpenditure: { zh: '修改的支出明细', en: 'expenditure lines changed' },
  upsertedIncome: { zh: '修改的收入', en: 'income lines changed' },
  removedExpenditure: { zh: '删除的支出明细', en: 'expenditure lines removed' },
  removedIncome: { zh: '删除的收入', en: 'income lines removed' },
  ceilings: { zh: '控制数', en: 'ceilings' },
  previous: { zh: '原控制数', en: 'previous ceilings' },
  total: { zh: '合计', en: 'total' },
  basic: { zh: '基本支出', en: 'basic' },
  project: { zh: '项目支出', en: 'project' },
  byFundSource: { zh: '按资金来源', en: 'by fund source' },
  threePublic: { zh: '“三公”经费', en: 'three public' },
  overseasTravel: { zh: '因公出国（境）费', en: 'overseas travel' },
  reception: { zh: '公务接待费', en: 'reception' },
  vehicles: { zh: '公务用车购置及运行维护费', en: 'vehicles' },
  opinion: { zh: '审核意见', en: 'opinion' },
  reason: { zh: '原因', en: 'reason' },
  documentNo: { zh: '批复文号', en: 'document no.' },
  repliedOn: { zh: '批复日期', en: 'replied on' },
  revisionNo: { zh: '送审次数', en: 'revision' },
  round: { zh: '轮次', en: 'round' },
  stage: { zh: '审核环节', en: 'stage' },
  status: { zh: '状态', en: 'status' },
  template: { zh: '公开模板', en: 'template' },
  name: { zh: '名称', en: 'name' },
  code: { zh: '编码', en: 'code' },
  level: { zh: '级次', en: 'level' },
  kind: { zh: '类型', en: 'kind' },
  sha256: { zh: '校验值', en: 'checksum' },
  files: { zh: '文件', en: 'files' },
  figuresSha256: { zh: '数字校验值', en: 'figures checksum' },
  queue: { zh: '队列', en: 'queue' },
  count: { zh: '次数', en: 'count' },
  carried: { zh: '沿用上年', en: 'carried forward' },
  changed: { zh: '修改的项', en: 'changed' },
  state: { zh: '状态', en: 'state' },
  id: { zh: '编号', en: 'id' },
  size: { zh: '字节数', en: 'bytes' },
};

/** Recorded words of the workflow and the configuration, as people say them. */
const VALUE_WORDS: Readonly<Record<string, TWords>> = {
  open: { zh: '开放', en: 'open' },
  closed: { zh: '已关闭', en: 'closed' },
  proposal: { zh: '一上', en: 'first submission' },
  final: { zh: '二上', en: 'final submission' },
  replied: { zh: '已批复', en: 'replied' },
  unit: { zh: '单位预算', en: 'unit budget' },
  all: { zh: '全部', en: 'all' },
  shipped: { zh: '内置目录', en: 'shipped edition' },
};

/** Keys whose amounts are whole 分 (the ceilings): shown in 元. */
const FEN_PARTS = new Set(['ceilings', 'previous']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = new Set(['preparer', 'reviewer', 'department_reviewer', 'publisher', 'admin', 'security_admin', 'auditor']);

export interface TFactContext {
  t: TDeskTranslate;
  locale: TLocale;
  /** what people call the ids the entries name (the API's `names`) */
  names: Readonly<Record<string, string>>;
}

/** A payload key in the reader's words; one the list lacks is 其他, never the key itself. */
export function factLabel(key: string, c: TFactContext): string {
  if (key in FUND_SOURCE_NAMES) return FUND_SOURCE_NAMES[key as keyof typeof FUND_SOURCE_NAMES];
  return FACT_WORDS[key]?.[c.locale] ?? c.t('auditOtherFact');
}

/** A recorded value as a person reads it: an id by its name, a role, source or template by theirs, 分 in 元. */
export function factValue(value: unknown, c: TFactContext, inFen = false): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? c.t('auditYes') : c.t('auditNo');
  if (Array.isArray(value)) return value.map((v) => factValue(v, c, inFen)).join('、') || '—';
  if (typeof value === 'object') return factLines(value as Record<string, unknown>, c, inFen).map(([k, v]) => `${k}：${v}`).join('；');
  const text = String(value);
  if (UUID.test(text)) return c.names[text.toLowerCase()] ?? c.t('auditUnnamed');
  if (inFen && /^\d+$/.test(text)) return fenText(text);
  if ((BUDGET_STATES as readonly string[]).includes(text)) return c.t(`state_${text}` as Parameters<TDeskTranslate>[0]);
  // A published file (disclosure.pdf, t5.csv) by its format and content, as the downloads name it.
  if (/^(disclosure|lines|datapackage|lines\.datapackage|t\d+)\.(pdf|xlsx|csv|json|html)$|^correction-notice\.txt$/.test(text)) return publishedFileLabel(text, c.t);
  if (ROLES.has(text)) return c.t(`role_${text}` as Parameters<TDeskTranslate>[0]);
  if (text in FUND_SOURCE_NAMES) return FUND_SOURCE_NAMES[text as keyof typeof FUND_SOURCE_NAMES];
  const word = VALUE_WORDS[text];
  if (word !== undefined) return word[c.locale];
  const template = findTemplate(text);
  if (template !== undefined) return template.name;
  // An IPv4 address as IPv6 writes it ("::ffff:10.0.0.1"): the IPv4 people know.
  return text.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/** The facts of an entry, one line per fact: its label (nested ones joined with ·) and its value. */
export function factLines(facts: Record<string, unknown>, c: TFactContext, inFen = false): [string, string][] {
  return Object.entries(facts).map(([key, value]) => [
    factLabel(key, c),
    // `changed` lists the fields an edit touched, by their keys: named as the fields are.
    key === 'changed' && Array.isArray(value) ? value.map((field) => factLabel(String(field), c)).join('、') : factValue(value, c, inFen || FEN_PARTS.has(key)),
  ]);
}
