import { ZDisclosureTable, type TDisclosureTable } from '../disclosure/disclosure.schema';
import { toDisplayGrid } from './display-grid';

const table = (input: object): TDisclosureTable =>
  ZDisclosureTable.parse({ id: 'T5', role: 'general-public-function', title: 't', number: '表五', rowHeader: { codeLabel: '科目编码', nameLabel: '科目名称' }, rows: [], ...input });

describe('toDisplayGrid', () => {
  it('rounds each cell on its own, half up in 万元, and leaves the 尾差 visible', () => {
    const grid = toDisplayGrid(
      table({
        columns: [{ key: 'total', label: '预算数' }],
        rows: [
          { key: 'p', name: '合计', level: 0, cells: { total: '100000.00' } },
          { key: 'a', code: '1', name: 'a', level: 1, cells: { total: '50500.00' } },
          { key: 'b', code: '2', name: 'b', level: 1, cells: { total: '49500.00' } },
        ],
      }),
    );
    // 5.05 → 5.1 and 4.95 → 5.0 (half up), while the parent is 10.0: children add up to 10.1.
    expect(grid.body.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['', '合计', '10.0'],
      ['1', 'a', '5.1'],
      ['2', 'b', '5.0'],
    ]);
    expect(grid.body[1]?.cells[1]?.indent).toBe(1);
  });

  it('merges a column group over its columns and spans ungrouped headers over two rows', () => {
    const grid = toDisplayGrid(
      table({
        columns: [
          { key: 'total', label: '预算数' },
          { key: 'basic', label: '基本支出', group: '其中：' },
          { key: 'project', label: '项目支出', group: '其中：' },
        ],
      }),
    );
    expect(grid.header.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan]))).toEqual([
      [
        ['科目编码', 1, 2],
        ['科目名称', 1, 2],
        ['预算数', 1, 2],
        ['其中：', 2, 1],
      ],
      [
        ['基本支出', 1, 1],
        ['项目支出', 1, 1],
      ],
    ]);
    expect(grid.columnCount).toBe(5);
  });

  it('lays sections side by side, footers aligned at the bottom', () => {
    const grid = toDisplayGrid(
      table({
        layout: 'side-by-side',
        sections: [
          { key: 'in', label: '收入' },
          { key: 'out', label: '支出' },
        ],
        rowHeader: { nameLabel: '项目' },
        columns: [{ key: 'amount', label: '预算数' }],
        rows: [
          { key: 'i1', section: 'in', name: 'i1', level: 0, cells: { amount: '10000.00' } },
          { key: 'it', section: 'in', name: '本年收入合计', level: 0, footer: true, cells: { amount: '10000.00' } },
          { key: 'ic', section: 'in', name: '上年结转', level: 0, footer: true, cells: { amount: null } },
          { key: 'ig', section: 'in', name: '收入总计', level: 0, footer: true, cells: { amount: '10000.00' } },
          { key: 'o1', section: 'out', name: 'o1', level: 0, cells: { amount: '4000.00' } },
          { key: 'o2', section: 'out', name: 'o2', level: 0, cells: { amount: '6000.00' } },
          { key: 'ot', section: 'out', name: '本年支出合计', level: 0, footer: true, cells: { amount: '10000.00' } },
          { key: 'og', section: 'out', name: '支出总计', level: 0, footer: true, cells: { amount: '10000.00' } },
        ],
      }),
    );
    expect(grid.body.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['i1', '1.0', 'o1', '0.4'],
      ['', '', 'o2', '0.6'],
      ['本年收入合计', '1.0', '本年支出合计', '1.0'],
      ['上年结转', '', '', ''],
      ['收入总计', '1.0', '支出总计', '1.0'],
    ]);
    expect(grid.header[0]?.map((c) => [c.text, c.colSpan])).toEqual([
      ['收入', 2],
      ['支出', 2],
    ]);
  });

  it('labels row groups once with a row span, shows 元 with two decimals when asked, and keeps the empty statement', () => {
    const t = table({
      sections: [{ key: 's', label: '收入构成' }],
      rowHeader: { nameLabel: '项目' },
      columns: [{ key: 'amount', label: '金额' }],
      rows: [
        { key: 'a', section: 's', name: 'a', level: 0, cells: { amount: '1234.5' } },
        { key: 'b', section: 's', name: 'b', level: 0, cells: { amount: null } },
      ],
    });
    const grid = toDisplayGrid(t, { unit: 'yuan' });
    expect(grid.body.map((r) => r.cells.map((c) => [c.text, c.rowSpan]))).toEqual([
      [
        ['收入构成', 2],
        ['a', 1],
        ['1234.50', 1],
      ],
      [
        ['b', 1],
        ['', 1],
      ],
    ]);
    const empty = toDisplayGrid(table({ columns: [{ key: 'total', label: '合计' }], emptyStatement: '本单位2021年无此支出预算。' }));
    expect([empty.body, empty.emptyStatement]).toEqual([[], '本单位2021年无此支出预算。']);
  });
});
