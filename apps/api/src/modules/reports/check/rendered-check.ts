import ExcelJS from 'exceljs';
import {
  correctionStatementOpening,
  correctionStatementText,
  escapeHtml,
  findTemplate,
  neutraliseFormula,
  parseFen,
  tableHeading,
  type TCorrectionStatement,
  type TDisclosure,
  type TDisclosureTable,
} from '@budgetflow/domain';
import { displayAmount } from '../grid/display-amount';
import { TIDY_HEADERS, tidyRecords } from '../open-data/tidy-csv';
import type { TRenderedFile } from '../rendered-file';
import { sheetNumberToFen } from '../xlsx/sheet-values';
import { pdfText } from './pdf-text';

export type TRenderProblemCode =
  | 'TABLE_MISSING'
  | 'YEAR_MISMATCH'
  | 'PLACEHOLDER_TEXT'
  | 'EMPTY_STATEMENT_MISSING'
  | 'FIGURE_MISMATCH'
  | 'FILE_MISSING'
  | 'CORRECTION_MISSING';

/** Why a rendered file may not be published, in words a publisher can act on. */
export interface TRenderProblem {
  code: TRenderProblemCode;
  file: string;
  message: string;
}

/** Template residue: xx / XX standing alone, ××, 待填, 待补充, {{ … }}. */
const PLACEHOLDER = /(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|×{2,}|待填|待补充|\{\{/;
/** A year in a heading of this disclosure: 2020年部门预算 (单位预算), 2020年收支预算总表 … */
const HEADING_YEAR = /(\d{4})\s*年\s*(?:部门预算|单位预算|[^\s，。、]{0,16}表)/g;

function amountCells(table: TDisclosureTable): string[] {
  return tidyRecords(table)
    .filter((r) => r.column.type === 'amount')
    .map((r) => r.value);
}

function placeholderIn(text: string): string | undefined {
  return PLACEHOLDER.exec(text)?.[0];
}

/**
 * Checks the files of a disclosure before they are published: every table present, the fiscal year
 * the same in every heading, no template text, the empty-table statement where a table is empty, and
 * the figures in each file equal to the model; for a correction, its 更正说明 on the PDF's first page,
 * on the workbook's first sheet and in the HTML. An empty list means the files may be published.
 */
export async function checkRenderedFiles(disclosure: TDisclosure, files: TRenderedFile[], correction?: TCorrectionStatement): Promise<TRenderProblem[]> {
  const problems: TRenderProblem[] = [];
  const year = disclosure.meta.fiscalYear;
  const present = new Set(disclosure.tables.map((t) => t.id));
  const template = findTemplate(disclosure.meta.template);
  if (template === undefined) problems.push({ code: 'TABLE_MISSING', file: 'disclosure', message: `no template "${disclosure.meta.template}" to check the tables against` });
  for (const { id } of template?.tables ?? []) {
    if (!present.has(id)) problems.push({ code: 'TABLE_MISSING', file: 'disclosure', message: `table ${id} is missing from the disclosure` });
  }
  for (const table of disclosure.tables) {
    // Where the template prints a statement for an empty table (Jiangsu's 公开表十 prints none).
    const stated = template?.tables.find((t) => t.id === table.id)?.emptyStatement !== undefined;
    if (stated && table.rows.length === 0 && table.blocks.length === 0 && !table.emptyStatement) {
      problems.push({ code: 'EMPTY_STATEMENT_MISSING', file: 'disclosure', message: `${table.id} is empty but does not say so` });
    }
  }
  const byFormat = (format: TRenderedFile['format']): TRenderedFile[] => files.filter((f) => f.format === format);
  for (const format of ['pdf', 'xlsx', 'html', 'json', 'datapackage'] as const) {
    if (byFormat(format).length === 0) problems.push({ code: 'FILE_MISSING', file: format, message: `no ${format} file was rendered` });
  }
  const statement = correction === undefined ? undefined : correctionStatementText(correction);
  for (const file of byFormat('pdf')) {
    const text = await pdfText(file.bytes);
    if (correction !== undefined) problems.push(...correctionInPdf(file.name, text, correction));
    const rest = statement === undefined ? text : text.replace(printedAnyhow(statement), ' ');
    problems.push(...checkPdfText(disclosure, file.name, rest, year));
  }
  for (const file of byFormat('xlsx')) problems.push(...(await checkWorkbook(disclosure, file, correction)));
  problems.push(...checkCsvFiles(disclosure, byFormat('csv')));
  for (const file of byFormat('html')) {
    const html = file.bytes.toString('utf8');
    for (const table of disclosure.tables) {
      if (!html.includes(table.title)) problems.push({ code: 'TABLE_MISSING', file: file.name, message: `the HTML lacks 「${table.title}」` });
    }
    // As in the PDF, the statement (the department's own words) is not read for template text.
    const printedStatement = statement === undefined ? undefined : escapeHtml(statement);
    if (correction !== undefined && printedStatement !== undefined && !html.includes(printedStatement)) {
      problems.push({ code: 'CORRECTION_MISSING', file: file.name, message: `the HTML does not carry its 更正说明 「${correctionStatementOpening(correction)}更正理由：…」` });
    }
    problems.push(...placeholderProblems(file.name, printedStatement === undefined ? html : html.replace(printedStatement, ' ')));
  }
  for (const file of [...byFormat('json'), ...byFormat('datapackage')]) problems.push(...placeholderProblems(file.name, file.bytes.toString('utf8')));
  return problems;
}

function placeholderProblems(file: string, text: string): TRenderProblem[] {
  const found = placeholderIn(text);
  return found ? [{ code: 'PLACEHOLDER_TEXT', file, message: `template text "${found}" in ${file}` }] : [];
}

/** The PDF as pdftotext reads it: headings, years, statements and every displayed figure. */
export function checkPdfText(disclosure: TDisclosure, file: string, text: string, year: number): TRenderProblem[] {
  const problems: TRenderProblem[] = [];
  const flat = text.replace(/[ \t]+/g, ' ');
  for (const table of disclosure.tables) {
    const heading = tableHeading(disclosure, table);
    if (!flat.includes(heading)) problems.push({ code: 'TABLE_MISSING', file, message: `the PDF lacks the heading 「${heading}」` });
    if (table.rows.length === 0 && table.emptyStatement && !flat.includes(table.emptyStatement)) {
      problems.push({ code: 'EMPTY_STATEMENT_MISSING', file, message: `the PDF lacks 「${table.emptyStatement}」 for ${table.id}` });
    }
    const figures = new Set(flat.match(/-?\d+\.\d+/g) ?? []);
    for (const yuan of amountCells(table)) {
      const shown = displayAmount(yuan, table);
      if (!figures.has(shown)) problems.push({ code: 'FIGURE_MISMATCH', file, message: `${table.id}: ${shown} (${yuan} 元) is not in the PDF` });
    }
  }
  for (const match of flat.matchAll(HEADING_YEAR)) {
    if (Number(match[1]) !== year) {
      problems.push({ code: 'YEAR_MISMATCH', file, message: `「${match[0]}」 names ${match[1]}, the disclosure is for ${year}` });
    }
  }
  const found = placeholderIn(flat);
  if (found) problems.push({ code: 'PLACEHOLDER_TEXT', file, message: `template text "${found}" in the PDF` });
  return problems;
}

/** The statement as pdftotext gives it back: the same characters, broken into lines and spaced anywhere. */
function printedAnyhow(statement: string): RegExp {
  const characters = [...statement.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(characters.join('\\s*'));
}

/**
 * A corrected version's PDF says so from its first page on (a long reason may run on to the next).
 * The statement is then taken out of the text the other checks read: its reason is the department's
 * own words, where a 「2019年…表」 is no heading of another year and an "xx" no template residue.
 */
function correctionInPdf(file: string, text: string, correction: TCorrectionStatement): TRenderProblem[] {
  const firstPage = text.split('\f')[0] ?? '';
  const statement = correctionStatementText(correction);
  if (printedAnyhow(correctionStatementOpening(correction)).test(firstPage) && printedAnyhow(statement).test(text)) return [];
  return [{ code: 'CORRECTION_MISSING', file, message: `the PDF does not open on its 更正说明 「${correctionStatementOpening(correction)}更正理由：…」` }];
}

/**
 * Each table's sheet holds its table's amounts exactly (as a multiset of 分), and no template text;
 * a correction's workbook opens on its 更正说明, the tables' sheets after it.
 */
async function checkWorkbook(disclosure: TDisclosure, file: TRenderedFile, correction: TCorrectionStatement | undefined): Promise<TRenderProblem[]> {
  const problems: TRenderProblem[] = [];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const first = correction === undefined ? 0 : 1;
  if (correction !== undefined && workbook.worksheets[0]?.getCell(2, 1).value !== neutraliseFormula(correctionStatementText(correction))) {
    problems.push({ code: 'CORRECTION_MISSING', file: file.name, message: `the first sheet is not the 更正说明 「${correctionStatementOpening(correction)}更正理由：…」` });
  }
  disclosure.tables.forEach((table, i) => {
    const sheet = workbook.worksheets[first + i];
    if (!sheet) {
      problems.push({ code: 'TABLE_MISSING', file: file.name, message: `no sheet for ${table.id}` });
      return;
    }
    const numbers: number[] = [];
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') numbers.push(sheetNumberToFen(cell.value));
        else if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    const expected = amountCells(table).map((yuan) => parseFen(yuan) as number);
    if (!sameMultiset(numbers, expected)) {
      problems.push({ code: 'FIGURE_MISMATCH', file: file.name, message: `sheet ${sheet.name}: its amounts differ from ${table.id} of the model` });
    }
    // As the writer must put it: a title of a short name starting with "=" is neutralised text, never a formula.
    const heading = neutraliseFormula(tableHeading(disclosure, table));
    if (!texts.includes(heading)) problems.push({ code: 'TABLE_MISSING', file: file.name, message: `sheet ${sheet.name} lacks 「${heading}」` });
    const found = texts.map(placeholderIn).find((p) => p !== undefined);
    if (found) problems.push({ code: 'PLACEHOLDER_TEXT', file: file.name, message: `template text "${found}" in sheet ${sheet.name}` });
  });
  return problems;
}

function checkCsvFiles(disclosure: TDisclosure, files: TRenderedFile[]): TRenderProblem[] {
  const problems: TRenderProblem[] = [];
  for (const table of disclosure.tables) {
    const name = `${table.id.toLowerCase()}.csv`;
    const file = files.find((f) => f.name === name);
    if (!file) {
      problems.push({ code: 'FILE_MISSING', file: name, message: `no CSV file for ${table.id}` });
      continue;
    }
    const text = file.bytes.toString('utf8');
    const amounts = csvAmounts(text);
    const expected = amountCells(table).map((yuan) => parseFen(yuan) as number);
    if (!sameMultiset(amounts, expected)) problems.push({ code: 'FIGURE_MISMATCH', file: name, message: `${name}: its amounts differ from the model` });
    const found = placeholderIn(text);
    if (found) problems.push({ code: 'PLACEHOLDER_TEXT', file: name, message: `template text "${found}" in ${name}` });
  }
  return problems;
}

/** The amount column (金额（元）) of a tidy CSV, in 分 (quoted fields may hold commas and line breaks). */
function csvAmounts(text: string): number[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows[0] ?? [];
  const index = header.indexOf(TIDY_HEADERS.amount);
  return rows
    .slice(1)
    .map((r) => r[index] ?? '')
    .filter((v) => v !== '')
    .map((v) => parseFen(v) as number);
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function sameMultiset(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  return sortedA.every((v, i) => v === sortedB[i]);
}
