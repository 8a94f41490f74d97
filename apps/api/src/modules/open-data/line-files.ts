import { ZBudgetDocument, catalogueForYear, disclosureKind, lineCsv, linesDataPackage, openDataLines, printedNames, type TDisclosure, type TOpenDataLine } from '@budgetflow/domain';
import { renderedFile, type TRenderedFile } from '../reports/rendered-file';

/** What a publication's line files are made of: its lines and whose they are. */
export interface TLineSet {
  fiscalYear: number;
  departmentCode: string;
  /** the disclosing body, as the disclosure names it: the department, or the unit of a 单位预算 */
  departmentName: string;
  kind: ReturnType<typeof disclosureKind>;
  lines: readonly TOpenDataLine[];
}

/** The lines of a frozen revision, named as its disclosure printed them. */
export function lineSetOf(storedDocument: unknown, disclosure: TDisclosure): TLineSet {
  const document = ZBudgetDocument.parse(storedDocument);
  const lines = openDataLines(document, printedNames(disclosure, catalogueForYear(document.fiscalYear)));
  return { fiscalYear: document.fiscalYear, departmentCode: document.department.code, departmentName: disclosure.meta.departmentName, kind: disclosureKind(disclosure.meta), lines };
}

export const LINES_CSV = 'lines.csv';
export const LINES_PACKAGE = 'lines.datapackage.json';

/**
 * The line-level dataset of a publication as files: lines.csv and the Fiscal Data Package that
 * describes it (its size and sha256 included). Published with the other files, and served the same
 * under /api/public/publications/:id/, where the package is datapackage.json beside lines.csv.
 */
export function lineFiles(set: TLineSet): { csv: TRenderedFile; datapackage: TRenderedFile } {
  const csv = renderedFile('csv', LINES_CSV, 'text/csv; charset=utf-8', Buffer.from(lineCsv(set.lines), 'utf8'));
  const descriptor = linesDataPackage({
    name: `budget-lines-${set.departmentCode}-${set.fiscalYear}`.toLowerCase(),
    title: `${set.departmentName}${set.fiscalYear}年${set.kind}支出明细`,
    fiscalYear: set.fiscalYear,
    resource: { path: LINES_CSV, bytes: csv.size, sha256: csv.sha256 },
  });
  const datapackage = renderedFile('datapackage', LINES_PACKAGE, 'application/json; charset=utf-8', Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8'));
  return { csv, datapackage };
}
