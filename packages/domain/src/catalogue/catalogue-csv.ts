import { DomainError } from '../errors';
import { entryFor, type CatalogueEntry, type ClassificationKind } from './catalogue';
import { catalogueProblems, describeProblems, type CatalogueProblem, type CatalogueRow } from './catalogue-problems';

/**
 * Reads a catalogue list as CSV with the header `code,name` (further columns, such as the
 * official lists' 说明, are ignored). Levels and parents follow from the codes. Accepts a
 * byte-order mark, CRLF line ends and quoted fields as spreadsheet programs write them.
 * Throws CATALOGUE_INVALID listing every problem with its line number.
 */
export function parseCatalogueCsv(text: string, kind: ClassificationKind): CatalogueEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (splitCsvLine(lines[0] ?? '') ?? []).map((h) => h.trim().toLowerCase());
  if (header[0] !== 'code' || header[1] !== 'name') {
    throw new DomainError('CATALOGUE_INVALID', `line 1: the header must be "code,name", found "${lines[0] ?? ''}"`, {
      kind,
      problems: [{ position: 'line 1', code: '', reason: 'the header must be "code,name"' }],
    });
  }
  const rows: CatalogueRow[] = [];
  const problems: CatalogueProblem[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const position = `line ${index + 1}`;
    const fields = splitCsvLine(line);
    if (fields === undefined) {
      problems.push({ position, code: '', reason: 'a quoted field is not closed' });
      return;
    }
    const [code = '', name = ''] = fields.map((f) => f.trim());
    rows.push({ code, name, position });
  });
  problems.push(...catalogueProblems(rows, kind));
  if (problems.length > 0) {
    throw new DomainError('CATALOGUE_INVALID', describeProblems(kind, problems), { kind, problems });
  }
  return rows.map((row) => entryFor(row.code, row.name));
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
