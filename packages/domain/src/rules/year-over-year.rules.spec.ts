import type { TBudgetDocumentInput } from '../budget/budget-document.schema';
import { ZDisclosure, type TDisclosure } from '../disclosure/disclosure.schema';
import { derive, testDocument } from '../derive/test-document';
import { checkYearOverYear } from './year-over-year.rules';

/** A disclosure transcribed from print: Part 3 is its paragraphs' text only. */
function printed(paragraphs: string[], template = 'hubei-2020', fiscalYear = 2021): TDisclosure {
  return ZDisclosure.parse({
    schemaVersion: 2,
    meta: {
      departmentCode: '1',
      departmentName: '某局',
      fiscalYear,
      template,
      amountPrecision: 'display-rounded',
    },
    overview: { functions: [], units: [], staffing: { authorized: 0, actual: 0, retired: 0 } },
    tables: [],
    explanations: [
      { key: 'overall', title: '一、收支预算总体情况说明', paragraphs: paragraphs.map((text) => ({ text })) },
    ],
    glossary: [],
  });
}
const findings = (text: string, template?: string) => checkYearOverYear(printed([text], template));
const ids = (text: string, template?: string) => findings(text, template).map((f) => f.ruleId);

describe('year-over-year rules', () => {
  describe('YOY.RATE: rate = change ÷ base within what the rounded figures allow', () => {
    // 5.0 ÷ 20.0 printed to one decimal each: the exact change lies in [4.95, 5.05] and the base in
    // [19.95, 20.05], so the rate lies in [24.6883%, 25.3133%].
    const claim = (rate: string) => `支出25.0万元，比2020年预算20.0万元增加5.0万元，增长${rate}%。`;
    it('accepts a rate just within the interval on either side', () => {
      expect(ids(claim('24.69'))).toEqual([]);
      expect(ids(claim('25.31'))).toEqual([]);
      expect(ids(claim('25.00'))).toEqual([]);
    });
    it('reports a rate just outside it, with the expected rate and the interval', () => {
      expect(ids(claim('24.68'))).toEqual(['YOY.RATE']);
      expect(ids(claim('25.32'))).toEqual(['YOY.RATE']);
      const [finding] = findings(claim('25.32'));
      expect(finding).toMatchObject({
        expected: '25.00',
        actual: '25.32',
        location: { kind: 'text', section: 'overall/paragraph-1' },
      });
      expect(finding?.message.zh).toContain(
        '5.0 ÷ 20.0 = 25.00%（可在 24.6883% 至 25.3133% 之间），印为 25.32%',
      );
    });
    it('computes the base as current − change where the sentence prints none (Jiangsu), and current + change for a fall', () => {
      // 9.46% of 13907.78 − 1201.5 = 12706.28 is right; 9.50% is not.
      expect(ids('支出13907.78万元，与上年相比增加1201.5万元，增长9.46%。')).toEqual([]);
      expect(ids('支出13907.78万元，与上年相比增加1201.5万元，增长9.50%。')).toEqual(['YOY.RATE']);
      // 729 + 81 = 810, 81 ÷ 810 = 10%.
      expect(ids('支出729万元，与上年相比减少81万元，减少10%。')).toEqual([]);
      expect(ids('支出729万元，与上年相比减少81万元，减少11.1%。')).toEqual(['YOY.RATE']);
    });
    it('checks a rate stated without a change amount against current and base', () => {
      expect(ids('支出110.0万元，比2020年预算100.0万元，同比增长10.0%。')).toEqual([]);
      expect(ids('支出110.0万元，同比增长10.0%。')).toEqual([]); // nothing to check it against
    });
  });

  describe('YOY.CHANGE: change = current − base within half a unit of each printed figure', () => {
    // 100.0 − 80.0 printed to one decimal, the change to two: |diff − change| may be 0.05 + 0.05 + 0.005.
    const claim = (change: string) => `支出100.0万元，比2020年预算80.0万元增加${change}万元。`;
    it('accepts a change just within the rounding on either side', () => {
      expect(ids(claim('20.10'))).toEqual([]);
      expect(ids(claim('19.90'))).toEqual([]);
    });
    it('reports a change just outside it, naming the expected change', () => {
      expect(ids(claim('20.11'))).toEqual(['YOY.CHANGE']);
      expect(ids(claim('19.89'))).toEqual(['YOY.CHANGE']);
      expect(findings(claim('20.11'))[0]).toMatchObject({ expected: '20.00', actual: '20.11' });
    });
  });

  describe('YOY.DIRECTION: the word matches the sign', () => {
    it('reports 减少 where the figure rose, naming 增加', () => {
      const [finding] = findings('支出100.0万元，比2020年预算80.0万元减少20.0万元。');
      expect(finding).toMatchObject({ ruleId: 'YOY.DIRECTION', expected: '增加', actual: '减少' });
    });
    it('allows the word where the rounded figures leave the sign open, not beyond', () => {
      // 80.0 against 80.1: the exact difference is in [−0.2, 0.0].
      expect(ids('支出80.0万元，比2020年预算80.1万元增加0.1万元。')).toEqual([]);
      expect(ids('支出80.0万元，比2020年预算80.2万元增加0.2万元。')).toEqual(['YOY.DIRECTION']);
    });
    it('reports 持平 of figures that differ beyond rounding, not of equal ones, nor 增加 of a change that rounds to zero', () => {
      expect(findings('支出100.0万元，与2020年预算80.0万元持平。')[0]).toMatchObject({
        ruleId: 'YOY.DIRECTION',
        expected: '增加',
      });
      expect(ids('支出100.0万元，与2020年预算100.0万元持平。')).toEqual([]);
      expect(ids('支出100.0万元，比2020年预算100.0万元增加0.0万元，增长0.0%。')).toEqual([]);
    });
    it('reports the template’s placeholder 增加（减少） left in print', () => {
      expect(findings('政府性基金收入预算0万元，与上年相比增加（减少）0万元。')[0]).toMatchObject({
        ruleId: 'YOY.DIRECTION',
        expected: '持平',
        actual: '增加（减少）',
      });
    });
    it('reports a rate whose word contradicts the amount’s', () => {
      expect(findings('支出1121.39万元，与上年相比增加52.61万元，下降4.92%。')[0]).toMatchObject({
        ruleId: 'YOY.DIRECTION',
        expected: '增长',
        actual: '下降',
      });
    });
  });

  describe('YOY.ZERO_BASE: no rate on a zero base', () => {
    it('reports a rate against a printed or implied zero', () => {
      expect(ids('支出5.0万元，比2020年预算0.0万元增加5.0万元，增长100.0%。')).toEqual(['YOY.ZERO_BASE']);
      expect(ids('支出5万元，与上年相比增加5万元，增长100%。')).toEqual(['YOY.ZERO_BASE']);
      expect(ids('政府性基金收入预算0万元，与上年相比增加（减少）0万元，增长（减少）0%。')).toEqual([
        'YOY.DIRECTION',
        'YOY.ZERO_BASE',
      ]);
    });
    it('is silent where no rate is stated, or the base is not zero', () => {
      expect(ids('支出5万元，与上年相比增加5万元。')).toEqual([]);
      expect(ids('支出5万元，与上年相比增加4万元，增长400%。')).toEqual([]);
    });
  });

  describe('YOY.IMPOSSIBLE: no decrease larger than last year, no negative base', () => {
    it('reports an increase larger than this year’s figure just beyond rounding, not within', () => {
      expect(ids('支出5.0万元，比上年增加5.1万元。')).toEqual([]);
      const [finding] = findings('支出5.0万元，比上年增加5.2万元。');
      expect(finding).toMatchObject({ ruleId: 'YOY.IMPOSSIBLE', expected: '-0.2' });
    });
    it('reports a decrease larger than the printed base', () => {
      expect(ids('比上年预算50.0万元减少60.0万元。')).toEqual(['YOY.IMPOSSIBLE']);
      expect(ids('比上年预算50.0万元减少50.0万元。')).toEqual([]);
    });
  });

  describe('YOY.YEAR and YOY.BASE_KIND: what is compared with', () => {
    it('requires the year before the fiscal year; 上年 means it', () => {
      expect(findings('支出5万元，比2019年预算执行数增加1万元。', 'shanghai-district')[0]).toMatchObject({
        ruleId: 'YOY.YEAR',
        expected: '2020',
        actual: '2019',
      });
      expect(ids('支出5万元，比2020年预算执行数增加1万元。', 'shanghai-district')).toEqual([]);
      expect(ids('支出5万元，比上年增加1万元。')).toEqual([]);
    });
    it('warns where the base is not the template’s (Shanghai compares with 预算执行数)', () => {
      const [finding] = findings(
        '支出37,151.47万元，比2024年预算增加24,491.71万元。'.replace('2024', '2020'),
        'shanghai-district',
      );
      expect(finding).toMatchObject({
        ruleId: 'YOY.BASE_KIND',
        severity: 'warning',
        expected: '预算执行数',
        actual: '预算数',
      });
      expect(ids('支出5万元，比2020年预算增加1万元。', 'jiangsu-province')).toEqual([]);
    });
  });

  describe('on derived disclosures', () => {
    const lines: Parameters<typeof testDocument>[0] = [
      ['100001', '2010301', '30101', 'basic-personnel', 'general-budget-appropriation', '600000.00'],
      ['100001', '2010301', '30201', 'basic-public', 'general-budget-appropriation', '150000.00'],
      ['100001', '2120101', '31002', 'project', 'government-fund-appropriation', '250000.00', 'P1'],
    ];
    const prior: NonNullable<TBudgetDocumentInput['priorYears']>[number] = {
      year: 2020,
      total: '800000',
      incomeFiscal: '1000000',
      generalPublicBudget: '0',
      threePublic: '10000',
      operatingCosts: '123456.78',
      executed: {
        incomeFiscal: '333333.33',
        fiscalExpenditure: '1000000',
        generalPublicBudget: '0',
        governmentFund: '270000',
      },
      functionItems: {
        '2010301': { budget: '700000', executed: '760000.01' },
        '2120101': { budget: '250000', executed: '1' },
      },
      functionClasses: { '201': { budget: '777777.77' }, '212': { budget: '0' } },
    };
    it.each(['hubei-2020', 'shanghai-district', 'jiangsu-province'])(
      'finds its own %s comparisons right',
      (template) => {
        const doc = testDocument(
          lines,
          [
            ['general-budget-appropriation', '750000.00'],
            ['government-fund-appropriation', '250000.00'],
          ],
          { template, priorYears: [prior] },
        );
        const disclosure = derive(doc);
        const claims = disclosure.explanations
          .flatMap((s) => s.paragraphs)
          .filter((p) => /比2020年|与2020年/.test(p.text));
        expect(claims.length).toBeGreaterThan(2);
        expect(checkYearOverYear(disclosure)).toEqual([]);
      },
    );
  });
});
