import { buildCatalogue, catalogueForYear } from '../catalogue';
import { EXPENDITURE_KINDS } from './budget-document.schema';
import {
  kindText,
  readAmountCell,
  readChoiceCell,
  readCodeCell,
  readCountCell,
  readFunctionKeyCell,
  readFundSourceCell,
  readKindCell,
} from './line-cell-text';

const shipped = catalogueForYear(2021);
const complete = buildCatalogue(
  2021,
  [
    { code: '201', name: '一般公共服务支出', level: 'class' },
    { code: '20103', name: '政府办公厅（室）及相关机构事务', level: 'section' },
    { code: '2010350', name: '事业运行', level: 'item' },
  ],
  [
    { code: '301', name: '工资福利支出', level: 'class' },
    { code: '30101', name: '基本工资', level: 'section' },
  ],
);

describe('a pasted classification code', () => {
  it.each([
    ['2010350', '2010350'],
    ['2010350 事业运行', '2010350'],
    ['[2010350]事业运行', '2010350'],
    ['２０１０３５０\u3000事业运行', '2010350'],
    ['  2010350  ', '2010350'],
  ])('reads %j as the code', (text, code) => {
    expect(readCodeCell(shipped, 'functional', text)).toEqual({ ok: true, value: code });
  });

  it('resolves a name that one code carries, through the catalogue in force', () => {
    expect(readCodeCell(shipped, 'economic', '基本工资')).toEqual({ ok: true, value: '30101' });
    expect(readCodeCell(complete, 'functional', '事业运行')).toEqual({ ok: true, value: '2010350' });
  });

  it('refuses a name several codes carry, naming the candidates', () => {
    const reading = readCodeCell(shipped, 'functional', '事业运行');
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.reason).toContain('对应多个功能科目');
    expect(reading.reason).toContain('2010350 事业运行');
    expect(reading.reason).toContain('2011350 事业运行');
  });

  it.each([
    ['没有的科目', '目录中没有名为「没有的科目」的功能科目'],
    ['20103', '须写到项级'],
    ['30101', '另一套分类'],
    ['2010350 行政运行', '在目录中是「事业运行」'],
    ['12345678', '不是功能科目编码'],
  ])('refuses %j with a reason in Chinese', (text, reason) => {
    const reading = readCodeCell(shipped, 'functional', text);
    expect(reading).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('accepts a code a partial edition lacks under a parent it has, and refuses it in a complete one', () => {
    expect(readCodeCell(shipped, 'functional', '2010398')).toEqual({ ok: true, value: '2010398' });
    expect(readCodeCell(complete, 'functional', '2010398')).toEqual({
      ok: false,
      reason: '目录中没有功能科目 2010398',
    });
  });
});

describe('a pasted amount', () => {
  it.each([
    ['1,234.50', '1234.50'],
    ['1234.5', '1234.50'],
    ['  12,345,678 ', '12345678.00'],
    ['￥1,234.50', '1234.50'],
    ['800元', '800.00'],
    ['0', '0.00'],
  ])('reads %j as %j', (text, yuan) => {
    expect(readAmountCell(text)).toEqual({ ok: true, value: yuan });
  });

  it.each([
    ['12.345', '最多两位小数'],
    ['1e5', '科学计数法'],
    ['-3', '不能为负数'],
    ['一千', '不是金额'],
    ['12,34', '不是金额'],
    ['', '金额为空'],
  ])('refuses %j: %s', (text, reason) => {
    expect(readAmountCell(text)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});

describe('a pasted 支出类型 and 资金来源', () => {
  it.each([
    ['人员经费', 'basic-personnel'],
    ['基本支出-人员经费', 'basic-personnel'],
    ['公用经费', 'basic-public'],
    ['日常公用经费', 'basic-public'],
    ['项目', 'project'],
    ['项目支出', 'project'],
    ['basic-public', 'basic-public'],
  ])('reads %j as %s', (text, kind) => {
    expect(readKindCell(text)).toEqual({ ok: true, value: kind });
  });

  it('refuses another 支出类型, saying which are allowed', () => {
    expect(readKindCell('其他')).toEqual({
      ok: false,
      reason: expect.stringContaining('人员经费、公用经费 或 项目'),
    });
  });

  it.each([
    ['经费拨款（补助）', 'general-budget-appropriation'],
    ['经费拨款', 'general-budget-appropriation'],
    ['1.经费拨款（补助）', 'general-budget-appropriation'],
    ['政府性基金财政拨款', 'government-fund-appropriation'],
    ['other-income', 'other-income'],
  ])('reads the fund source %j', (text, source) => {
    expect(readFundSourceCell(text)).toEqual({ ok: true, value: source });
  });

  it('refuses an unknown fund source', () => {
    expect(readFundSourceCell('天上掉的')).toEqual({ ok: false, reason: '没有名为「天上掉的」的资金来源' });
  });
});

describe('a pasted unit or project', () => {
  const units = [
    { value: '001', name: '本级' },
    { value: '002', name: '信息中心' },
    { value: '003', name: '信息中心' },
  ];
  it('reads a code, a unique name, or code and name', () => {
    expect(readChoiceCell('002', units, '单位')).toEqual({ ok: true, value: '002' });
    expect(readChoiceCell('本级', units, '单位')).toEqual({ ok: true, value: '001' });
    expect(readChoiceCell('003 信息中心', units, '单位')).toEqual({ ok: true, value: '003' });
  });
  it('refuses a name two carry, and one nobody does', () => {
    expect(readChoiceCell('信息中心', units, '单位')).toEqual({
      ok: false,
      reason: '有多个单位名为「信息中心」，请写编码',
    });
    expect(readChoiceCell('别处', units, '单位')).toEqual({ ok: false, reason: '没有单位「别处」' });
  });
});

describe('a 支出类型 written out', () => {
  it('is the name a preparer writes, and reads back as the same kind', () => {
    expect(EXPENDITURE_KINDS.map(kindText)).toEqual(['人员经费', '公用经费', '项目']);
    for (const kind of EXPENDITURE_KINDS) expect(readKindCell(kindText(kind))).toEqual({ ok: true, value: kind });
  });
});

describe('a count of people or a year', () => {
  it.each([
    ['18', '18'],
    ['２０１９', '2019'],
    ['1,200', '1200'],
    ['007', '7'],
  ])('reads %j as %j', (text, count) => {
    expect(readCountCell(text)).toEqual({ ok: true, value: count });
  });
  it.each(['-1', '12.5', '十二', ''])('refuses %j', (text) => {
    expect(readCountCell(text)).toEqual({ ok: false, reason: expect.stringContaining('须为不小于 0 的整数') });
  });
});

describe('a 功能 code keying a figure or a text', () => {
  it.each([
    ['201', '201'],
    ['2011301 财政事务', '2011301'],
    ['[2011301]已撤销的科目', '2011301'],
    ['２０１', '201'],
  ])('reads %j as %j, whatever the name', (text, code) => {
    expect(readFunctionKeyCell(text)).toEqual({ ok: true, value: code });
  });
  it.each(['20113', '财政事务', '30101x'])('refuses %j, which is neither a 类 nor a 项', (text) => {
    expect(readFunctionKeyCell(text)).toEqual({ ok: false, reason: expect.stringContaining('功能科目须为类级（3 位）或项级（7 位）编码') });
  });
});
