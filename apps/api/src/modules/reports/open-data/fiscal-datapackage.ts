import { disclosureKind, type TDisclosure } from '@budgetflow/domain';
import type { TRenderedFile } from '../rendered-file';
import { TIDY_FIELDS, TIDY_HEADERS } from './tidy-csv';

const FIELD_TYPES: Record<(typeof TIDY_FIELDS)[number], { type: string; description: string }> = {
  table: { type: 'string', description: '表号: T1 … T10' },
  block: { type: 'string', description: 'sub-table of a form (表10 资金来源, 明细测算 …); empty for the main table' },
  row_key: { type: 'string', description: 'stable key of the row within its table' },
  section: { type: 'string', description: 'part of the table the row belongs to (收入, 经济分类支出 …)' },
  code: { type: 'string', description: 'classification or unit code (科目编码 / 单位编码)' },
  name: { type: 'string', description: 'row name as printed' },
  level: { type: 'integer', description: 'hierarchy depth: 类 0, 款 1, 项 2 …' },
  column: { type: 'string', description: 'key of the column' },
  column_label: { type: 'string', description: 'column heading as printed' },
  amount: { type: 'number', description: 'exact amount in 元 (CNY), two decimals; tables print it in 万元' },
  value: { type: 'string', description: 'percentage or text cell' },
};

/**
 * A Frictionless Fiscal Data Package (profile fiscal-data-package) describing the tidy CSV files:
 * their fields, sizes and sha256, and the fiscal model (the amount measure in CNY, approved budget
 * of the fiscal year, and the dimensions a reader can pivot on).
 */
export function fiscalDataPackage(disclosure: TDisclosure, csvFiles: TRenderedFile[]): string {
  const { meta } = disclosure;
  const year = meta.fiscalYear;
  const descriptor = {
    profile: 'fiscal-data-package',
    name: `budget-${meta.departmentCode}-${year}`.toLowerCase(),
    title: `${meta.departmentName}${year}年${disclosureKind(meta)}`,
    countryCode: 'CN',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    ...(meta.generatedFrom ? { version: meta.generatedFrom } : {}),
    resources: csvFiles.map((file) => ({
      name: file.name.replace(/\.csv$/, ''),
      path: file.name,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      bytes: file.size,
      hash: `sha256:${file.sha256}`,
      schema: { fields: TIDY_FIELDS.map((key) => ({ name: TIDY_HEADERS[key], ...FIELD_TYPES[key] })) },
    })),
    model: {
      measures: {
        amount: { source: TIDY_HEADERS.amount, currency: 'CNY', factor: 1, phase: 'approved' },
      },
      dimensions: {
        table: { dimensionType: 'other', primaryKey: ['table'], attributes: { table: { source: TIDY_HEADERS.table } } },
        classification: {
          dimensionType: 'classification',
          primaryKey: ['code'],
          attributes: { code: { source: TIDY_HEADERS.code }, name: { source: TIDY_HEADERS.name, labelfor: 'code' }, level: { source: TIDY_HEADERS.level } },
        },
        column: {
          dimensionType: 'other',
          primaryKey: ['column'],
          attributes: { column: { source: TIDY_HEADERS.column }, column_label: { source: TIDY_HEADERS.column_label, labelfor: 'column' } },
        },
      },
    },
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}
