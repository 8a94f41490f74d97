import { DomainError } from '../errors';
import { entryFor, type CatalogueEntry, type CatalogueList, type EconomicMappingRow } from './catalogue';
import { catalogueProblems, describeProblems, type CatalogueProblem, type CatalogueRow } from './catalogue-problems';

/** A CSV file's header (trimmed, lower case) and its non-blank data lines with their line numbers. */
export interface CsvTable {
  header: string[];
  rows: { position: string; fields: string[] }[];
  problems: CatalogueProblem[];
}

/**
 * Reads CSV as spreadsheet programs write it: a byte-order mark, CRLF line ends, RFC 4180 quoted
 * fields (on one line). A quote left open is a problem of its line; blank lines are skipped.
 */
export function readCsvTable(text: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (splitCsvLine(lines[0] ?? '') ?? []).map((h) => h.trim().toLowerCase());
  const rows: CsvTable['rows'] = [];
  const problems: CatalogueProblem[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const position = `line ${index + 1}`;
    const fields = splitCsvLine(line);
    if (fields === undefined) problems.push({ position, code: '', reason: 'a quoted field is not closed' });
    else rows.push({ position, fields: fields.map((f) => f.trim()) });
  });
  return { header, rows, problems };
}

/** Header names accepted for a list's two columns: ours, and the official lists' own. */
const CODE_HEADERS = ['code', '科目编码', '编码'];
const NAME_HEADERS = ['name', '科目名称', '名称'];

function refuse(list: string, problems: CatalogueProblem[]): never {
  throw new DomainError('CATALOGUE_INVALID', describeProblems(list, problems), { kind: list, problems });
}

/**
 * Reads a catalogue list as CSV with the header `code,name` (or 科目编码,科目名称; further columns,
 * such as the official lists' 说明, are ignored). Levels and parents follow from the codes.
 * Throws CATALOGUE_INVALID listing every problem with its line number.
 */
export function parseCatalogueCsv(text: string, list: CatalogueList): CatalogueEntry[] {
  const table = readCsvTable(text);
  if (!CODE_HEADERS.includes(table.header[0] ?? '') || !NAME_HEADERS.includes(table.header[1] ?? '')) {
    refuse(list, [{ position: 'line 1', code: '', reason: `the header must be "code,name", found "${table.header.join(',')}"` }]);
  }
  const rows: CatalogueRow[] = table.rows.map(({ position, fields: [code = '', name = ''] }) => ({ code, name, position }));
  const problems = [...table.problems, ...catalogueProblems(rows, list)];
  if (problems.length > 0) refuse(list, problems);
  return rows.map((row) => entryFor(row.code, row.name));
}

/**
 * Reads the 两套经济分类对照表 as CSV with (at least) the columns `dept_code` and `gov_code`, in any
 * order, e.g. `gov_code,gov_name,dept_code,dept_name` as the official table is laid out. Whether
 * the codes exist is checked when the catalogue is built (buildCatalogue), against both lists.
 */
export function parseEconomicMappingCsv(text: string): EconomicMappingRow[] {
  const table = readCsvTable(text);
  const dept = table.header.indexOf('dept_code');
  const gov = table.header.indexOf('gov_code');
  if (dept < 0 || gov < 0) {
    refuse('economic-mapping', [{ position: 'line 1', code: '', reason: `the header must name the columns dept_code and gov_code, found "${table.header.join(',')}"` }]);
  }
  const problems = [...table.problems];
  const rows = table.rows.map(({ position, fields }) => {
    const row = { departmentCode: fields[dept] ?? '', governmentCode: fields[gov] ?? '' };
    if (!/^\d{3}(\d\d)?$/.test(row.departmentCode)) problems.push({ position, code: row.departmentCode, reason: `dept_code "${row.departmentCode}" is not a 3- or 5-digit code`, field: 'dept_code' });
    if (!/^\d{3}(\d\d)?$/.test(row.governmentCode)) problems.push({ position, code: row.governmentCode, reason: `gov_code "${row.governmentCode}" is not a 3- or 5-digit code`, field: 'gov_code' });
    return row;
  });
  if (problems.length > 0) refuse('economic-mapping', problems);
  return rows;
}

/** Splits one CSV line into fields (RFC 4180 quoting); undefined when a quote is left open. */
function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}
