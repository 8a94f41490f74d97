import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { catalogueForYear, FUND_SOURCE_NAMES, FUND_SOURCES, kindText, EXPENDITURE_KINDS, neutraliseFormula, ZBudgetDocument, type Catalogue, type TBudgetDocument } from '@budgetflow/domain';
import { assemblePerformance, FUNCTION_COLUMNS, FUNCTIONS_SHEET, functionRows, PERFORMANCE_COLUMNS, PERFORMANCE_SHEET, performanceRows, readFunctions } from './department-sheets';
import { CHANGE_REASONS, OTHER_MATTERS, readTexts, textRows } from './explanation-sheets';
import { PRIOR_YEAR_COLUMNS, PRIOR_YEARS_SHEET, priorYearRows, readPriorYears } from './prior-year-sheets';
import { assembleProjects, partRows, PROJECT_COLUMNS, PROJECT_PARTS, PROJECTS_SHEET, type TRowPlaces } from './project-sheets';
import { setAmountCell, setCountCell, setTextCell } from './sheet-values';
import { LIST_OF, readTemplateSheet, templateContext, type TReadLine, type TTemplateColumn, type TTemplateContext } from './template-cells';
import { readStaffing, readUnits, STAFFING_COLUMNS, STAFFING_SHEET, staffingRows, UNIT_COLUMNS, unitRows, UNITS_SHEET } from './unit-staff-sheets';

/**
 * The import template: a budget's lines as two sheets, its projects as sheets of their own
 * (project-sheets.ts), and the department's other parts one sheet each (department-sheets.ts,
 * unit-staff-sheets.ts, prior-year-sheets.ts, explanation-sheets.ts), that a preparer can edit in
 * any spreadsheet program and import again, written as the preparer writes them (codes with their names, 人员经费,
 * 经费拨款（补助）), with drop-down lists for the closed sets. Codes stay text (019001 keeps its
 * zero), amounts are numbers in 元 with two decimals, and text that a spreadsheet would run as a
 * formula is neutralised on the way out.
 */
const INCOME_SHEET = '收入';
const EXPENDITURE_SHEET = '支出';
/** The hidden sheet the drop-down lists point at (a list typed into the rule is capped at 255 characters). */
const LISTS_SHEET = '选项';
/** Rows past the last line that keep the drop-downs, for lines the preparer adds. */
const ROOM_FOR_NEW_ROWS = 1000;

const INCOME_COLUMNS: TTemplateColumn[] = [
  { key: 'id', label: '行号', optional: true },
  { key: 'source', label: '资金来源', read: 'fundSource', list: LIST_OF.fundSource },
  { key: 'amount', label: '金额（元）', read: 'amount' },
];

const EXPENDITURE_COLUMNS: TTemplateColumn[] = [
  { key: 'id', label: '行号', optional: true },
  { key: 'unitCode', label: '单位', read: 'unit', list: LIST_OF.unit },
  { key: 'functionCode', label: '功能科目', read: 'functional' },
  { key: 'economicCode', label: '经济科目', read: 'economic' },
  { key: 'kind', label: '支出类型', read: 'kind', list: LIST_OF.kind },
  { key: 'projectId', label: '项目', read: 'project', optional: true, list: LIST_OF.project },
  { key: 'fundSource', label: '资金来源', read: 'fundSource', list: LIST_OF.fundSource },
  { key: 'amount', label: '金额（元）', read: 'amount' },
  { key: 'note', label: '备注', optional: true },
];

/**
 * Written by exceljs's streaming writer: each row is committed as it is made, so a 100,000-line
 * budget is never held as a workbook model (the in-memory writer took about 1 GB and 7 s for it).
 */
