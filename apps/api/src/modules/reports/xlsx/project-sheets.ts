import type { TBudgetDocument, TProject } from '@budgetflow/domain';
import { INDICATOR_COLUMNS, INDICATOR_TEXT_DEFAULTS } from './indicator-columns';
import { LIST_OF, type TReadLine, type TTemplateColumn } from './template-cells';

/**
 * The projects in the import template: one sheet of header facts (表十's 项目名称, 单位, 负责人, 依据 …)
 * and one sheet per part a project holds several of (资金来源, 测算明细, 采购, 绩效指标), each row naming
 * its project in the first column as the 支出 sheet does. What the sheets do not carry — a project's
 * 前两年 figures, a detail's 子项, Jiangsu's 预留机动经费 flag — is kept from the budget as it was.
 */
export const PROJECTS_SHEET = '项目';

/** The 采购类别 as the preparer writes them. */
const PROCUREMENT_CATEGORY_NAMES = [
  { value: 'goods', name: '货物' },
  { value: 'services', name: '服务' },
  { value: 'works', name: '工程' },
] as const;

const projectOf: TTemplateColumn = { key: 'projectId', label: '项目', read: 'project', list: LIST_OF.project };

export const PROJECT_COLUMNS: TTemplateColumn[] = [
  { key: 'id', label: '项目编号', optional: true },
  { key: 'name', label: '项目名称' },
  { key: 'unitCode', label: '项目单位', read: 'unit', list: LIST_OF.unit },
  { key: 'type', label: '项目类型', optional: true },
  { key: 'managingDepartment', label: '项目主管部门', optional: true },
  { key: 'executingUnit', label: '项目执行单位', optional: true },
  { key: 'leader', label: '项目负责人', optional: true },
  { key: 'phone', label: '联系电话', optional: true },
  { key: 'address', label: '单位地址', optional: true },
  { key: 'postcode', label: '邮政编码', optional: true },
  { key: 'totalBudget', label: '项目总预算（元）', read: 'amount', optional: true },
  { key: 'basis', label: '立项依据', optional: true },
  { key: 'plan', label: '实施方案', optional: true },
  { key: 'changeNote', label: '当年预算变动说明', optional: true },
  { key: 'overallTarget', label: '绩效总目标', optional: true },
];

/** A part of a project held as rows of a sheet of its own: how its rows are written and read back. */
export interface TProjectPart<K extends TPartKey = TPartKey> {
  key: K;
  sheet: string;
  columns: TTemplateColumn[];
}
type TPartKey = 'fundSources' | 'details' | 'procurement' | 'indicators';

export const PROJECT_PARTS: readonly TProjectPart[] = [
  {
    key: 'fundSources',
    sheet: '项目资金来源',
    columns: [projectOf, { key: 'source', label: '资金来源', read: 'fundSource', list: LIST_OF.fundSource }, { key: 'amount', label: '金额（元）', read: 'amount' }],
  },
  {
    key: 'details',
    sheet: '项目测算明细',
    columns: [
      projectOf,
      { key: 'economicCode', label: '经济科目', read: 'economic' },
      { key: 'amount', label: '金额（元）', read: 'amount' },
      { key: 'basis', label: '测算依据及说明', optional: true },
      { key: 'note', label: '备注', optional: true },
    ],
  },
  {
    key: 'procurement',
    sheet: '项目采购',
    columns: [
      projectOf,
      { key: 'item', label: '采购品名' },
      { key: 'category', label: '采购类别', read: 'choice', choices: PROCUREMENT_CATEGORY_NAMES, list: LIST_OF.procurementCategory },
      { key: 'quantity', label: '数量', optional: true },
      { key: 'amount', label: '金额（元）', read: 'amount' },
      { key: 'economicCode', label: '经济科目', read: 'economic', optional: true },
      { key: 'method', label: '采购组织形式', optional: true },
    ],
  },
  { key: 'indicators', sheet: '项目绩效指标', columns: [projectOf, ...INDICATOR_COLUMNS] },
];

/** A part's rows as the sheet writes them: each entry with its project's id, in project order. */
export function partRows(projects: readonly TProject[], part: TProjectPart): Record<string, unknown>[] {
  return projects.flatMap((project) => (project[part.key] as readonly object[]).map((entry) => ({ ...entry, projectId: project.id })));
}

/**
 * Where a document path was read from, to name the cell of a schema problem (`projects.2.details.0`);
 * `field`: the column of a path that ends at a value (a text keyed by its code), not at a row's object.
 */
export type TRowPlaces = Map<string, { sheet: string; row: number; columns: TTemplateColumn[]; field?: string }>;

/** What the read sheets give back; a part's sheet that was not in the workbook is absent. */
export interface TReadProjects {
  projects: readonly TReadLine[];
  parts: Partial<Record<TPartKey, readonly TReadLine[] | undefined>>;
}

/**
 * The document's projects as the sheets give them: the 项目 sheet decides which projects there are and
 * their header facts; each part's sheet, where present, replaces that part of every project; where
 * absent, each project keeps its own. A detail keeps its 子项 when it is the same 经济科目's n-th.
 */
export function assembleProjects(base: TBudgetDocument, read: TReadProjects): { projects: unknown[]; places: TRowPlaces } {
  const places: TRowPlaces = new Map();
  const before = new Map(base.projects.map((p) => [p.id, p]));
  const projects = read.projects.map((line, i) => {
    places.set(`projects.${i}`, { sheet: PROJECTS_SHEET, row: line.row, columns: PROJECT_COLUMNS });
    const kept = before.get(line.values['id']!);
    const project: Record<string, unknown> = { ...pick(kept), ...line.values };
    for (const part of PROJECT_PARTS) project[part.key] = kept?.[part.key] ?? [];
    return project;
  });
  const index = new Map(projects.map((p, i) => [p['id'] as string, i]));
  for (const part of PROJECT_PARTS) {
    const rows = read.parts[part.key];
    if (rows === undefined) continue;
    for (const project of projects) project[part.key] = [];
    for (const line of rows) {
      const { projectId, ...values } = line.values;
      const i = index.get(projectId!);
      if (i === undefined) continue; // the project column's reading refused it already
      const entries = projects[i]![part.key] as Record<string, unknown>[];
      places.set(`projects.${i}.${part.key}.${entries.length}`, { sheet: part.sheet, row: line.row, columns: part.columns });
      entries.push({ ...(part.key === 'indicators' ? INDICATOR_TEXT_DEFAULTS : {}), ...values });
    }
  }
  if (read.parts.details !== undefined) for (const project of projects) keepSubItems(project, before.get(project['id'] as string));
  return { projects, places };
}

/** The facts of a project the 项目 sheet does not carry. */
function pick(project: TProject | undefined): Partial<TProject> {
  if (project === undefined) return {};
  const { reserve, priorYears } = project;
  return reserve === undefined ? { priorYears } : { reserve, priorYears };
}

function keepSubItems(project: Record<string, unknown>, before: TProject | undefined): void {
  if (before === undefined) return;
  const seen = new Map<string, number>();
  for (const detail of project['details'] as Record<string, unknown>[]) {
    const code = detail['economicCode'] as string;
    const n = seen.get(code) ?? 0;
    seen.set(code, n + 1);
    const same = before.details.filter((d) => d.economicCode === code)[n];
    if (same !== undefined && same.subItems.length > 0) detail['subItems'] = same.subItems;
  }
}
