import { ZDisclosure } from '../disclosure/disclosure.schema';
import { derive, exactRows, tableOf, testDocument } from './test-document';

/**
 * Two units, general-public, government-fund, business-income and fiscal-carryover money:
 *   100001 2010101 30101 personnel GP 400.00     100002 2010101 30101 personnel GP 100.00
 *   100002 2010102 30201 public    GP 250.50     100001 2120101 31002 project P1 GP 249.50
 *   100001 2120101 30227 project P1 GF 300.00    100002 2010102 30217 public business 200.00
 *   100001 2010101 30231 public carryover-fiscal 60.00
 * Income: GP 1000, GF 300, business 200, carryover-fiscal 100 (of which 60 spent: 年终结余 40).
 */
const doc = testDocument(
  [
    ['100001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', '400.00'],
    ['100002', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', '100.00'],
    ['100002', '2010102', '30201', 'basic-public', 'general-budget-appropriation', '250.50'],
    ['100001', '2120101', '31002', 'project', 'general-budget-appropriation', '249.50', 'P1'],
    ['100001', '2120101', '30227', 'project', 'government-fund-appropriation', '300.00', 'P1'],
    ['100002', '2010102', '30217', 'basic-public', 'business-income-other', '200.00'],
    ['100001', '2010101', '30231', 'basic-public', 'carryover-fiscal', '60.00'],
  ],
  [
    ['general-budget-appropriation', '1000.00'],
    ['government-fund-appropriation', '300.00'],
    ['business-income-other', '200.00'],
    ['carryover-fiscal', '100.00'],
  ],
  { projects: [{ id: 'P1', name: '城管信息化项目', unitCode: '100001' }] },
);
const disclosure = derive(doc);
const cell = (id: string, row: string, column = 'amount') => tableOf(disclosure, id).rows.find((r) => r.key === row)?.cells[column];

describe('deriveDisclosure on a small budget with several units and funds', () => {
  it('is a valid disclosure', () => {
    expect(ZDisclosure.safeParse(disclosure).success).toBe(true);
  });

  it('表1: all income and expenditure, carryover and 年终结余 balancing 收入总计 = 支出总计', () => {
    expect(
      ['fiscal', 'general-public', 'government-fund', 'business-income', 'income-total', 'carryover', 'src:carryover-fiscal', 'income-grand-total'].map((k) => cell('T1', k)),
    ).toEqual(['1300.00', '1000.00', '300.00', '200.00', '1500.00', '100.00', '100.00', '1600.00']);
    expect(['econ:301', 'econ:302', 'econ:310', 'econ-total', 'econ-balance', 'econ-grand-total'].map((k) => cell('T1', k))).toEqual([
      '500.00',
      '810.50',
      '249.50',
      '1560.00',
      '40.00',
      '1600.00',
    ]);
    expect(['func:201', 'func:212', 'func-total', 'func-balance', 'func-grand-total'].map((k) => cell('T1', k))).toEqual([
      '1010.50',
      '549.50',
      '1560.00',
      '40.00',
      '1600.00',
    ]);
  });

  it('表2: the income side alone', () => {
    expect(exactRows(tableOf(disclosure, 'T2'), ['amount']).filter(([, v]) => v !== null)).toEqual([
      ['fiscal', '1300.00'],
      ['general-public', '1000.00'],
      ['src:general-budget-appropriation', '1000.00'],
      ['government-fund', '300.00'],
      ['src:government-fund-appropriation', '300.00'],
      ['business-income', '200.00'],
      ['src:business-income-other', '200.00'],
      ['income-total', '1500.00'],
      ['carryover', '100.00'],
      ['src:carryover-fiscal', '100.00'],
      ['income-grand-total', '1600.00'],
    ]);
  });

  it('表3: per unit then per 项, 基本 + 项目 = 合计', () => {
    expect(exactRows(tableOf(disclosure, 'T3'), ['total', 'basic', 'project'])).toEqual([
      ['total', '1560.00', '1010.50', '549.50'],
      ['unit:100001', '1009.50', '460.00', '549.50'],
      ['unit:100001:func:2010101', '460.00', '460.00', null],
      ['unit:100001:func:2120101', '549.50', null, '549.50'],
      ['unit:100002', '550.50', '550.50', null],
      ['unit:100002:func:2010101', '100.00', '100.00', null],
      ['unit:100002:func:2010102', '450.50', '450.50', null],
    ]);
  });

  it('表4: fiscal appropriations only, with the fiscal carryover', () => {
    expect(['fiscal', 'income-total', 'src:carryover-fiscal', 'income-grand-total', 'econ-total', 'econ-balance'].map((k) => cell('T4', k))).toEqual([
      '1300.00',
      '1300.00',
      '100.00',
      '1400.00',
      '1360.00',
      '40.00',
    ]);
    expect(tableOf(disclosure, 'T4').rows.some((r) => r.key === 'business-income')).toBe(false);
  });

  it('表5: general-public lines, 类 → 款 → 项 → unit, each parent the sum of its children', () => {
    const t5 = tableOf(disclosure, 'T5');
    expect(exactRows(t5, ['total', 'basic', 'project'])).toEqual([
      ['total', '1000.00', '750.50', '249.50'],
      ['201', '750.50', '750.50', null],
      ['20101', '750.50', '750.50', null],
      ['2010101', '500.00', '500.00', null],
      ['2010101:unit:100001', '400.00', '400.00', null],
      ['2010101:unit:100002', '100.00', '100.00', null],
      ['2010102', '250.50', '250.50', null],
      ['2010102:unit:100002', '250.50', '250.50', null],
      ['212', '249.50', null, '249.50'],
      ['21201', '249.50', null, '249.50'],
      ['2120101', '249.50', null, '249.50'],
      ['2120101:unit:100001', '249.50', null, '249.50'],
    ]);
    expect(t5.rows.map((r) => r.level)).toEqual([0, 0, 1, 2, 3, 3, 2, 3, 0, 1, 2, 3]);
    expect(t5.rows.map((r) => r.name).slice(1, 4)).toEqual(['一般公共服务支出', '人大事务', '行政运行']);
    expect(t5.emptyStatement).toBeUndefined();
  });

  it('表6: general-public basic lines by 类 → 款, 人员经费 and 日常公用经费', () => {
    expect(exactRows(tableOf(disclosure, 'T6'), ['total', 'personnel', 'public'])).toEqual([
      ['total', '750.50', '500.00', '250.50'],
      ['301', '500.00', '500.00', null],
      ['30101', '500.00', '500.00', null],
      ['302', '250.50', null, '250.50'],
      ['30201', '250.50', null, '250.50'],
    ]);
  });

  it('表7: government-fund lines as 表5 does, without the empty statement', () => {
    const t7 = tableOf(disclosure, 'T7');
    expect(exactRows(t7, ['total', 'basic', 'project'])).toEqual([
      ['total', '300.00', null, '300.00'],
      ['212', '300.00', null, '300.00'],
      ['21201', '300.00', null, '300.00'],
      ['2120101', '300.00', null, '300.00'],
      ['2120101:unit:100001', '300.00', null, '300.00'],
    ]);
    expect(t7.emptyStatement).toBeUndefined();
  });

  it('表8: 三公 of fiscal money only (the business-funded 公务接待费 is not counted)', () => {
    expect(exactRows(tableOf(disclosure, 'T8'), ['amount'])).toEqual([
      ['total', '60.00'],
      ['overseas-travel', null],
      ['reception', null],
      ['vehicles', '60.00'],
      ['vehicle-operation', '60.00'],
      ['vehicle-purchase', null],
    ]);
  });

  it('表9: the money block with shares of each side’s total', () => {
    expect(exactRows(tableOf(disclosure, 'T9'), ['amount', 'share'])).toEqual([
      ['income-fiscal', '1400.00', '87.5'],
      ['income-other', '200.00', '12.5'],
      ['income-total', '1600.00', '100.0'],
      ['basic', '1010.50', '64.8'],
      ['project', '549.50', '35.2'],
      ['expenditure-total', '1560.00', '100.0'],
    ]);
  });

  it('表10: one block per project, 当年预算 from its lines', () => {
    const blocks = tableOf(disclosure, 'T10').blocks;
    expect(blocks.map((b) => (b.type === 'project' ? [b.name, b.unitName, b.amount] : b.type))).toEqual([['城管信息化项目', '某市甲局', '549.50']]);
  });
});

describe('deriveDisclosure on a budget with nothing in it', () => {
  const empty = derive(testDocument([], []));

  it('says so in the tables that would list lines, with the budget’s year', () => {
    for (const id of ['T5', 'T6', 'T7']) {
      expect([id, tableOf(empty, id).rows, tableOf(empty, id).emptyStatement]).toEqual([id, [], '本单位2021年无此支出预算。']);
    }
    expect(tableOf(empty, 'T10').emptyStatement).toBe('本单位2021年无项目支出。');
  });

  it('keeps the standard rows of 表1 blank and states zero shares in 表9', () => {
    expect(tableOf(empty, 'T1').rows.every((r) => r.cells.amount === null)).toBe(true);
    expect(exactRows(tableOf(empty, 'T9'), ['share']).map(([, share]) => share)).toEqual(['0.0', '0.0', '0.0', '0.0', '0.0', '0.0']);
    expect(ZDisclosure.safeParse(empty).success).toBe(true);
  });
});
