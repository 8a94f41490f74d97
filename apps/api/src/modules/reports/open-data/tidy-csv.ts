import { csvField, UTF8_BOM, type TBlock, type TColumn, type TDisclosureTable, type TRow } from '@budgetflow/domain';

/**
 * One table as tidy data: one line per (row, column) cell that holds a value. Amounts stay exact in
 * 元 in `amount`; percentages and text go to `value`. The fields are declared in datapackage.json.
 */
export const TIDY_FIELDS = ['table', 'block', 'row_key', 'section', 'code', 'name', 'level', 'column', 'column_label', 'amount', 'value'] as const;
export type TTidyField = (typeof TIDY_FIELDS)[number];

/** The Chinese header of each field: the CSV's first line and the field names of datapackage.json. */
export const TIDY_HEADERS: Record<TTidyField, string> = {
  table: '表号',
  block: '子表',
  row_key: '行键',
  section: '部分',
  code: '编码',
  name: '名称',
  level: '层级',
  column: '列键',
  column_label: '列名',
  amount: '金额（元）',
  value: '数值或文字',
};

export interface TTidyRecord {
  block: string;
  row: TRow;
  column: TColumn;
  value: string;
}

/** Every cell with a value, of the main grid and of the grids among the table's blocks. */
export function tidyRecords(table: TDisclosureTable): TTidyRecord[] {
  const records: TTidyRecord[] = [];
  const add = (block: string, columns: TColumn[], rows: TRow[]): void => {
    for (const row of rows) {
      for (const column of columns) {
        const value = row.cells[column.key];
        if (value !== null && value !== undefined && value !== '') records.push({ block, row, column, value });
      }
    }
  };
  add('', table.columns, table.rows);
  const visit = (blocks: TBlock[], prefix: string): void => {
    for (const block of blocks) {
      if (block.type === 'grid') add(`${prefix}${block.key}`, block.columns, block.rows);
      if (block.type === 'project') visit(block.blocks, `${prefix}${block.key}/`);
    }
  };
  visit(table.preamble, '');
  visit(table.blocks, '');
  return records;
}

export function tidyCsv(table: TDisclosureTable): string {
  const lines = [TIDY_FIELDS.map((f) => csvField(TIDY_HEADERS[f])).join(',')];
  for (const { block, row, column, value } of tidyRecords(table)) {
    const isAmount = column.type === 'amount';
    const fields = [
      table.id,
      block,
      row.key,
      row.section ?? '',
      row.code ?? '',
      row.name,
      String(row.level),
      column.key,
      column.group ? `${column.group}${column.label}` : column.label,
      isAmount ? value : '',
      isAmount ? '' : value,
    ];
    // csvField quotes and neutralises every field alike: a code or key is text a reader's program opens too.
    lines.push(fields.map(csvField).join(','));
  }
  // The byte-order mark: Excel on Chinese Windows reads the file as UTF-8 only with it.
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
