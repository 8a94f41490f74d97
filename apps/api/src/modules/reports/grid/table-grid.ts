import type {
  TColumn,
  TDisclosureTable,
  TFactsBlock,
  TGridBlock,
  TIndicatorsBlock,
  TRow,
  TRowHeader,
} from '@budgetflow/domain';
import type { TDisplayGrid, TGridCell } from './display-grid';
import { displayAmount } from './display-amount';

/** A body cell of a column: amounts in 万元 and right-aligned, percentages right-aligned, text left. */
function valueCell(column: TColumn, value: string | null | undefined, bold: boolean, unit: string): TGridCell {
  if (value === null || value === undefined || value === '') return { text: '', kind: column.type, bold };
  switch (column.type) {
    case 'amount':
      return { text: displayAmount(value, unit), kind: 'amount', yuan: value, align: 'right', bold };
    case 'percent':
      return { text: value, kind: 'percent', align: 'right', bold };
    case 'text':
      return { text: value, kind: 'text', align: 'left', bold };
  }
}

/**
 * Header rows of a grid: the code and name columns, then the value columns; consecutive columns of
 * one group share a merged cell above their own labels (其中：基本支出 | 项目支出).
 */
function headerRows(rowHeader: TRowHeader, columns: TColumn[]): TGridCell[][] {
  const grouped = columns.some((c) => c.group) || rowHeader.group !== undefined;
  const depth = grouped ? 2 : 1;
  const top: TGridCell[] = [];
  const second: TGridCell[] = [];
  const lead = [rowHeader.codeLabel, rowHeader.nameLabel].filter((l): l is string => l !== undefined);
  if (rowHeader.group !== undefined) {
    top.push({ text: rowHeader.group, colSpan: lead.length });
    second.push(...lead.map((text) => ({ text })));
  } else {
    top.push(...lead.map((text) => ({ text, rowSpan: depth })));
  }
  for (let i = 0; i < columns.length; ) {
    const column = columns[i] as TColumn;
    if (column.group === undefined) {
      top.push({ text: column.label, rowSpan: depth });
      i += 1;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j]?.group === column.group) j += 1;
    top.push({ text: column.group, colSpan: j - i });
    second.push(...columns.slice(i, j).map((c) => ({ text: c.label })));
    i = j;
  }
  return depth === 2 ? [top, second] : [top];
}

function bodyRow(rowHeader: TRowHeader, columns: TColumn[], row: TRow, unit: string): TGridCell[] {
  const bold = row.emphasis === 'total';
  const cells: TGridCell[] = [];
  if (rowHeader.codeLabel !== undefined) cells.push({ text: row.code ?? '', bold });
  cells.push({ text: row.name, indent: rowHeader.codeLabel === undefined ? row.level : 0, bold });
  for (const column of columns) cells.push(valueCell(column, row.cells[column.key], bold, unit));
  return cells;
}

/** A grid of rows one under another; a section label, if rows have sections, spans a row of its own. */
function rowsGrid(
  table: Pick<TDisclosureTable, 'rowHeader' | 'columns' | 'rows'> & { sections?: TDisclosureTable['sections'] },
  unit: string,
): TDisplayGrid {
  const width = (table.rowHeader.codeLabel === undefined ? 1 : 2) + table.columns.length;
  const body: TGridCell[][] = [];
  let section: string | undefined;
  for (const row of table.rows) {
    if (row.section !== undefined && row.section !== section) {
      section = row.section;
      const label = table.sections?.find((s) => s.key === section)?.label;
      if (label) body.push([{ text: label, colSpan: width, bold: true }]);
    }
    body.push(bodyRow(table.rowHeader, table.columns, row, unit));
  }
  return { header: headerRows(table.rowHeader, table.columns), body };
}

/**
 * 表1/表4: sections side by side (收入 | 经济分类支出 | 功能分类支出), each with its name column and
 * its values; footer rows (本年收入合计 …) line up at the bottom across sections.
 */
