import type { TBudgetDocument } from '../budget/budget-document.schema';
import { FUND_SOURCE_NAMES } from '../budget/fund-source';
import { nameOf, type NameCatalogue } from '../derive/catalogue-names';
import type { TDisclosure } from '../disclosure/disclosure.schema';
import { formatYuan, parseFen } from '../money/fen';

/** 支出类型 and 经费类型 of each kind of line, as the tables print them. */
const KIND_LABELS = {
  'basic-personnel': { kind: '基本支出', basicKind: '人员经费' },
  'basic-public': { kind: '基本支出', basicKind: '公用经费' },
  project: { kind: '项目支出', basicKind: '' },
} as const;

/** One budget line of a published disclosure, as open data: codes with their names, amount in 元. */
export interface TOpenDataLine {
  functionCode: string; // 功能科目编码 (项, 7 digits)
  functionName: string;
  economicCode: string; // 经济科目编码 (款, 5 digits)
  economicName: string;
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  unitName: string;
  kind: string; // 基本支出 | 项目支出
  basicKind: string; // 人员经费 | 公用经费 | '' for 项目支出
  fundSource: string; // 资金来源, as 表1 names it
  projectName: string;
  amount: string; // 元, exact, two decimals
  fiscalYear: number;
  lineId: string;
}

/**
 * The names a published disclosure printed for its codes: a reader of the open data sees the same
 * name as in the tables, even where the edition in force was an administrator's upload.
 */
export function printedNames(disclosure: TDisclosure, fallback: NameCatalogue): NameCatalogue {
  const printed = new Map<string, { name: string }>();
  // Only classification rows: a functional 项 (7 digits, level 2) or an economic 款 (5 digits, level 1); a unit's row is neither.
  const isLineCode = (code: string, level: number): boolean => (level === 2 && /^\d{7}$/.test(code)) || (level === 1 && /^\d{5}$/.test(code));
  for (const table of disclosure.tables) {
    for (const row of table.rows) if (row.code !== undefined && isLineCode(row.code, row.level)) printed.set(row.code, { name: row.name });
  }
  // The two kinds never share a code length, so one map serves both.
  const merged = (kind: 'functional' | 'economic'): ReadonlyMap<string, { name: string }> => ({
    get: (code: string) => printed.get(code) ?? fallback[kind].get(code),
  }) as ReadonlyMap<string, { name: string }>;
  return { functional: merged('functional'), economic: merged('economic') };
}

/** Every expenditure line of a budget document, in the document's order, named. */
export function openDataLines(doc: TBudgetDocument, names: NameCatalogue): TOpenDataLine[] {
  const units = new Map(doc.department.units.map((u) => [u.code, u.name]));
  const projects = new Map(doc.projects.map((p) => [p.id, p.name]));
  return doc.expenditureLines.map((line) => ({
    functionCode: line.functionCode,
    functionName: nameOf(names, 'functional', line.functionCode),
    economicCode: line.economicCode,
    economicName: nameOf(names, 'economic', line.economicCode),
    departmentCode: doc.department.code,
    departmentName: doc.department.name,
    unitCode: line.unitCode,
    unitName: units.get(line.unitCode) ?? '',
    ...KIND_LABELS[line.kind],
    fundSource: FUND_SOURCE_NAMES[line.fundSource],
    projectName: line.projectId === undefined ? '' : (projects.get(line.projectId) ?? line.projectId),
    amount: formatYuan(parseFen(line.amount)),
    fiscalYear: doc.fiscalYear,
    lineId: line.id,
  }));
}
