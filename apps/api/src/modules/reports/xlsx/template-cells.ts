import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import {
  FUND_SOURCE_NAMES,
  formatYuan,
  kindText,
  readAmountCell,
  readChoiceCell,
  readCodeCell,
  readCountCell,
  readFunctionKeyCell,
  readFundSourceCell,
  readKindCell,
  restoreFormula,
  type Catalogue,
  type FundSource,
  type TCellReading,
  type TExpenditureLine,
} from '@budgetflow/domain';
import { sheetNumberToFen } from './sheet-values';
import type { TTemplateProblem } from './budget-template';

/** How a column's cells are read and written; a column without `read` is plain text. */
export interface TTemplateColumn {
  key: string;
  /** The heading; an older template's heading (单位编码 unitCode) starts with the same word. */
  label: string;
  /** `count`: a whole number (人数, 年度); `functionKey`: a 功能 类 or 项 keying a figure or a text. */
  read?: 'unit' | 'functional' | 'economic' | 'functionKey' | 'kind' | 'project' | 'fundSource' | 'amount' | 'count' | 'choice';
  optional?: boolean;
  /** A closed set of its own (read 'choice'): each value with the word the sheet shows for it. */
  choices?: readonly TChoice[];
  /** The column of the lists sheet holding its drop-down's values. */
  list?: string;
}

export type TChoice = { value: string; name: string };

/**
 * The column of the hidden lists sheet holding each closed set's drop-down values: the document's
 * units and projects (from the budget), the sets of the line sheets, and those of the columns with
 * `choices` (budget-template.ts fills each from its column's words).
 */
export const LIST_OF = {
  kind: 'A',
  fundSource: 'B',
  unit: 'C',
  project: 'D',
  procurementCategory: 'E',
  unitLevel: 'F',
  unitCategory: 'G',
  staffCategory: 'H',
  priorFigure: 'I',
  changeReason: 'J',
  otherMatter: 'K',
} as const;

/** What reading and writing a line's cells needs of the budget: its catalogue, units and projects. */
export interface TTemplateContext {
  catalogue: Catalogue;
  units: readonly TChoice[];
  projects: readonly TChoice[];
  projectText(project: TChoice): string;
  text(column: TTemplateColumn, value: string): string;
}

export function templateContext(catalogue: Catalogue, doc: { department: { units: readonly { code: string; name: string }[] }; projects: readonly { id: string; name: string }[] }): TTemplateContext {
  const units = doc.department.units.map((u) => ({ value: u.code, name: u.name }));
  const projects = doc.projects.map((p) => ({ value: p.id, name: p.name }));
  // A project is written by its name, unless another project has the same one.
  const names = new Map<string, number>();
  for (const p of projects) names.set(p.name, (names.get(p.name) ?? 0) + 1);
  const projectText = (p: TChoice): string => (names.get(p.name) === 1 ? p.name : `${p.value} ${p.name}`);
  const withName = (kind: 'functional' | 'economic', code: string): string => {
    const name = catalogue[kind].get(code)?.name;
    return name === undefined ? code : `${code} ${name}`;
  };
  const text = (column: TTemplateColumn, value: string): string => {
    switch (column.read) {
      case 'unit': {
        const unit = units.find((u) => u.value === value);
        return unit === undefined ? value : `${unit.value} ${unit.name}`;
      }
      case 'functional':
      case 'economic':
        return withName(column.read, value);
      case 'functionKey':
        return withName('functional', value);
      case 'kind':
        return kindText(value as TExpenditureLine['kind']);
      case 'project': {
        const project = projects.find((p) => p.value === value);
        return project === undefined ? value : projectText(project);
      }
      case 'fundSource':
        return FUND_SOURCE_NAMES[value as FundSource] ?? value;
      case 'choice':
        return column.choices?.find((c) => c.value === value)?.name ?? value;
      default:
        return value;
    }
  };
  return { catalogue, units, projects, projectText, text };
}

export interface TReadLine {
  row: number;
  values: Record<string, string>;
}

/** A cell's value as the sheet shows it: a formula's cached result, rich text's text, a link's text. */
type TCellValue = { ok: true; value: string | number | undefined } | { ok: false; reason: string };

function shownValue(value: ExcelJS.CellValue): TCellValue {
  if (value === null || value === undefined || value === '') return { ok: true, value: undefined };
  if (typeof value === 'string' || typeof value === 'number') return { ok: true, value };
  if (typeof value === 'boolean') return { ok: true, value: String(value) };
  if (value instanceof Date) return { ok: false, reason: '是日期，不是这一列要的值' };
  if ('error' in value) return { ok: false, reason: `单元格是错误值 ${value.error}` };
  if ('richText' in value) return { ok: true, value: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) return { ok: false, reason: '公式没有计算结果：请在表格程序中重新计算并保存后再导入' };
    return typeof result === 'object' && !(result instanceof Date) && !('error' in result) ? { ok: false, reason: '公式的结果无法读取' } : shownValue(result);
  }
  if ('text' in value) return shownValue(value.text);
  return { ok: false, reason: '无法读取这个单元格' };
}

function readValue(column: TTemplateColumn, value: string | number, ctx: TTemplateContext): TCellReading<string> {
  const text = String(value);
  switch (column.read) {
    case 'unit':
      return readChoiceCell(text, ctx.units, '单位');
    case 'functional':
    case 'economic':
      return readCodeCell(ctx.catalogue, column.read, text);
    case 'functionKey':
      return readFunctionKeyCell(text);
    case 'count':
      return readCountCell(text);
    case 'kind':
      return readKindCell(text);
    case 'project':
      return readChoiceCell(text, ctx.projects, '项目');
    case 'fundSource':
      return readFundSourceCell(text);
    case 'choice':
      return readChoiceCell(text, column.choices ?? [], column.label);
    case 'amount':
      if (typeof value === 'string') return readAmountCell(value);
      try {
        return { ok: true, value: formatYuan(sheetNumberToFen(value)) };
      } catch {
        // A number with more than two decimals, or past the exact range: the text reader says which.
        return readAmountCell(String(value));
      }
    default:
      return { ok: true, value: restoreFormula(text.trim()) };
  }
}

