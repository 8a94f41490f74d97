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

/**
 * What a published file holds, in words: the whole disclosure, the lines, a table (t5.csv: 表5), a
 * package's description; the file's own name (English, for machines) is kept for the download only.
 */
export function fileContent(name: string, t: TTranslate): string {
  const table = /^t(\d+)\./.exec(name)?.[1];
  if (table !== undefined) return t('fileTable', { n: table });
  if (name.startsWith('lines.')) return t('fileLines');
  if (name.startsWith('datapackage.')) return t('fileTables');
  if (name.startsWith('correction-notice.')) return t('fileCorrectionNotice');
  return t('fileDisclosure');
}

/** The format a published file's name says (datapackage.json is a package, not plain JSON). */
export function formatOfFileName(name: string): string {
  return name.endsWith('datapackage.json') ? 'datapackage' : (name.split('.').at(-1) ?? '');
}

/** A published file's name as the reader is told it: 开放数据 CSV · 表5. */
export function publishedFileLabel(name: string, t: TTranslate): string {
  return `${formatLabel(formatOfFileName(name), t)} · ${fileContent(name, t)}`;
}
