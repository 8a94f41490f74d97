import type { TBudgetDocumentInput } from '../budget/budget-document.schema';
import { validateBudget } from '../rules/validate-budget';
import { derive, testDocument } from './test-document';

const lines: Parameters<typeof testDocument>[0] = [
  ['100001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', '600000.00'],
  ['100001', '2010101', '30201', 'basic-public', 'general-budget-appropriation', '150000.00'],
  ['100001', '2120101', '31002', 'project', 'general-budget-appropriation', '50000.00', 'P1'],
  ['100001', '2120101', '30227', 'project', 'government-fund-appropriation', '200000.00', 'P1'],
];
const income: Parameters<typeof testDocument>[1] = [
  ['general-budget-appropriation', '800000.00'],
  ['government-fund-appropriation', '200000.00'],
];
const project: NonNullable<TBudgetDocumentInput['projects']>[number] = {
  id: 'P1',
  name: '城管信息化项目',
  unitCode: '100001',
  details: [
    { economicCode: '31002', amount: '50000.00' },
    { economicCode: '30227', amount: '200000.00' },
  ],
  procurement: [
    { item: '计算机', category: 'goods', amount: '50000.00' },
    { item: '系统运维', category: 'services', amount: '150000.00' },
    { item: '机房改造', category: 'works', amount: '50000.00' },
  ],
  indicators: [{ level1: '产出指标', level2: '数量指标', name: '终端数', target: '50台' }],
};

const texts = (doc: ReturnType<typeof testDocument>) =>
  derive(doc)
    .explanations.map((s) => s.paragraphs.map((p) => p.text).join('\n'))
    .join('\n');
const figures = (doc: ReturnType<typeof testDocument>) =>
  Object.fromEntries(
    derive(doc).explanations.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.figures.map((f) => [f.key, f.text])),
    ),
  );

describe('Part 3 explanations', () => {
  const withPrior = testDocument(lines, income, {
    projects: [project],
    priorYears: [
      {
        year: 2020,
        total: '800000.00',
        generalPublicBudget: '900000.00',
        threePublic: '0.00',
        operatingCosts: '100000.00',
      },
    ],
    explanations: { totalChangeReason: '主要是新增城管信息化项目。' },
  });

  it('compares with last year’s budget when it is known, with the typed reason after it', () => {
    expect(texts(withPrior)).toContain(
      '2021年部门收支总预算100.0万元。比2020年预算80.0万元增加20.0万元，增长25.0%。主要是新增城管信息化项目。',
    );
    expect(texts(withPrior)).toContain(
      '2021年一般公共预算支出预算数为80.0万元。比2020年预算90.0万元减少10.0万元，下降11.1%。',
    );
  });

  it('states government-fund money, shares of every functional 类 and procurement by goods, services and works', () => {
    const text = texts(withPrior);
    expect(text).toContain(
      '收入包括：一般公共预算财政拨款本年收入80.0万元、政府性基金预算财政拨款本年收入20.0万元。',
    );
    expect(text).toContain('财政拨款用于以下方面：一般公共服务支出占75.0%，城乡社区支出占25.0%。');
    expect(text).toContain('2021年政府性基金预算支出20.0万元。');
    expect(text).toContain('包括：货物类5.0万元，服务类15.0万元，工程类5.0万元。');
    expect(figures(withPrior)).toMatchObject({
      'operating-costs': '15.0',
      'new-assets': '5.0',
      'targeted-projects': '1',
      'targeted-funds': '5.0',
      'procurement-total': '25.0',
    });
  });

  it('gives the reason instead of a comparison for a unit without a prior-year budget', () => {
    const founded = testDocument(lines, income, {
      explanations: { noPriorYearReason: '本单位为新设立机构。' },
    });
    expect(texts(founded)).toContain('无2020年预算同比数，主要原因：本单位为新设立机构。');
    expect(texts(founded)).not.toContain('比2020年预算');
  });

  it('states 表4’s general-public income, not the general-public spending, when last year’s carryover pays part of it', () => {
    const carried = testDocument(lines, [
      ['general-budget-appropriation', '700000.00'],
      ['government-fund-appropriation', '200000.00'],
      ['carryover-fiscal', '100000.00'],
    ]);
    expect(texts(carried)).toContain(
      '收入包括：一般公共预算财政拨款本年收入70.0万元、政府性基金预算财政拨款本年收入20.0万元、上年财政拨款结余（转）10.0万元。',
    );
    expect(texts(carried)).toContain('2021年一般公共预算支出预算数为80.0万元。');
    const t4 = derive(carried).tables.find((t) => t.id === 'T4');
    expect(t4?.rows.find((r) => r.key === 'general-public')?.cells).toMatchObject({ amount: '700000.00' });
    const findings = validateBudget(carried);
    expect(findings.filter((f) => f.ruleId.startsWith('TEXT.'))).toEqual([]);
    // the income that does not match the spending per source is reported once, as such
    expect(findings.map((f) => f.ruleId)).toContain('BUDGET.FUND_SOURCE_BALANCED');
  });
});
