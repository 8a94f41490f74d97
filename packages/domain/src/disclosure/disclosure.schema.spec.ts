import { ZDisclosureTable } from './disclosure.schema';

const table = (cells: Record<string, string | null>) => ({
  id: 'T8',
  role: 'three-public',
  title: '财政拨款“三公”经费支出表',
  number: '表八',
  rowHeader: { nameLabel: '项目' },
  columns: [{ key: 'amount', label: '预算数' }],
  rows: [{ key: 'total', name: '合计', level: 0, cells }],
});

describe('ZDisclosureTable', () => {
  it('accepts exact 元 amounts and fills defaults', () => {
    const parsed = ZDisclosureTable.parse(table({ amount: '8000.00' }));
    expect(parsed.unit).toBe('万元');
    expect(parsed.layout).toBe('rows');
    expect(parsed.columns[0]?.type).toBe('amount');
  });

  it('refuses an amount cell that is not an amount in 元, naming the cell', () => {
    const result = ZDisclosureTable.safeParse(table({ amount: '0.8万元' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['rows', 0, 'cells', 'amount']);
  });

  it('refuses a cell of a column the table does not have', () => {
    const result = ZDisclosureTable.safeParse(table({ amount: null, share: '34.3' }));
    expect(result.error?.issues[0]?.message).toContain('no column "share"');
  });
});
