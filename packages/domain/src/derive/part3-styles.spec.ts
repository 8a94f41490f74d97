import type { TBudgetDocumentInput } from '../budget/budget-document.schema';
import type { TDisclosure, TFigure } from '../disclosure/disclosure.schema';
import { derive, testDocument } from './test-document';

const lines: Parameters<typeof testDocument>[0] = [
  ['100001', '2010301', '30101', 'basic-personnel', 'general-budget-appropriation', '600000.00'],
  ['100001', '2010301', '30201', 'basic-public', 'general-budget-appropriation', '150000.00'],
  ['100001', '2120101', '31002', 'project', 'general-budget-appropriation', '50000.00', 'P1'],
  ['100001', '2120101', '30227', 'project', 'government-fund-appropriation', '200000.00', 'P1'],
];
const income: Parameters<typeof testDocument>[1] = [
  ['general-budget-appropriation', '800000.00'],
  ['government-fund-appropriation', '200000.00'],
];
const prior: NonNullable<TBudgetDocumentInput['priorYears']>[number] = {
  year: 2020,
  total: '800000',
  incomeFiscal: '1000000',
  generalPublicBudget: '900000',
  executed: { incomeFiscal: '500000', fiscalExpenditure: '1000000', generalPublicBudget: '0' },
  functionItems: { '2010301': { budget: '700000', executed: '760000' } },
  functionClasses: { '201': { budget: '700000' } },
};

const docOf = (template: string, extra: Partial<TBudgetDocumentInput> = {}) =>
  testDocument(lines, income, {
    template,
    priorYears: [prior],
    explanations: {
      functionItemNotes: { '2010301': '机关运行。' },
      functionItemChangeReasons: { '2010301': '主要原因是人员减少。' },
    },
    ...extra,
  });
const textOf = (d: TDisclosure) =>
  d.explanations.map((s) => s.paragraphs.map((p) => p.text).join('\n')).join('\n');
const figure = (d: TDisclosure, key: string): TFigure | undefined =>
  d.explanations.flatMap((s) => s.paragraphs.flatMap((p) => p.figures)).find((f) => f.key === key);

describe('Part 3 in the Shanghai style (编制说明)', () => {
  const d = derive(docOf('shanghai-district'));

  it('states income and expenditure, comparing 财政拨款 with last year’s 预算执行数 (rate = change ÷ base, none on a zero base)', () => {
    const text = textOf(d);
    expect(text).toContain(
      '2021年，某市甲局收入预算100.00万元，其中：财政拨款收入100.00万元，比2020年预算执行数50.00万元增加50.00万元，增长100.00%；事业收入0.00万元',
    );
    expect(text).toContain('财政拨款支出预算100.00万元，与2020年预算执行数100.00万元持平。');
    expect(text).toContain('一般公共预算拨款支出预算80.00万元，比2020年预算执行数0.00万元增加80.00万元；');
    // No last-year figure: the amount alone.
    expect(text).toContain('国有资本经营预算拨款支出预算0.00万元。');
  });

  it('writes one paragraph per 功能 项 of the 财政拨款 budget: names, amount, change, use and the typed reason', () => {
    expect(d.explanations[1]?.paragraphs.map((p) => p.text)).toEqual([
      '1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”75.00万元，比2020年预算执行数76.00万元减少1.00万元，下降1.32%，主要用于机关运行。主要原因是人员减少。',
      '2. “城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”25.00万元。',
    ]);
  });

  it('gives every figure its unit and decimals, and a 项 paid from one budget the cell of that budget’s table', () => {
    expect(figure(d, 'item:2010301')).toMatchObject({
      text: '75.00',
      unit: '万元',
      decimals: 2,
      value: '750000.00',
      source: { table: 'T5', row: '2010301', column: 'total' },
    });
    // 2120101 is paid from two budgets: no one table prints its 财政拨款.
    expect(figure(d, 'item:2120101')?.source).toBeUndefined();
    expect(figure(d, 'item:2010301-change-rate')).toMatchObject({ text: '1.32', unit: '%', decimals: 2 });
    expect(figure(d, 'income-fiscal')?.source).toEqual({ table: 'T1', row: 'fiscal', column: 'amount' });
    expect(figure(d, 'expenditure-fiscal')?.source).toEqual({
      table: 'T4',
      row: 'func-total',
      column: 'total',
    });
  });

  it('states no rate on a base that prints as zero (1 元 of last year is 0.00万元)', () => {
    const tiny = derive(docOf('shanghai-district', { priorYears: [{ ...prior, functionItems: { '2120101': { executed: '1' } } }] }));
    expect(tiny.explanations[1]?.paragraphs[1]?.text).toBe('2. “城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”25.00万元，比2020年预算执行数0.00万元增加25.00万元。');
  });

  it('titles the 单位 version 单位预算编制说明', () => {
    expect(derive(docOf('shanghai-district', { scope: 'unit' })).explanations[0]?.title).toBe(
      '2021年单位预算编制说明',
    );
  });
});

describe('Part 3 in the Jiangsu style', () => {
  const d = derive(docOf('jiangsu-province'));

  it('compares totals, 类 and 项 with last year’s budget (not its execution), rates to two decimals', () => {
    const text = textOf(d);
    expect(text).toContain(
      '某市甲局2021年度收入、支出预算总计100.00万元，比2020年预算80.00万元增加20.00万元，增长25.00%。',
    );
    expect(text).toContain(
      '1．一般公共服务支出（类）支出75.00万元，比2020年预算70.00万元增加5.00万元，增长7.14%。',
    );
    expect(text).toContain(
      '1. 政府办公厅（室）及相关机构事务（款）行政运行（项）支出75.00万元，比2020年预算70.00万元增加5.00万元，增长7.14%。主要原因是人员减少。',
    );
    expect(text).toContain(
      '一般公共预算财政拨款支出预算80.00万元，比2020年预算90.00万元减少10.00万元，下降11.11%。',
    );
    expect(text).toContain('财政拨款收、支总预算100.00万元，与2020年预算100.00万元持平。');
  });

  it('states shares with two decimals of the template’s own tables', () => {
    expect(textOf(d)).toContain(
      '其中：一般公共预算收入80.00万元，占80.00%；政府性基金预算收入20.00万元，占20.00%。',
    );
    expect(figure(d, 'income-share:general-public')).toMatchObject({
      text: '80.00',
      decimals: 2,
      source: { table: 'T02', row: 'general-public', column: 'amount' },
      denominator: { table: 'T02', row: 'income-grand-total', column: 'amount' },
    });
    expect(figure(d, 'item:2120101')?.source).toEqual({ table: 'T05', row: '2120101', column: 'amount' });
    expect(figure(d, 'class:201')?.source).toEqual({ table: 'T01', row: 'func:201', column: 'amount' });
  });

  it('says there is no comparison, and why, for a unit with no last year', () => {
    const text = textOf(
      derive(docOf('jiangsu-province', { explanations: { noPriorYearReason: '本单位2020年成立。' } })),
    );
    expect(text).toContain('预算总计100.00万元，无2020年预算同比数，主要原因：本单位2020年成立。');
    expect(text).not.toContain('增加');
  });

  it('leaves hubei-2020 in its own wording', () => {
    expect(textOf(derive(docOf('hubei-2020')))).toContain(
      '2021年部门收支总预算100.0万元。比2020年预算80.0万元增加20.0万元，增长25.0%。',
    );
  });
});
