import { canonicalJson, renderHtml, type TCorrectionStatement, type TDisclosure } from '@budgetflow/domain';
import { fiscalDataPackage } from './open-data/fiscal-datapackage';
import { tidyCsv } from './open-data/tidy-csv';
import { renderDisclosurePdf } from './pdf/disclosure-pdf.renderer';
import { renderedFile, type TRenderedFile } from './rendered-file';
import { renderDisclosureXlsx } from './xlsx/disclosure-xlsx.renderer';

export interface TRenderOptions {
  /** When the revision was frozen; stamped into the files instead of the time of rendering. */
  createdAt: Date;
  /** For a revision that corrects a published version: its 更正说明, which the PDF, the workbook and the HTML carry. */
  correction?: TCorrectionStatement | undefined;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every file of a disclosure: the PDF, the workbook, the printable HTML, the JSON model, one tidy CSV per table and the
 * Fiscal Data Package that describes them, each with its size and sha256.
 */
export async function renderDisclosureFiles(disclosure: TDisclosure, options: TRenderOptions): Promise<TRenderedFile[]> {
  const [pdf, xlsx] = await Promise.all([renderDisclosurePdf(disclosure, options), renderDisclosureXlsx(disclosure, options)]);
  const csvFiles = disclosure.tables.map((table) =>
    renderedFile('csv', `${table.id.toLowerCase()}.csv`, 'text/csv; charset=utf-8', Buffer.from(tidyCsv(table), 'utf8')),
  );
  return [
    renderedFile('pdf', 'disclosure.pdf', 'application/pdf', pdf),
    renderedFile('xlsx', 'disclosure.xlsx', XLSX_MEDIA_TYPE, xlsx),
    renderedFile('html', 'disclosure.html', 'text/html; charset=utf-8', Buffer.from(renderHtml(disclosure, { correction: options.correction }), 'utf8')),
    renderedFile('json', 'disclosure.json', 'application/json', Buffer.from(canonicalJson(disclosure), 'utf8')),
    ...csvFiles,
    renderedFile('datapackage', 'datapackage.json', 'application/json', Buffer.from(fiscalDataPackage(disclosure, csvFiles), 'utf8')),
  ];
}
