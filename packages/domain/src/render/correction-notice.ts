import { z } from 'zod';
import type { TColumn, TDisclosure, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { formatYuan, parseFen } from '../money/fen';
import { partTitles, tableHeading } from './disclosure-text';
import { displayValue, formatFor } from './display-grid';

/**
 * One table cell a correction changed, in the words and figures the tables print: the table's
 * heading, the row's code and name, the column, and the figure before and after (null: the row
 * was not there).
 */
export const ZCorrectionChange = z.object({
  table: z.string(),
  row: z.string(),
  column: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** the unit the figures are printed in: the table's (万元), or 元 where the table's rounding hides the change */
  unit: z.string(),
  /** the change as one sentence of the notice */
  text: z.string(),
});
export type TCorrectionChange = z.output<typeof ZCorrectionChange>;

/** 更正说明: published beside version 2 and later of a disclosure. */
export const ZCorrection = z.object({
  reason: z.string(),
  /** the day the correction was published, YYYY-MM-DD */
  date: z.string(),
  previousVersion: z.number().int(),
  changes: z.array(ZCorrectionChange),
});
export type TCorrection = z.output<typeof ZCorrection>;

const rowLabel = (row: TRow): string => (row.code === undefined || row.code === '' ? row.name : `${row.code} ${row.name}`).trim();
/** 经济分类支出·预算数, 其中：人员经费: the section, the header group and the column, as the header reads them. */
const columnLabel = (table: TDisclosureTable, row: TRow, column: TColumn): string => {
  const section = table.sections.find((s) => s.key === row.section)?.label;
  const parts = [section, column.group, column.label].filter((part): part is string => part !== undefined && part !== '');
  return parts.reduce((label, part) => (label === '' ? part : /[：:]$/.test(label) ? `${label}${part}` : `${label}·${part}`), '');
};

const ZERO = /^-?0(\.0+)?$/;

/**
 * The amounts as the table prints them; where its rounding hides the change (a correction of a
 * few 元 in a 万元 table: both print alike, or a new figure prints as 0.0), in exact 元, so that
 * the notice never says "由604.4万元更正为604.4万元".
 */
function printed(table: TDisclosureTable, column: TColumn, before: string | null, after: string | null): { before: string | null; after: string | null; unit: string } {
  const format = formatFor(table);
  const show = (exact: string | null) => (exact === null ? null : displayValue(exact, column, format));
  const shown = { before: show(before), after: show(after) };
  const lost = (exact: string | null, text: string | null) => exact !== null && text !== null && ZERO.test(text) && parseFen(exact) !== 0;
  if (column.type === 'amount' && ((shown.before !== null && shown.before === shown.after) || lost(before, shown.before) || lost(after, shown.after))) {
    const yuan = (exact: string | null) => (exact === null ? null : formatYuan(parseFen(exact)));
    return { before: yuan(before), after: yuan(after), unit: '元' };
  }
  return { ...shown, unit: column.type === 'amount' ? table.unit : column.type === 'percent' ? '%' : '' };
}

function sentence(c: Omit<TCorrectionChange, 'text'>): string {
  const figure = (value: string) => (c.unit === '' ? `“${value}”` : `${value}${c.unit}`);
  const where = `${c.table}“${c.row}”行“${c.column}”`;
  if (c.before === null) return `${where}：新增，为${figure(c.after ?? '')}`;
  if (c.after === null) return `${where}：删除，原为${figure(c.before)}`;
  return `${where}：由${figure(c.before)}更正为${figure(c.after)}`;
}

/**
 * What a correction changed in the tables: every cell of the next version's tables (and of the
 * previous version's rows it dropped) whose value differs, table by table in print order, rows in
 * the table's order. Cells are compared exactly (元 to the 分); empty cells count as absent.
 */
export function correctionChanges(previous: TDisclosure, next: TDisclosure): TCorrectionChange[] {
  const changes: TCorrectionChange[] = [];
  for (const table of next.tables) {
    const beforeRows = previous.tables.find((t) => t.id === table.id)?.rows ?? [];
    const byKey = new Map(beforeRows.map((r) => [r.key, r]));
    const kept = new Set(table.rows.map((r) => r.key));
    const pairs: { old: TRow | undefined; now: TRow | undefined }[] = [
      ...table.rows.map((now) => ({ old: byKey.get(now.key), now })),
      ...beforeRows.filter((r) => !kept.has(r.key)).map((old) => ({ old, now: undefined })),
    ];
    const heading = `${table.number} ${tableHeading(next, table)}`;
    for (const { old, now } of pairs) {
      const row = (now ?? old) as TRow;
      for (const column of table.columns) {
        const was = cellOf(old, column);
        const is = cellOf(now, column);
        if (was === is || (column.type === 'amount' && was !== null && is !== null && parseFen(was) === parseFen(is))) continue;
        const change = { table: heading, row: rowLabel(row), column: columnLabel(table, row, column), ...printed(table, column, was, is) };
        changes.push({ ...change, text: sentence(change) });
      }
    }
  }
  return changes;
}

const cellOf = (row: TRow | undefined, column: TColumn): string | null => {
  const value = row?.cells[column.key];
  return value === undefined || value === '' ? null : value;
};

/**
 * correction-notice.txt, published with version 2 and later: the title, the date and reason of the
 * correction, which version it corrects, and each changed figure as a numbered sentence.
 */
export function renderCorrectionText(next: TDisclosure, correction: TCorrection & { versionNo: number }): string {
  const lines = [
    `${partTitles(next).document}更正说明`,
    '',
    `更正日期：${correction.date}`,
    `更正原因：${correction.reason}`,
    `本次公开为第${correction.versionNo}版，更正第${correction.previousVersion}版。`,
    '',
    '更正内容：',
    ...(correction.changes.length === 0 ? ['各表数据未变。'] : correction.changes.map((c, i) => `${i + 1}. ${c.text}`)),
    '',
  ];
  return lines.join('\n');
}

/**
 * What a corrected version's own PDF and workbook say of it, since they travel without the web
 * page: which version it is, which one it corrects and when that one was published, and why.
 */
export const ZCorrectionStatement = z.object({
  versionNo: z.number().int().min(2),
  previousVersion: z.number().int().min(1),
  /** the day the corrected version was published, YYYY-MM-DD */
  previousPublishedOn: z.iso.date(),
  reason: z.string(),
});
export type TCorrectionStatement = z.output<typeof ZCorrectionStatement>;

/** The heading of the statement's block in the PDF and of its sheet in the workbook. */
export const CORRECTION_STATEMENT_TITLE = '更正说明';

/** 2026-12-07 as a printed document writes it: 2026年12月7日. */
const printedDate = (isoDate: string): string => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** 本公开为第2版，更正第1版（公开于2026年12月7日）。: the statement's opening, short enough for any first page. */
export function correctionStatementOpening(s: TCorrectionStatement): string {
  return `本公开为第${s.versionNo}版，更正第${s.previousVersion}版（公开于${printedDate(s.previousPublishedOn)}）。`;
}

/** 本公开为第2版，更正第1版（公开于2026年12月7日）。更正理由：… (the reason may run to 5 000 characters). */
export function correctionStatementText(s: TCorrectionStatement): string {
  return `${correctionStatementOpening(s)}更正理由：${s.reason}`;
}
