import type { TExpenditureLine } from '../budget/budget-document.schema';
import { FUND_SOURCE_KEYS, FUND_SOURCES } from '../budget/fund-source';
import { breakdownDepth, breakdownFacts, drillDown, type TBreakdownData } from './breakdown';
import { compareDepartments, compareYears, yearOnYear } from './compare';
import { disclosureDigest, type TDisclosureDigest } from './summary';

const line = (id: string, unitCode: string, functionCode: string, economicCode: string, kind: TExpenditureLine['kind'], amount: string): TExpenditureLine => ({
  id,
  unitCode,
  functionCode,
  economicCode,
  kind,
  fundSource: kind === 'project' ? 'government-fund-appropriation' : 'general-budget-appropriation',
  amount,
  ...(kind === 'project' ? { projectId: 'P1' } : {}),
});

const lines = [
  line('L1', '001', '2010350', '30101', 'basic-personnel', '100.10'),
  line('L2', '001', '2010350', '30101', 'basic-personnel', '0.20'), // same cell as L1: summed into one fact
  line('L3', '002', '2010350', '30201', 'basic-public', '50.00'),
  line('L4', '001', '2010399', '31002', 'project', '30.00'),
  line('L5', '002', '2080505', '30108', 'basic-personnel', '200.00'),
];
const data: TBreakdownData = {
  facts: breakdownFacts(lines),
  names: {
    functional: { '201': '一般公共服务支出', '20103': '政府办公厅（室）及相关机构事务', '2010350': '事业运行', '2010399': '其他政府办公厅（室）及相关机构事务支出', '208': '社会保障和就业支出', '20805': '行政事业单位养老支出', '2080505': '机关事业单位基本养老保险缴费支出' },
    economic: { '301': '工资福利支出', '30101': '基本工资', '302': '商品和服务支出', '30201': '办公费', '30108': '机关事业单位基本养老保险缴费', '310': '资本性支出', '31002': '办公设备购置' },
    units: { '001': '本级', '002': '二级单位' },
  },
};

describe('the drill-down', () => {
  it('sums lines of the same unit, codes, kind and source into one fact, exactly', () => {
    expect(data.facts).toHaveLength(4);
    expect(data.facts.find((f) => f.economicCode === '30101')?.amount).toBe('100.30');
  });

  it('opens on the 类, then a 类 on its 款, a 款 on its 项, a 项 on its units, a unit on the basic/project split', () => {
    const top = drillDown(data, 'function', []);
    expect(top.rowLevel).toBe('类');
    expect(top.rows.map((r) => [r.code, r.total])).toEqual([['201', '180.30'], ['208', '200.00']]);
    expect(top.total).toEqual({ total: '380.30', basic: '350.30', project: '30.00' });

    expect(drillDown(data, 'function', ['201']).rows.map((r) => [r.code, r.name, r.total])).toEqual([['20103', '政府办公厅（室）及相关机构事务', '180.30']]);
    const items = drillDown(data, 'function', ['201', '20103']);
    expect(items.rowLevel).toBe('项');
    expect(items.rows.map((r) => [r.code, r.total, r.basic, r.project])).toEqual([['2010350', '150.30', '150.30', '0.00'], ['2010399', '30.00', '0.00', '30.00']]);
    const units = drillDown(data, 'function', ['201', '20103', '2010350']);
    expect(units.rowLevel).toBe('单位');
    expect(units.rows.map((r) => [r.name, r.total])).toEqual([['本级', '100.30'], ['二级单位', '50.00']]);
    const bottom = drillDown(data, 'function', ['201', '20103', '2010350', '001']);
    expect(bottom.rowLevel).toBeUndefined();
    expect(bottom.path.map((s) => `${s.level}:${s.name}`)).toEqual(['类:一般公共服务支出', '款:政府办公厅（室）及相关机构事务', '项:事业运行', '单位:本级']);
    expect(bottom.rows.map((r) => [r.name, r.total])).toEqual([['基本支出', '100.30']]);
    expect(breakdownDepth('function')).toBe(4);
  });

  it('switches to the economic class, the unit and the fund source', () => {
    expect(drillDown(data, 'economic', []).rows.map((r) => [r.code, r.total])).toEqual([['301', '300.30'], ['302', '50.00'], ['310', '30.00']]);
    expect(drillDown(data, 'economic', ['301']).rows.map((r) => r.name)).toEqual(['基本工资', '机关事业单位基本养老保险缴费']);
    expect(drillDown(data, 'unit', ['002']).rows.map((r) => [r.code, r.total])).toEqual([['201', '50.00'], ['208', '200.00']]);
    expect(drillDown(data, 'fund-source', []).rows.map((r) => [r.name, r.total])).toEqual([['经费拨款（补助）', '350.30'], ['政府性基金财政拨款', '30.00']]);
  });

  it('names a fund source by a short key, shows no code for it, and still opens links naming its id', () => {
    const sources = drillDown(data, 'fund-source', []);
    expect(sources.rowCodes).toBe(false);
    expect(sources.rows.map((r) => [r.code, r.name])).toEqual([['1', '经费拨款（补助）'], ['5', '政府性基金财政拨款']]);
    expect(drillDown(data, 'function', []).rowCodes).toBe(true);
    const keyed = drillDown(data, 'fund-source', ['1']);
    expect(keyed.path).toEqual([{ code: '1', name: '经费拨款（补助）', level: '资金来源' }]);
    // A link shared before the keys: the same view, and its path in the key from now on.
    const old = drillDown(data, 'fund-source', ['general-budget-appropriation', '201']);
    expect(old.path.map((s) => s.code)).toEqual(['1', '201']);
    expect(old.rows).toEqual(drillDown(data, 'fund-source', ['1', '201']).rows);
    expect(new Set(Object.values(FUND_SOURCE_KEYS)).size).toBe(FUND_SOURCES.length);
  });

  it('stops a stale or made-up path where it breaks, instead of showing nothing', () => {
    const view = drillDown(data, 'function', ['201', '99999', '2010350']);
    expect(view.path.map((s) => s.code)).toEqual(['201']);
    expect(view.rowLevel).toBe('款');
    expect(drillDown(data, 'function', ['201', '20103', '2010350', '001', 'extra']).path).toHaveLength(4);
  });
});

