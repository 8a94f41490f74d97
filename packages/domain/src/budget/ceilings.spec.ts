import type { Fen } from '../money/fen';
import { ceilingFiguresFromWire, ceilingFiguresOf, ceilingFiguresToWire, ceilingsToWire, compareWithCeilings, exceededCeilings, ZCeilings, type CeilingLineSum } from './ceilings';

const fen = (n: number) => n as Fen;
const sums: CeilingLineSum[] = [
  { kind: 'basic-personnel', fundSource: 'general-budget-appropriation', economicCode: '30101', fen: fen(500_000_00) },
  { kind: 'basic-public', fundSource: 'general-budget-appropriation', economicCode: '30217', fen: fen(3_000_00) }, // 公务接待
  { kind: 'basic-public', fundSource: 'general-budget-appropriation', economicCode: '30231', fen: fen(8_000_00) }, // 公务用车运行
  { kind: 'project', fundSource: 'government-fund-appropriation', economicCode: '31013', fen: fen(200_000_00) }, // 公务用车购置
  { kind: 'project', fundSource: 'business-income-other', economicCode: '30212', fen: fen(9_000_00) }, // 出国, but not 财政拨款
];

describe('ZCeilings', () => {
  it('reads whole 分 written as digits, and leaves out what was not issued', () => {
    expect(ZCeilings.parse({ total: '72000000', byFundSource: { 'general-budget-appropriation': '51100000' }, threePublic: { reception: '300000' } })).toEqual({
      total: 72_000_000,
      byFundSource: { 'general-budget-appropriation': 51_100_000 },
      threePublic: { reception: 300_000 },
    });
  });

  it.each([
    ['a JSON number', { total: 100 }],
    ['元 with decimals', { total: '100.50' }],
    ['a negative ceiling', { basic: '-1' }],
    ['leading zeros', { project: '007' }],
    ['more than a budget may hold', { total: '1000000000000001' }],
    ['an unknown fund source', { byFundSource: { lottery: '1' } }],
    ['an unknown ceiling', { capital: '1' }],
  ])('refuses %s', (_case, input) => {
    expect(ZCeilings.safeParse(input).success).toBe(false);
  });

  it('round-trips through its wire form', () => {
    const ceilings = ZCeilings.parse({ total: '0', basic: '1', byFundSource: { 'other-income': '25' }, threePublic: { total: '99' } });
    expect(ceilingsToWire(ceilings)).toEqual({ total: '0', basic: '1', byFundSource: { 'other-income': '25' }, threePublic: { total: '99' } });
    expect(ZCeilings.parse(ceilingsToWire(ceilings))).toEqual(ceilings);
  });
});

describe('ceilingFiguresOf', () => {
  it('splits basic and project, sums by fund source, and counts only the fiscal 三公', () => {
    expect(ceilingFiguresOf(sums)).toEqual({
      total: 720_000_00,
      basic: 511_000_00,
      project: 209_000_00,
      byFundSource: { 'general-budget-appropriation': 511_000_00, 'government-fund-appropriation': 200_000_00, 'business-income-other': 9_000_00 },
      threePublic: { total: 211_000_00, overseasTravel: 0, reception: 3_000_00, vehicles: 208_000_00 },
    });
  });
});

describe('the figures as they are stored', () => {
  it('are digits of 分 that read back to the same figures, to the 分', () => {
    // A budget at the 10 trillion 元 bound, to the 分.
    const figures = { ...ceilingFiguresOf(sums), total: fen(1_000_000_000_000_000) };
    const wire = ceilingFiguresToWire(figures);
    expect(wire).toEqual({
      total: '1000000000000000',
      basic: '51100000',
      project: '20900000',
      byFundSource: { 'general-budget-appropriation': '51100000', 'government-fund-appropriation': '20000000', 'business-income-other': '900000' },
      threePublic: { total: '21100000', overseasTravel: '0', reception: '300000', vehicles: '20800000' },
    });
    expect(ceilingFiguresFromWire(JSON.parse(JSON.stringify(wire)))).toEqual(figures);
  });
});

describe('the ceilings against the figures', () => {
  const figures = ceilingFiguresOf(sums);

  it('gives each issued ceiling with the room left, in the listed order', () => {
    const ceilings = ZCeilings.parse({ threePublic: { reception: '300000' }, project: '20000000', total: '80000000' });
    expect(compareWithCeilings(figures, ceilings)).toEqual([
      { ceiling: 'total', name: '支出总额', ceilingFen: 800_000_00, amountFen: 720_000_00, roomFen: 80_000_00 },
      { ceiling: 'project', name: '项目支出', ceilingFen: 200_000_00, amountFen: 209_000_00, roomFen: -9_000_00 },
      { ceiling: 'threePublic.reception', name: '公务接待费', ceilingFen: 3_000_00, amountFen: 3_000_00, roomFen: 0 },
    ]);
  });

  it('names each exceeded ceiling, its amount, the budget’s and the excess; exactly at the ceiling is within it', () => {
    const ceilings = ZCeilings.parse({
      total: '72000000',
      basic: '51000000',
      byFundSource: { 'government-fund-appropriation': '19999999', 'soe-capital-appropriation': '0' },
      threePublic: { total: '21100000', vehicles: '20000000' },
    });
    expect(exceededCeilings(figures, ceilings)).toEqual([
      { ceiling: 'basic', name: '基本支出', ceilingFen: 510_000_00, amountFen: 511_000_00, excessFen: 1_000_00 },
      { ceiling: 'fundSource.government-fund-appropriation', name: '政府性基金财政拨款', ceilingFen: 19_999_999, amountFen: 200_000_00, excessFen: 1 },
      { ceiling: 'threePublic.vehicles', name: '公务用车购置及运行维护费', ceilingFen: 200_000_00, amountFen: 208_000_00, excessFen: 8_000_00 },
    ]);
  });

  it('finds nothing exceeded when no ceiling was issued', () => {
    expect(exceededCeilings(figures, ZCeilings.parse({}))).toEqual([]);
  });
});
