import { ZExplanationTexts, ZPriorYearFigures } from './budget-document.schema';

describe('last year’s figures in the budget document', () => {
  it('reads a prior year written before the new fields exactly as it was (no fields added)', () => {
    const old = { year: 2019, total: '100.00', incomeFiscal: '90.00' };
    expect(ZPriorYearFigures.parse(old)).toEqual(old);
  });

  it('holds 上年预算数 and 上年预算执行数 per 功能 项, per 类 and of the totals, amounts canonical', () => {
    const parsed = ZPriorYearFigures.parse({
      year: 2024,
      soeCapital: '0',
      executed: { incomeFiscal: '12593.29', threePublic: '1.5' },
      functionItems: { '2011301': { budget: '938', executed: '900.10' } },
      functionClasses: { '201': { budget: '2000' } },
    });
    expect(parsed.executed).toEqual({ incomeFiscal: '12593.29', threePublic: '1.50' });
    expect(parsed.functionItems).toEqual({ '2011301': { budget: '938.00', executed: '900.10' } });
    expect(parsed.functionClasses).toEqual({ '201': { budget: '2000.00' } });
    expect(parsed.soeCapital).toBe('0.00');
  });

  it('rejects a 项 key that is not 7 digits and a 类 key that is not 3, naming the field', () => {
    const item = ZPriorYearFigures.safeParse({ year: 2024, functionItems: { '20113': { budget: '1' } } });
    expect(item.success).toBe(false);
    expect(item.error?.issues[0]?.path).toEqual(['functionItems', '20113']);
    const cls = ZPriorYearFigures.safeParse({ year: 2024, functionClasses: { '2011': { budget: '1' } } });
    expect(cls.success).toBe(false);
    expect(cls.error?.issues[0]?.path).toEqual(['functionClasses', '2011']);
  });

  it('keeps change reasons per 项 and per 类, optional', () => {
    expect(ZExplanationTexts.parse({}).functionItemChangeReasons).toBeUndefined();
    const texts = ZExplanationTexts.parse({ functionItemChangeReasons: { '2011301': '人员增加' }, functionClassChangeReasons: { '201': '项目增加' } });
    expect(texts.functionItemChangeReasons).toEqual({ '2011301': '人员增加' });
    expect(texts.functionClassChangeReasons).toEqual({ '201': '项目增加' });
  });
});