const digestOf = (total: string, functionClasses: TDisclosureDigest['functionClasses'] = [], lastYear: TDisclosureDigest['lastYear'] = null, changeReason = ''): TDisclosureDigest => ({
  total,
  basic: total,
  project: '0.00',
  lastYear,
  change: null,
  changeReason,
  functionClasses,
});

describe('the digest', () => {
  it('gives the total, its change on last year in 元 and percent, the reason, and the 类 largest first', () => {
    const digest = disclosureDigest({ fiscalYear: 2020, priorYears: [{ year: 2019, total: '400.00' }], explanations: { totalChangeReason: '人员减少' } as never }, data);
    expect(digest).toMatchObject({ total: '380.30', lastYear: { year: 2019, total: '400.00' }, change: { amount: '-19.70', percent: '-4.9' }, changeReason: '人员减少' });
    expect(digest.functionClasses.map((c) => c.code)).toEqual(['208', '201']);
  });

  it('has no change without last year’s total', () => {
    const digest = disclosureDigest({ fiscalYear: 2020, priorYears: [{ year: 2018, total: '1.00' }], explanations: { totalChangeReason: '' } as never }, data);
    expect(digest.lastYear).toBeNull();
    expect(digest.change).toBeNull();
  });
});

describe('the comparisons', () => {
  it('lists each year with its change on the year before: as published, else as the budget states its 上年', () => {
    const years = compareYears([
      { fiscalYear: 2021, digest: digestOf('120.00', [], null, '新增项目') },
      { fiscalYear: 2020, digest: digestOf('100.00', [], { year: 2019, total: '80.00' }) },
      { fiscalYear: 2022, digest: digestOf('90.00', [], { year: 2021, total: '150.00' }) },
    ]);
    expect(years.map((y) => [y.fiscalYear, y.previous, y.change, y.reason])).toEqual([
      // 2019 is not published: the 上年预算数 the 2020 budget states
      [2020, { total: '80.00', stated: true }, { amount: '20.00', percent: '25.0' }, ''],
      [2021, { total: '100.00', stated: false }, { amount: '20.00', percent: '20.0' }, '新增项目'],
      // 2021 is published: its 120.00 as published, not the 150.00 the 2022 budget states
      [2022, { total: '120.00', stated: false }, { amount: '-30.00', percent: '-25.0' }, ''],
    ]);
  });

  it('compares a year with last year as published now, whichever was published first', () => {
    const thisYear = digestOf('120.00');
    // published before last year was: nothing to compare with yet
    expect(yearOnYear(2021, thisYear, undefined)).toEqual({ lastYear: null, change: null });
    // last year published (or corrected) since: its figures as they stand
    expect(yearOnYear(2021, thisYear, digestOf('100.00'))).toEqual({ lastYear: { year: 2020, total: '100.00', stated: false }, change: { amount: '20.00', percent: '20.0' } });
    expect(yearOnYear(2021, thisYear, digestOf('0.00'))).toEqual({ lastYear: { year: 2020, total: '0.00', stated: false }, change: { amount: '120.00', percent: null } });
  });

  it('puts departments side by side on the union of their 类, zero where one spends nothing', () => {
    const side = compareDepartments([
      { code: 'A', name: '甲', digest: digestOf('10.00', [{ code: '208', name: '社会保障和就业支出', amount: '10.00' }]) },
      { code: 'B', name: '乙', digest: digestOf('5.00', [{ code: '201', name: '一般公共服务支出', amount: '5.00' }]) },
    ]);
    expect(side.classes.map((c) => c.code)).toEqual(['201', '208']);
    expect(side.departments.map((d) => d.amounts)).toEqual([['0.00', '10.00'], ['5.00', '0.00']]);
  });
});