function sideBySideGrid(table: TDisclosureTable): TDisplayGrid {
  const sections = table.sections;
  const width = 1 + table.columns.length;
  const top: TGridCell[] = sections.map((s) => ({ text: s.label, colSpan: width }));
  const second: TGridCell[] = sections.flatMap((s) => [
    { text: s.nameLabel ?? table.rowHeader.nameLabel },
    ...table.columns.map((c) => ({ text: c.label })),
  ]);
  const ofSection = (key: string, footer: boolean): TRow[] =>
    table.rows.filter((r) => r.section === key && (r.footer ?? false) === footer);
  const half = (row: TRow | undefined): TGridCell[] =>
    row === undefined
      ? Array.from({ length: width }, () => ({ text: '' }))
      : [
          { text: row.name, indent: row.level, bold: row.emphasis === 'total' },
          ...table.columns.map((c) => valueCell(c, row.cells[c.key], row.emphasis === 'total', table.unit)),
        ];
  const body: TGridCell[][] = [];
  for (const footer of [false, true]) {
    const columnsOfRows = sections.map((s) => ofSection(s.key, footer));
    const height = Math.max(0, ...columnsOfRows.map((rows) => rows.length));
    for (let i = 0; i < height; i += 1) body.push(columnsOfRows.flatMap((rows) => half(rows[i])));
  }
  return { header: [top, second], body };
}

/** The main grid of one of the ten tables, as printed. */
export function tableGrid(table: TDisclosureTable): TDisplayGrid {
  return table.layout === 'side-by-side' && table.sections.length > 0 ? sideBySideGrid(table) : rowsGrid(table, table.unit);
}

/** A sub-table of a form, in the unit of the table it belongs to. */
export function gridBlockGrid(block: TGridBlock, unit: string): TDisplayGrid {
  return rowsGrid(block, unit);
}

/** Label–value facts as a form: two pairs per row when the values are short, else one. */
export function factsGrid(block: TFactsBlock): TDisplayGrid {
  const body: TGridCell[][] = [];
  const items = block.items;
  for (let i = 0; i < items.length; ) {
    const a = items[i];
    const b = items[i + 1];
    if (a === undefined) break;
    if (b !== undefined && a.value.length <= 30 && b.value.length <= 30) {
      body.push([{ text: a.label, bold: true }, { text: a.value }, { text: b.label, bold: true }, { text: b.value }]);
      i += 2;
    } else {
      body.push([{ text: a.label, bold: true }, { text: a.value, colSpan: 3 }]);
      i += 1;
    }
  }
  return { header: [], body };
}

/**
 * 绩效指标 as 表9/表10 print them: the value columns under one merged 指标值 header, and runs of the
 * same 一级指标 (then 二级指标) merged down the rows.
 */
export function indicatorsGrid(block: TIndicatorsBlock): TDisplayGrid {
  const withContent = block.indicators.some((i) => i.content !== '');
  const [y1, y2] = block.priorYears ?? [undefined, undefined];
  const header: TGridCell[][] = [
    [
      { text: '一级指标', rowSpan: 2 },
      { text: '二级指标', rowSpan: 2 },
      { text: '指标名称', rowSpan: 2 },
      ...(withContent ? [{ text: '指标内容', rowSpan: 2 }] : []),
      { text: '指标值', colSpan: 3 },
      { text: '绩效标准', rowSpan: 2 },
    ],
    [{ text: y1 ? `${y1}年` : '前年' }, { text: y2 ? `${y2}年` : '上年' }, { text: '预期当年实现值' }],
  ];
  const list = block.indicators;
  const runLength = (i: number, same: (k: number) => boolean): number => {
    let n = 1;
    while (i + n < list.length && same(i + n)) n += 1;
    return n;
  };
  const body: TGridCell[][] = list.map((indicator, i) => {
    const prev = list[i - 1];
    const cells: TGridCell[] = [];
    if (prev?.level1 !== indicator.level1 || i === 0) {
      cells.push({ text: indicator.level1, rowSpan: runLength(i, (k) => list[k]?.level1 === indicator.level1) });
    }
    const sameParent = (k: number): boolean => list[k]?.level1 === indicator.level1 && list[k]?.level2 === indicator.level2;
    if (i === 0 || prev?.level1 !== indicator.level1 || prev.level2 !== indicator.level2) {
      cells.push({ text: indicator.level2, rowSpan: runLength(i, sameParent) });
    }
    cells.push({ text: indicator.name });
    if (withContent) cells.push({ text: indicator.content });
    cells.push(
      { text: indicator.valueTwoYearsAgo, align: 'center' },
      { text: indicator.valueLastYear, align: 'center' },
      { text: indicator.target, align: 'center' },
      { text: indicator.standard, align: 'center' },
    );
    return cells;
  });
  return { header, body };
}
