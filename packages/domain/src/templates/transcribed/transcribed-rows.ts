import type { TColumn, TRow } from '../../disclosure/disclosure.schema';
import { columnsOf } from '../../derive/column-sets';
import { JIANGSU_INCOME_LIST } from '../../derive/source-summary';
import { amountColumn, makeRow, textColumn, type TableBody } from '../../derive/table-parts';
import { threePublicColumns } from '../../derive/three-public-row';
import type { TColumnSet, TTableRows, TTemplateTable, TThreePublicColumn } from '../template.schema';
import { printedCell } from './printed-amount';
import { rawRows, TranscriptionError } from './transcribed-tables';
import type { TPrinted, TTranscribedTable } from './transcription.schema';

const LEVELS = { 类: 0, 款: 1, 项: 2 } as const;
const body = (rowHeader: TableBody['rowHeader'], columns: TColumn[], rows: TRow[]): TableBody => ({ layout: 'rows', sections: [], rowHeader, columns, rows, preamble: [], blocks: [] });

/**
 * The amount columns of a table of codes as printed: the template's set, labelled as the print
 * labels them (a transcription lists its column labels in order), and the printed label of each.
 */
function printedColumns(t: TTranscribedTable, spec: TTemplateTable, set: TColumnSet): { column: TColumn; printed: string | undefined }[] {
  const columns = columnsOf(set, spec.labels, spec.ofWhich ? '其中：' : undefined);
  const labels = t.columns;
  if (labels !== undefined && labels.length !== columns.length) throw new TranscriptionError(`${labels.length} columns printed, the template has ${columns.length}`, spec.id);
  return columns.map((column, i) => {
    const printed = labels?.[i];
    return { column: printed === undefined ? column : { ...column, label: printed }, printed };
  });
}

/** A table of 功能 or 经济 codes (类 → 款 → 项) as printed, with its 合计 row first, as derived. */
export function transcribedCodeTable(t: TTranscribedTable, spec: TTemplateTable, set: TColumnSet): TableBody {
  const columns = printedColumns(t, spec, set);
  const cells = (amounts: Readonly<Record<string, TPrinted>> | undefined, amount: TPrinted | undefined): TRow['cells'] =>
    Object.fromEntries(columns.map(({ column, printed }) => [column.key, printedCell(printed === undefined ? amount : amounts?.[printed], t.unit)]));
  const rows = (t.rows ?? []).map((r) => makeRow(r.code, r.name, LEVELS[r.level], cells(r.amounts, r.amount), { code: r.code }));
  if (rows.length > 0 && t.total !== undefined) {
    const total = typeof t.total === 'object' && t.total !== null ? cells(t.total, undefined) : cells(undefined, t.total);
    rows.unshift(makeRow('total', '合计', 0, total, { emphasis: 'total' }));
  }
  return body({ codeLabel: '科目编码', nameLabel: '科目名称' }, columns.map((c) => c.column), rows);
}

/** What each 三公 figure of a transcription is, by the names transcriptions give them. */
const THREE_PUBLIC_KEYS: Readonly<Record<string, TThreePublicColumn>> = {
  合计: 'total',
  三公合计: 'three-public',
  三公小计: 'three-public',
  '因公出国(境)费': 'overseas-travel',
  公务接待费: 'reception',
  公务用车购置及运行费_小计: 'vehicles',
  公务用车小计: 'vehicles',
  公务用车购置费: 'vehicle-purchase',
  公务用车运行费: 'vehicle-operation',
  公务用车运行维护费: 'vehicle-operation',
  机关运行经费: 'operating-costs',
  会议费: 'meetings',
  培训费: 'training',
};

/**
 * The 三公 row as printed, its columns in the order printed. Where the transcription kept the
 * printed text of the row (value_rows), that text is read: it prints a blank where `values` says 0.
 */
