import type { TTranslate } from '../../lib/i18n';
import type { TMessageKey } from '../../lib/i18n-messages';

/** The reader's formats in this order, each named for what it is to them. */
export const FILE_FORMATS: { format: string; label: TMessageKey }[] = [
  { format: 'pdf', label: 'formatPdf' },
  { format: 'xlsx', label: 'formatXlsx' },
  { format: 'csv', label: 'formatCsv' },
  { format: 'json', label: 'formatJson' },
  { format: 'html', label: 'formatHtml' },
  { format: 'txt', label: 'formatTxt' },
  { format: 'datapackage', label: 'formatDatapackage' },
];

/** A format in words; one the list lacks is 其他文件, never its code. */
export function formatLabel(format: string, t: TTranslate): string {
  return t(FILE_FORMATS.find((f) => f.format === format)?.label ?? 'formatOther');
}

/** A disclosure's table numbers by table id (T5: 表五, T02: 公开表二), to name its files as the document does. */
export type TTableNumbers = ReadonlyMap<string, string>;

export function tableNumbers(tables: readonly { id: string; number: string }[]): TTableNumbers {
  return new Map(tables.map((table) => [table.id, table.number]));
}

/**
 * What a published file holds, in words: the whole disclosure, the lines, a table (t5.csv: 表五 as
 * the document numbers it, where the disclosure's tables are at hand, else 表5), a package's
 * description; the file's own name (English, for machines) is kept for the download only.
 */
export function fileContent(name: string, t: TTranslate, numbers?: TTableNumbers): string {
  const table = /^t(\d+)\./.exec(name)?.[1];
  if (table !== undefined) {
    const number = numbers?.get(`T${table}`);
    return number === undefined ? t('fileTable', { n: table }) : t('fileTableNumbered', { number, n: Number(table) });
  }
  if (name.startsWith('lines.')) return t('fileLines');
  if (name.startsWith('datapackage.')) return t('fileTables');
  if (name.startsWith('correction-notice.')) return t('fileCorrectionNotice');
  return t('fileDisclosure');
}

/** The downloads' groups, in this order: the whole document, each table, the open data. */
export const FILE_GROUPS = ['whole', 'tables', 'openData'] as const;
export type TFileGroup = (typeof FILE_GROUPS)[number];

/** Where a published file is listed: a table's CSV with the tables, the lines, packages and the JSON model with the open data. */
export function fileGroup(name: string, format: string): TFileGroup {
  if (/^t\d+\./.test(name)) return 'tables';
  if (name.startsWith('lines.') || format === 'datapackage' || format === 'json') return 'openData';
  return 'whole';
}

/** The format a published file's name says (datapackage.json is a package, not plain JSON). */
export function formatOfFileName(name: string): string {
  return name.endsWith('datapackage.json') ? 'datapackage' : (name.split('.').at(-1) ?? '');
}

/** A published file's name as the reader is told it: 开放数据 CSV · 表5. */
export function publishedFileLabel(name: string, t: TTranslate): string {
  return `${formatLabel(formatOfFileName(name), t)} · ${fileContent(name, t)}`;
}
