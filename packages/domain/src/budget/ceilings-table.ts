import { readCsvTable } from '../catalogue/catalogue-csv';
import { parseFen, type Fen } from '../money/fen';
import { MoneyError } from '../money/money-error';
import { ZCeilings, type TCeilings } from './ceilings';
import { FUND_SOURCE_NAMES, FUND_SOURCES, type FundSource } from './fund-source';

/** One department's row of a ceilings spreadsheet, read. */
export interface CeilingsTableRow {
  position: string;
  departmentCode: string;
  ceilings: TCeilings;
}

export interface CeilingsTableProblem {
  position: string;
  column: string;
  reason: string;
}

type Setter = (ceilings: TCeilings, fen: Fen) => void;

/**
 * The columns a ceilings spreadsheet may have, by header (ours or the Chinese one), and where each
 * amount goes. Amounts are in 元 as people type them ("1,250,000.00"); a blank cell issues nothing.
 */
const COLUMNS: ReadonlyMap<string, Setter> = new Map<string, Setter>([
  ...['total', '支出总额', '总额'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.total = fen)] as const),
  ...['basic', '基本支出'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.basic = fen)] as const),
  ...['project', '项目支出'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.project = fen)] as const),
  ...FUND_SOURCES.flatMap((source: FundSource) =>
    [source, FUND_SOURCE_NAMES[source]].map((h) => [h.toLowerCase(), (c: TCeilings, fen: Fen) => (c.byFundSource[source] = fen)] as const),
  ),
  ...['three-public', '“三公”经费合计', '三公经费'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.threePublic.total = fen)] as const),
  ...['overseas-travel', '因公出国（境）费'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.threePublic.overseasTravel = fen)] as const),
  ...['reception', '公务接待费'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.threePublic.reception = fen)] as const),
  ...['vehicles', '公务用车购置及运行维护费'].map((h) => [h, (c: TCeilings, fen: Fen) => (c.threePublic.vehicles = fen)] as const),
]);
const DEPARTMENT_HEADERS = ['department', '部门编码', '单位编码', '编码'];
/** Columns that only help the reader of the sheet. */
const IGNORED_HEADERS = ['name', '部门名称', '单位名称', '名称'];

/**
 * Reads the ceilings of many departments from CSV (a workbook's first sheet as CSV): a header row,
 * then one row per department code. Every problem is named with its line and column, so the 预算科
 * fixes the sheet before anything is issued; a department listed twice is a problem.
 */
export function readCeilingsTable(text: string): { rows: CeilingsTableRow[]; problems: CeilingsTableProblem[] } {
  const table = readCsvTable(text);
  const problems: CeilingsTableProblem[] = table.problems.map((p) => ({ position: p.position, column: '', reason: p.reason }));
  const departmentAt = table.header.findIndex((h) => DEPARTMENT_HEADERS.includes(h));
  if (departmentAt < 0) problems.push({ position: 'line 1', column: '', reason: `no department column (${DEPARTMENT_HEADERS.join(' / ')})` });
  table.header.forEach((h, i) => {
    if (i !== departmentAt && !COLUMNS.has(h) && !IGNORED_HEADERS.includes(h)) problems.push({ position: 'line 1', column: h, reason: 'not a ceiling this sheet can issue' });
  });
  if (problems.length > 0) return { rows: [], problems };
  const rows: CeilingsTableRow[] = [];
  const seen = new Set<string>();
  for (const { position, fields } of table.rows) {
    const departmentCode = fields[departmentAt] ?? '';
    if (seen.has(departmentCode)) problems.push({ position, column: table.header[departmentAt] ?? '', reason: `department ${departmentCode} is listed twice` });
    seen.add(departmentCode);
    const ceilings = ZCeilings.parse({});
    table.header.forEach((header, i) => {
      const cell = fields[i] ?? '';
      const set = COLUMNS.get(header);
      if (set === undefined || cell === '') return;
      try {
        const fen = parseFen(cell);
        if (fen < 0) problems.push({ position, column: header, reason: 'a ceiling may not be negative' });
        else set(ceilings, fen);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        problems.push({ position, column: header, reason: error.message });
      }
    });
    rows.push({ position, departmentCode, ceilings });
  }
  return { rows, problems };
}