export function transcribedThreePublic(t: TTranscribedTable, spec: TTemplateTable, rows: Extract<TTableRows, { from: 'three-public-row' }>): TableBody {
  const named = Object.entries(t.values ?? {});
  const printedRow = t.value_rows?.[0];
  if (printedRow !== undefined && printedRow.length !== named.length) throw new TranscriptionError(`${printedRow.length} figures printed, ${named.length} named`, spec.id);
  const keys = named.map(([name]) => {
    const key = THREE_PUBLIC_KEYS[name];
    if (key === undefined) throw new TranscriptionError(`no 三公 column "${name}"`, spec.id);
    return key;
  });
  const cells = Object.fromEntries(named.map(([, value], i) => [keys[i]!, printedCell(printedRow === undefined ? value : printedRow[i], t.unit)]));
  return body({ nameLabel: '项目' }, threePublicColumns(rows.with, spec.labels, keys), [makeRow('amount', '预算数', 0, cells)]);
}

/** Jiangsu's 收入预算总表 as printed: headings (小计) and their items, keyed as the derivation keys them. */
export function transcribedIncomeList(t: TTranscribedTable): TableBody {
  const rows = rawRows(t).map((r, i) => {
    const key = JIANGSU_INCOME_LIST.find((s) => s.name === r.name)?.key ?? `printed:${i}`;
    return makeRow(key, r.name, r.level, { amount: printedCell(r.amount, t.unit) }, i === 0 ? { emphasis: 'total' } : {});
  });
  return body({ nameLabel: '项目名称' }, [amountColumn('amount', '金额')], rows);
}

const TOTAL_COLUMN_KEYS: Readonly<Record<string, string>> = { 合计: 'total', 基本支出: 'basic', 项目支出: 'project', 单位预留机动经费: 'reserve', 结转下年资金: 'carry-forward' };

/** Jiangsu's 支出预算总表: one row of totals under the printed column labels. */
export function transcribedExpenditureTotal(t: TTranscribedTable, spec: TTemplateTable): TableBody {
  const labels = t.header_rows?.at(-1) ?? [];
  const values = t.value_rows?.[0] ?? [];
  const columns = labels.map((label, i) => amountColumn(TOTAL_COLUMN_KEYS[label ?? ''] ?? `column:${i}`, label ?? ''));
  if (values.length !== columns.length) throw new TranscriptionError(`${values.length} figures under ${columns.length} columns`, spec.id);
  const cells = Object.fromEntries(columns.map((c, i) => [c.key, printedCell(values[i], t.unit)]));
  return body({ nameLabel: '项目' }, columns, [makeRow('total', '合计', 0, cells)]);
}

/**
 * Jiangsu's 政府采购预算表 as printed: 合计, each 采购品目大类, each 专项 with its 经济科目, each item
 * with its 组织形式. Rows are read from the right (the transcription lost the leading blank cell
 * of some rows): 总计, 组织形式, 采购物品名称, 经济科目, 专项名称, 品目大类.
 */
export function transcribedProcurement(t: TTranscribedTable): TableBody {
  const raw = t.raw_rows ?? [];
  const start = raw.findIndex((r) => r.at(-1) === '总计') + 1;
  if (start === 0) throw new TranscriptionError('no header row ending in 总计', t.title);
  const rows = raw.slice(start).map((r, i) => {
    const [amount, method, item, economic, project, category] = [...r].reverse().map((c) => c ?? '');
    const level = category !== '' ? 0 : project !== '' ? 1 : 2;
    const cells = { project: project || null, economic: economic || null, item: item || null, method: method || null, amount: printedCell(amount, t.unit) };
    return makeRow(`printed:${i}`, category ?? '', level, cells, category === '合计' ? { emphasis: 'total' } : {});
  });
  const [amountLabel, methodLabel, itemLabel, economicLabel, projectLabel, categoryLabel] = [...(raw[start - 1] ?? [])].reverse().map((c) => c ?? '');
  const columns = [textColumn('project', projectLabel ?? ''), textColumn('economic', economicLabel ?? ''), textColumn('item', itemLabel ?? ''), textColumn('method', methodLabel ?? ''), amountColumn('amount', amountLabel ?? '')];
  return body({ nameLabel: categoryLabel ?? '' }, columns, rows);
}