/** Each column's position, found by its heading; a column missing from the sheet is a problem of the sheet. */
function columnPositions(sheet: ExcelJS.Worksheet, name: string, columns: TTemplateColumn[], problems: TTemplateProblem[]): Map<string, number> {
  const headings: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (headings[col] = String(cell.text ?? '').trim()));
  const positions = new Map<string, number>();
  for (const column of columns) {
    const word = column.label.replace(/（.*$/, '');
    const col = headings.findIndex((h) => h !== undefined && h.startsWith(word));
    if (col > 0) positions.set(column.key, col);
    else if (!column.optional) problems.push({ sheet: name, row: 1, field: column.key, column: column.label, message: `缺少「${column.label}」列` });
  }
  return positions;
}

/**
 * The columns whose reading depends on the cell's text alone (a code, a unit, a closed set): a sheet
 * writes few distinct ones over many rows (a 功能科目 per line of 10,000), so each text is read once
 * a sheet. Amounts (a number or text) and free text are read every time.
 */
const READ_ONCE_A_TEXT: ReadonlySet<TTemplateColumn['read']> = new Set(['unit', 'functional', 'economic', 'functionKey', 'kind', 'project', 'fundSource', 'choice']);

/** readValue, remembering its answer for each text of a READ_ONCE_A_TEXT column. */
function columnReader(column: TTemplateColumn, ctx: TTemplateContext): (value: string | number) => TCellReading<string> {
  if (!READ_ONCE_A_TEXT.has(column.read)) return (value) => readValue(column, value, ctx);
  const readings = new Map<string, TCellReading<string>>();
  return (value) => {
    const text = String(value);
    let reading = readings.get(text);
    if (reading === undefined) readings.set(text, (reading = readValue(column, text, ctx)));
    return reading;
  };
}

const BLANK: TCellValue = { ok: true, value: undefined };
const isBlank = (shown: TCellValue): boolean => shown.ok && (shown.value === undefined || String(shown.value).trim() === '');

/** The lines of one sheet; a row left blank is skipped, a line without 行号 gets a new id. */
export function readTemplateSheet(sheet: ExcelJS.Worksheet | undefined, name: string, columns: TTemplateColumn[], ctx: TTemplateContext, problems: TTemplateProblem[]): TReadLine[] {
  if (sheet === undefined) {
    problems.push({ sheet: name, row: 0, field: '', message: `工作簿中没有「${name}」表` });
    return [];
  }
  const positions = columnPositions(sheet, name, columns, problems);
  const read = columns.map((column) => ({ column, col: positions.get(column.key), reader: columnReader(column, ctx) }));
  const lines: TReadLine[] = [];
  // Plain loops, no function made per row or cell: 90,000 cells at 10,000 lines (and tsx names each function it makes).
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const shown: TCellValue[] = [];
    // findCell: a column the row lacks is blank, without adding an empty cell to the row.
    for (const { col } of read) shown.push(col === undefined ? BLANK : shownValue(row.findCell(col)?.value));
    if (shown.every(isBlank)) return;
    const values: Record<string, string> = {};
    for (let i = 0; i < read.length; i++) {
      const { column, reader } = read[i]!;
      const message = readCell(column, reader, shown[i] ?? BLANK, values);
      if (message !== undefined) problems.push({ sheet: name, row: rowNumber, field: column.key, column: column.label, message });
    }
    values['id'] ??= `x-${randomUUID()}`;
    lines.push({ row: rowNumber, values });
  });
  return lines;
}

/** Puts a shown cell's value for its column in `values`, or answers why it has none. */
function readCell(column: TTemplateColumn, reader: (value: string | number) => TCellReading<string>, cell: TCellValue, values: Record<string, string>): string | undefined {
  if (!cell.ok) return cell.reason;
  if (isBlank(cell)) return column.optional ? undefined : '不能为空';
  const reading = reader(cell.value!);
  if (!reading.ok) return reading.reason;
  values[column.key] = reading.value;
  return undefined;
}

/** A problem of one cell of a read row, for the checks a sheet makes across its rows. */
export function rowProblem(sheet: string, line: TReadLine, column: TTemplateColumn, message: string): TTemplateProblem {
  return { sheet, row: line.row, field: column.key, column: column.label, message };
}

/** Refuses each row whose key (`keyOf`) an earlier row of the sheet already gave, naming that row at `column`. */
export function refuseRepeats(sheet: string, lines: readonly TReadLine[], column: TTemplateColumn, keyOf: (line: TReadLine) => string | undefined, problems: TTemplateProblem[]): void {
  const seen = new Map<string, number>();
  for (const line of lines) {
    const key = keyOf(line);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line.row);
    else problems.push(rowProblem(sheet, line, column, `与第 ${first} 行重复`));
  }
}

/** The rows whose every cell was read: a sheet's checks across rows pass over the others, already refused. */
export function cleanRows(sheet: string, lines: readonly TReadLine[], problems: readonly TTemplateProblem[]): TReadLine[] {
  const refused = new Set(problems.filter((p) => p.sheet === sheet).map((p) => p.row));
  return lines.filter((line) => !refused.has(line.row));
}