export async function exportBudgetTemplate(doc: TBudgetDocument, catalogue: Catalogue = catalogueForYear(doc.fiscalYear)): Promise<Buffer> {
  const ctx = templateContext(catalogue, doc);
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Budgetflow';
  const sheets: TSheetOut[] = [
    [INCOME_SHEET, INCOME_COLUMNS, doc.incomeLines],
    [EXPENDITURE_SHEET, EXPENDITURE_COLUMNS, doc.expenditureLines],
    [PROJECTS_SHEET, PROJECT_COLUMNS, doc.projects],
    ...PROJECT_PARTS.map((part): TSheetOut => [part.sheet, part.columns, partRows(doc.projects, part)]),
    [UNITS_SHEET, UNIT_COLUMNS, unitRows(doc)],
    [STAFFING_SHEET, STAFFING_COLUMNS, staffingRows(doc)],
    [FUNCTIONS_SHEET, FUNCTION_COLUMNS, functionRows(doc)],
    [PERFORMANCE_SHEET, PERFORMANCE_COLUMNS, performanceRows(doc)],
    [PRIOR_YEARS_SHEET, PRIOR_YEAR_COLUMNS, priorYearRows(doc)],
    ...[CHANGE_REASONS, OTHER_MATTERS].map((texts): TSheetOut => [texts.sheet, texts.columns, textRows(texts, doc)]),
  ];
  const lists = listValues(ctx, sheets.flatMap(([, columns]) => columns));
  for (const [name, columns, rows] of sheets) writeSheet(workbook, name, columns, rows, ctx, lists);
  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const longest = Math.max(...Object.values(lists).map((values) => values.length));
  for (let i = 0; i < longest; i++) {
    const row = listSheet.getRow(i + 1);
    Object.entries(lists).forEach(([column, values]) => {
      const value = values[i];
      if (value !== undefined) row.getCell(column).value = neutraliseFormula(value);
    });
    row.commit();
  }
  listSheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A sheet of the export, in the workbook's order: its name, its columns, its rows. */
type TSheetOut = [name: string, columns: TTemplateColumn[], rows: readonly object[]];

/** The closed sets, by the column of the lists sheet they are kept in: a column's own `choices` by their words. */
function listValues(ctx: TTemplateContext, columns: readonly TTemplateColumn[]): Record<string, string[]> {
  return {
    [LIST_OF.kind]: EXPENDITURE_KINDS.map(kindText),
    [LIST_OF.fundSource]: FUND_SOURCES.map((s) => FUND_SOURCE_NAMES[s]),
    [LIST_OF.unit]: ctx.units.map((u) => `${u.value} ${u.name}`),
    [LIST_OF.project]: ctx.projects.map(ctx.projectText),
    ...Object.fromEntries(columns.flatMap((c) => (c.choices === undefined || c.list === undefined ? [] : [[c.list, c.choices.map((choice) => choice.name)]]))),
  };
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: TTemplateColumn[], lines: readonly object[], ctx: TTemplateContext, lists: Record<string, string[]>): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.label, key: c.key, width: c.read === 'amount' ? 16 : c.read === 'functional' || c.read === 'economic' ? 32 : 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) {
    const values = line as Record<string, string | undefined>;
    const row = sheet.addRow({});
    columns.forEach((column, i) => {
      const value = values[column.key];
      if (value === undefined) return;
      const cell = row.getCell(i + 1);
      if (column.read === 'amount') setAmountCell(cell, value);
      else if (column.read === 'count') setCountCell(cell, value);
      else setTextCell(cell, ctx.text(column, value));
    });
    row.commit();
  }
  const lastRow = lines.length + 1 + ROOM_FOR_NEW_ROWS;
  columns.forEach((column, i) => {
    const values = column.list === undefined ? [] : (lists[column.list] ?? []);
    if (column.list === undefined || values.length === 0) return;
    const letter = sheet.getColumn(i + 1).letter;
    // One rule over the column's range (exceljs's typings know only the per-cell form, 10,000 times slower).
    (sheet as unknown as TRangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: column.optional === true,
      formulae: [`${LISTS_SHEET}!$${column.list}$1:$${column.list}$${values.length}`],
      showErrorMessage: true,
      errorTitle: column.label,
      error: `请从下拉列表中选择${column.label}`,
    });
  });
  sheet.commit();
}

/**
 * Reading skips the drop-down rules: exceljs would expand each column's rule into one per cell
 * (40,000 at 10,000 lines, a second of the import) and the import needs only the values.
 */
export const READ_OPTIONS: ExcelJS.XlsxReadOptions = { ignoreNodes: ['dataValidations'] };

type TRangeValidations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };

/** Where an imported workbook is wrong, so the preparer can find the cell: `field` is the column's key. */
export interface TTemplateProblem {
  sheet: string;
  row: number;
  field: string;
  /** The column's heading as the sheet prints it (金额（元）). */
  column?: string;
  message: string;
}

export type TTemplateImport = { ok: true; document: TBudgetDocument } | { ok: false; problems: TTemplateProblem[] };

/**
 * Reads an edited template back: its lines, projects, 预算单位, 人员构成, 主要职能, 部门绩效指标,
 * 上年数, 变动原因 and 其他说明 replace those of `base` (the budget it was exported from), the rest of
 * the document is kept; so does a part whose sheet the workbook lacks. Columns are found by their heading, so an older template
 * (headings such as 单位编码 unitCode, English values) still imports. Every problem is reported with
 * its sheet, row and column; nothing is imported unless the whole document is valid.
 */
