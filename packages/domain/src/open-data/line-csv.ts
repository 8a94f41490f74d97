import { csvField, UTF8_BOM } from '../render/render-csv';
import type { TOpenDataLine } from './budget-lines';

/**
 * The columns of the line-level dataset, in order: the Chinese header a reader sees (and the Table
 * Schema field name of datapackage.json), its type and what it holds. 功能科目编码 comes first.
 */
export const LINE_FIELDS = [
  { key: 'functionCode', header: '功能科目编码', type: 'string', description: '支出功能分类科目 项级编码（7位）' },
  { key: 'functionName', header: '功能科目名称', type: 'string', description: '支出功能分类科目 项级名称' },
  { key: 'economicCode', header: '经济科目编码', type: 'string', description: '部门预算支出经济分类科目 款级编码（5位）' },
  { key: 'economicName', header: '经济科目名称', type: 'string', description: '部门预算支出经济分类科目 款级名称' },
  { key: 'departmentCode', header: '部门编码', type: 'string', description: '预算部门编码' },
  { key: 'departmentName', header: '部门名称', type: 'string', description: '预算部门名称' },
  { key: 'unitCode', header: '单位编码', type: 'string', description: '预算单位编码' },
  { key: 'unitName', header: '单位名称', type: 'string', description: '预算单位名称' },
  { key: 'kind', header: '支出类型', type: 'string', description: '基本支出 或 项目支出' },
  { key: 'basicKind', header: '经费类型', type: 'string', description: '基本支出的 人员经费 或 公用经费；项目支出为空' },
  { key: 'fundSource', header: '资金来源', type: 'string', description: '收入来源，按 表一 的名称' },
  { key: 'projectName', header: '项目名称', type: 'string', description: '项目支出所属项目；基本支出为空' },
  { key: 'amount', header: '金额（元）', type: 'number', description: '金额，单位元，精确到分（两位小数）' },
  { key: 'fiscalYear', header: '预算年度', type: 'integer', description: '预算年度' },
  { key: 'lineId', header: '明细编号', type: 'string', description: '支出明细在预算中的编号' },
] as const satisfies readonly { key: keyof TOpenDataLine; header: string; type: string; description: string }[];

/** The header line of the line CSV, with the byte-order mark (Excel on Chinese Windows reads UTF-8 only with it). */
export function lineCsvHeader(): string {
  return `${UTF8_BOM}${LINE_FIELDS.map((f) => csvField(f.header)).join(',')}\r\n`;
}

/** One CRLF-ended CSV record per line; every field through csvField (quoted, formulas neutralised). */
export function lineCsvRows(lines: readonly TOpenDataLine[]): string {
  return lines.map((line) => `${LINE_FIELDS.map((f) => csvField(String(line[f.key]))).join(',')}\r\n`).join('');
}

/** The whole line-level dataset as one CSV file. */
export function lineCsv(lines: readonly TOpenDataLine[]): string {
  return lineCsvHeader() + lineCsvRows(lines);
}