export async function importBudgetTemplate(base: TBudgetDocument, bytes: Buffer, catalogue: Catalogue = catalogueForYear(base.fiscalYear)): Promise<TTemplateImport> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, READ_OPTIONS);
  const problems: TTemplateProblem[] = [];
  // Each sheet but 收入 and 支出 is optional: a template of before (lines only) leaves the rest as it was.
  const sheet = (name: string, columns: TTemplateColumn[], ctx: TTemplateContext): TReadLine[] | undefined =>
    workbook.getWorksheet(name) === undefined ? undefined : readTemplateSheet(workbook.getWorksheet(name), name, columns, ctx, problems);
  const places: TRowPlaces = new Map();
  // The units first: the other sheets' 单位 name those of the 预算单位 sheet (one added there included).
  const unitLines = sheet(UNITS_SHEET, UNIT_COLUMNS, templateContext(catalogue, base));
  const units = unitLines === undefined ? undefined : readUnits(unitLines, problems, places);
  const department = { units: units === undefined ? base.department.units : units.map((u) => ({ code: u['code'] ?? '', name: u['name'] ?? '' })) };
  const projects = sheet(PROJECTS_SHEET, PROJECT_COLUMNS, templateContext(catalogue, { department, projects: base.projects }));
  const ctx = templateContext(catalogue, { department, projects: projects === undefined ? base.projects : projectChoices(base, projects) });
  const incomeLines = readTemplateSheet(workbook.getWorksheet(INCOME_SHEET), INCOME_SHEET, INCOME_COLUMNS, ctx, problems);
  const expenditureLines = readTemplateSheet(workbook.getWorksheet(EXPENDITURE_SHEET), EXPENDITURE_SHEET, EXPENDITURE_COLUMNS, ctx, problems);
  const parts = Object.fromEntries(PROJECT_PARTS.map((part) => [part.key, projects === undefined ? undefined : sheet(part.sheet, part.columns, ctx)]));
  const functions = sheet(FUNCTIONS_SHEET, FUNCTION_COLUMNS, ctx);
  const indicators = sheet(PERFORMANCE_SHEET, PERFORMANCE_COLUMNS, ctx);
  const staffLines = sheet(STAFFING_SHEET, STAFFING_COLUMNS, ctx);
  const priorLines = sheet(PRIOR_YEARS_SHEET, PRIOR_YEAR_COLUMNS, ctx);
  const staffing = staffLines === undefined ? base.department.staffing : readStaffing(staffLines, problems, places);
  const priorYears = priorLines === undefined ? base.priorYears : readPriorYears(base, priorLines, problems, places);
  let explanations: Readonly<Record<string, unknown>> = base.explanations;
  for (const texts of [CHANGE_REASONS, OTHER_MATTERS]) {
    const lines = sheet(texts.sheet, texts.columns, ctx);
    if (lines !== undefined) explanations = readTexts(texts, explanations, lines, problems, places);
  }
  if (problems.length > 0) return { ok: false, problems };
  const read = (key: 'incomeLines' | 'expenditureLines', sheet: string, columns: TTemplateColumn[], lines: readonly TReadLine[]) =>
    lines.map((line, i) => {
      places.set(`${key}.${i}`, { sheet, row: line.row, columns });
      return line.values;
    });
  const assembled = projects === undefined ? undefined : assembleProjects(base, { projects, parts });
  for (const [path, place] of assembled?.places ?? []) places.set(path, place);
  const parsed = ZBudgetDocument.safeParse({
    ...base,
    department: { ...base.department, functions: functions === undefined ? base.department.functions : readFunctions(functions), units: units ?? base.department.units, staffing },
    performance: indicators === undefined ? base.performance : { ...base.performance, ...assemblePerformance(base, indicators, places) },
    incomeLines: read('incomeLines', INCOME_SHEET, INCOME_COLUMNS, incomeLines),
    expenditureLines: read('expenditureLines', EXPENDITURE_SHEET, EXPENDITURE_COLUMNS, expenditureLines),
    projects: assembled?.projects ?? base.projects,
    priorYears,
    explanations,
  });
  if (parsed.success) return { ok: true, document: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => schemaProblem(issue.path, issue.message, places)) };
}

/**
 * The projects the lines and the parts may name: those of the 项目 sheet (one added there included),
 * by id or name, and a project renamed there by its former name too, which the other sheets still write.
 */
function projectChoices(base: TBudgetDocument, read: readonly TReadLine[]): { id: string; name: string }[] {
  const named = read.map((line) => ({ id: line.values['id']!, name: line.values['name'] ?? '' }));
  const ids = new Map(named.map((p) => [p.id, p.name]));
  return [...named, ...base.projects.filter((p) => ids.has(p.id) && ids.get(p.id) !== p.name).map((p) => ({ id: p.id, name: p.name }))];
}

/** A schema problem of the assembled document, named by the row it was read from (the longest known path). */
function schemaProblem(path: readonly PropertyKey[], message: string, places: TRowPlaces): TTemplateProblem {
  for (let n = path.length; n > 0; n--) {
    const place = places.get(path.slice(0, n).map(String).join('.'));
    if (place === undefined) continue;
    const field = path[n] === undefined ? (place.field ?? '') : String(path[n]);
    return { sheet: place.sheet, row: place.row, field, column: place.columns.find((c) => c.key === field)?.label, message: `不符合预算文档的要求（${message}）` };
  }
  return { sheet: '(document)', row: 0, field: String(path[0] ?? ''), message: `不符合预算文档的要求（${message}）` };
}
