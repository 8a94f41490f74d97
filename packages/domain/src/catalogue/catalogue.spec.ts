import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../errors';
import { buildCatalogue, governmentEconomicCodeOf, lookupEntry, lookupName, type ClassificationKind } from './catalogue';
import { parseCatalogueCsv, parseEconomicMappingCsv } from './catalogue-csv';
import { CATALOGUE_EDITION_YEARS, catalogueForYear } from './catalogue-editions';

const OBSERVED_CODES = join(__dirname, '..', '..', 'fixtures', 'observed-codes');

describe('the 2020 edition holds what the seed prints', () => {
  const c2020 = catalogueForYear(2020);

  it.each([
    ['201', '一般公共服务支出', 'class', undefined],
    ['20103', '政府办公厅（室）及相关机构事务', 'section', '201'],
    ['2010350', '事业运行', 'item', '20103'],
    ['208', '社会保障和就业支出', 'class', undefined],
    ['20805', '行政事业单位养老支出', 'section', '208'],
    ['2080505', '机关事业单位基本养老保险缴费支出', 'item', '20805'],
    ['210', '卫生健康支出', 'class', undefined],
    ['21011', '行政事业单位医疗', 'section', '210'],
    ['2101102', '事业单位医疗', 'item', '21011'],
    ['2101103', '公务员医疗补助', 'item', '21011'],
    ['2101199', '其他行政事业单位医疗支出', 'item', '21011'],
    ['215', '资源勘探工业信息等支出', 'class', undefined],
    ['21505', '工业和信息产业监管', 'section', '215'],
    ['2150502', '一般行政管理事务', 'item', '21505'],
    ['221', '住房保障支出', 'class', undefined],
    ['22102', '住房改革支出', 'section', '221'],
    ['2210201', '住房公积金', 'item', '22102'],
    ['2210202', '提租补贴', 'item', '22102'],
  ])('functional %s %s (%s, parent %s)', (code, name, level, parentCode) => {
    expect(lookupEntry(c2020, 'functional', code)).toEqual({ code, name, level, ...(parentCode ? { parentCode } : {}) });
  });

  it.each([
    ['30101', '基本工资'], ['30102', '津贴补贴'], ['30107', '绩效工资'], ['30108', '机关事业单位基本养老保险缴费'],
    ['30110', '职工基本医疗保险缴费'], ['30111', '公务员医疗补助缴费'], ['30112', '其他社会保障缴费'], ['30113', '住房公积金'],
    ['30199', '其他工资福利支出'], ['30201', '办公费'], ['30202', '印刷费'], ['30205', '水费'], ['30206', '电费'],
    ['30207', '邮电费'], ['30209', '物业管理费'], ['30211', '差旅费'], ['30213', '维修（护）费'], ['30214', '租赁费'],
    ['30215', '会议费'], ['30216', '培训费'], ['30217', '公务接待费'], ['30218', '专用材料费'], ['30227', '委托业务费'],
    ['30228', '工会经费'], ['30229', '福利费'], ['30299', '其他商品和服务支出'], ['31002', '办公设备购置'],
    // the 三公 codes of 表8
    ['30212', '因公出国（境）费用'], ['30231', '公务用车运行维护费'], ['31013', '公务用车购置'],
  ])('economic %s %s under its 类', (code, name) => {
    expect(lookupEntry(c2020, 'economic', code)).toEqual({ code, name, level: 'section', parentCode: code.slice(0, 3) });
  });

  it('holds every functional 类 of 表1 and the rest of the official 2020 list', () => {
    const printed = '201 203 204 205 206 207 208 210 211 212 213 214 215 216 221 224 227 229 231 232 233';
    const others = '202 217 219 220 222 230 234';
    const classes = [...c2020.functional.values()].filter((e) => e.level === 'class').map((e) => e.code);
    expect(classes).toEqual(`${printed} ${others}`.split(' ').sort());
  });

  it('holds the complete 款 list of the economic 类 301–399', () => {
    const sections = (cls: string) => [...c2020.economic.values()].filter((e) => e.parentCode === cls).map((e) => e.code.slice(3));
    expect(sections('301')).toEqual(['01', '02', '03', '06', '07', '08', '09', '10', '11', '12', '13', '14', '99']);
    expect(sections('302')).toEqual(
      '01 02 03 04 05 06 07 08 09 11 12 13 14 15 16 17 18 24 25 26 27 28 29 31 39 40 99'.split(' '),
    );
    expect(sections('303')).toEqual('01 02 03 04 05 06 07 08 09 10 99'.split(' '));
    expect(sections('307')).toEqual(['01', '02', '03', '04']);
    expect(sections('309')).toEqual('01 02 03 05 06 07 08 13 19 21 22 99'.split(' '));
    expect(sections('310')).toEqual('01 02 03 05 06 07 08 09 10 11 12 13 19 21 22 99'.split(' '));
    expect(sections('311')).toEqual(['01', '99']);
    expect(sections('312')).toEqual(['01', '03', '04', '05', '99']);
    expect(sections('313')).toEqual(['02', '03', '04']);
    expect(sections('399')).toEqual(['06', '07', '08', '99']);
  });

  it('knows every code of the seed’s budget document, at the level a line needs', () => {
    const fixture = join(__dirname, '..', '..', 'fixtures', 'qiaokou-bigdata-2020.json');
    const doc = JSON.parse(readFileSync(fixture, 'utf8')) as { expenditureLines: { functionCode: string; economicCode: string }[] };
    const levels = doc.expenditureLines.map((l) => [c2020.functional.get(l.functionCode)?.level, c2020.economic.get(l.economicCode)?.level]);
    expect(levels.length).toBeGreaterThanOrEqual(30); // the decomposition of reading-the-seed.md
    expect(new Set(levels.map((pair) => pair.join('/')))).toEqual(new Set(['item/section']));
  });

  it('iterates in code order', () => {
    const codes = [...c2020.functional.keys()];
    expect(codes).toEqual([...codes].sort());
  });
});

describe('names by year', () => {
  it.each([
    [2018, 'functional', '20805', '行政事业单位离退休'],
    [2019, 'functional', '20805', '行政事业单位离退休'],
    [2020, 'functional', '20805', '行政事业单位养老支出'],
    [2025, 'functional', '20805', '行政事业单位养老支出'],
    [2018, 'functional', '210', '医疗卫生与计划生育支出'],
    [2019, 'functional', '210', '卫生健康支出'],
    [2018, 'functional', '207', '文化体育与传媒支出'],
    [2019, 'functional', '207', '文化旅游体育与传媒支出'],
    [2018, 'functional', '220', '国土海洋气象等支出'],
    [2019, 'functional', '220', '自然资源海洋气象等支出'],
    [2018, 'functional', '224', undefined],
    [2019, 'functional', '224', '灾害防治及应急管理支出'],
    [2021, 'functional', '20805', '行政事业单位养老支出'], // 2021 starts from 2020's codes: none printed for 2021 was seen
    [2019, 'functional', '2040410', '检察监督'], // printed by the 2019 Jiangsu 检察院 budget only
    [2020, 'functional', '2040410', undefined],
    [2018, 'functional', '2040405', '公诉、审判、侦查、执行等检察监督支出'],
    [2030, 'economic', '30217', '公务接待费'],
  ] as const)('%d %s %s is %s', (year, kind, code, name) => {
    expect(lookupName(catalogueForYear(year), kind, code)).toBe(name);
  });

  it('ships an edition of every year 2018–2026, each partial, and answers a later year with the last', () => {
    expect(CATALOGUE_EDITION_YEARS).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(CATALOGUE_EDITION_YEARS.map((y) => catalogueForYear(y).completeness)).toEqual(CATALOGUE_EDITION_YEARS.map(() => 'partial'));
    expect(catalogueForYear(2022).fiscalYear).toBe(2022);
    expect(catalogueForYear(2030).fiscalYear).toBe(2026);
  });

  it('carries the 政府预算经济分类 and the 对照表 as far as they were seen, the 部门 款 mapped to its 政府 款', () => {
    const c2024 = catalogueForYear(2024);
    expect(lookupEntry(c2024, 'government-economic', '50101')).toEqual({ code: '50101', name: '工资奖金津补贴', level: 'section', parentCode: '501' });
    expect(governmentEconomicCodeOf(c2024, '30101')).toBe('50101');
    expect(governmentEconomicCodeOf(c2024, '30106')).toBe('50199'); // 伙食补助费 → 其他工资福利支出
    expect(governmentEconomicCodeOf(c2024, '30201')).toBe('50201');
    expect(governmentEconomicCodeOf(c2024, '30301')).toBeUndefined(); // 303 was not in the part of the 对照表 that could be read
    // mock data only (50502, 51301) is not print, and their 类 505/513 were never seen
    expect(c2024.governmentEconomic.has('50502')).toBe(false);
  });

  it('refuses a year before the first edition', () => {
    expect(() => catalogueForYear(2017)).toThrow(expect.objectContaining({ code: 'CATALOGUE_YEAR_UNKNOWN' }) as DomainError);
  });
});

describe('the codes real disclosures print (fixtures/observed-codes, from shared/codes)', () => {
  const halfWidth = (name: string) => name.replace(/（/g, '(').replace(/）/g, ')');
  const observed = (file: string) =>
    readFileSync(join(OBSERVED_CODES, file), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const match = /^(\d+),[^,]+,([^,]+),("[^"]*"|[^,]*),/.exec(line);
        if (!match) throw new Error(`unreadable line: ${line}`);
        const [, code = '', name = '', years = ''] = match;
        return { code, name, years: years.replace(/"/g, '').split(',').map(Number) };
      });

  it.each([
    ['function-codes-observed.csv', 'functional', 126],
    ['economic-codes-observed.csv', 'economic', 42],
  ] as const)('%s: each code is in the edition of every year it was printed, with that name', (file, kind: ClassificationKind, count) => {
    const rows = observed(file);
    expect(rows).toHaveLength(count);
    const mismatches = rows.flatMap(({ code, name, years }) =>
      years
        .filter((year) => halfWidth(lookupName(catalogueForYear(year), kind, code) ?? '') !== halfWidth(name))
        .map((year) => `${year} ${code} ${name}`),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('parseCatalogueCsv', () => {
  const problemsOf = (text: string, kind: ClassificationKind) => {
    try {
      parseCatalogueCsv(text, kind);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CATALOGUE_INVALID');
      return (error as DomainError).details?.problems;
    }
    throw new Error('expected the CSV to be refused');
  };

  it('derives levels and parents from the codes', () => {
    const text = '\uFEFFcode,name\r\n215,资源勘探工业信息等支出\r\n21505,工业和信息产业监管\r\n2150502,"一般行政管理事务"\r\n\r\n';
    expect(parseCatalogueCsv(text, 'functional')).toEqual([
      { code: '215', name: '资源勘探工业信息等支出', level: 'class' },
      { code: '21505', name: '工业和信息产业监管', level: 'section', parentCode: '215' },
      { code: '2150502', name: '一般行政管理事务', level: 'item', parentCode: '21505' },
    ]);
  });

  it('reads a name with a comma when it is quoted, and ignores further columns', () => {
    expect(parseCatalogueCsv('code,name,说明\n399,"其他支出, 杂项",反映…\n', 'economic')).toEqual([
      { code: '399', name: '其他支出, 杂项', level: 'class' },
    ]);
  });

  it('refuses a missing header', () => {
    expect(problemsOf('201,一般公共服务支出\n', 'functional')).toEqual([expect.objectContaining({ position: 'line 1' })]);
  });

  it.each([
    ['a code of the wrong length', 'code,name\n2010,一般\n', 'line 2', 'must be 3, 5, 7 digits'],
    ['a 项 code in the economic list', 'code,name\n301,工资福利支出\n3010101,基本工资\n', 'line 3', 'must be 3, 5 digits'],
    ['letters in a code', 'code,name\n30A,工资\n', 'line 2', 'digits'],
    ['an empty name', 'code,name\n301,工资福利支出\n30101, \n', 'line 3', 'empty name'],
    ['a duplicate', 'code,name\n301,工资福利支出\n30101,基本工资\n30101,基本工资\n', 'line 4', 'twice (first at line 3)'],
    ['a missing parent', 'code,name\n301,工资福利支出\n30201,办公费\n', 'line 3', 'no parent 302'],
    ['an unclosed quote', 'code,name\n301,"工资福利支出\n', 'line 2', 'not closed'],
  ])('refuses %s with its line number', (_what, text, position, reason) => {
    const kind: ClassificationKind = text.includes('30') ? 'economic' : 'functional';
    expect(problemsOf(text, kind)).toEqual([expect.objectContaining({ position, reason: expect.stringContaining(reason) as string })]);
  });

  it('lists every problem at once, and says where in its message', () => {
    expect(() => parseCatalogueCsv('code,name\n20101,人大事务\n2020,外交\n20101,x\n', 'functional')).toThrow(
      /line 3: code "2020" must be[\s\S]*line 4: code 20101 appears twice[\s\S]*line 2: code 20101 has no parent 201/,
    );
  });
});

describe('buildCatalogue', () => {
  it('builds an uploaded edition whose names the lookups then return', () => {
    const functional = parseCatalogueCsv('code,name\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n', 'functional');
    const economic = parseCatalogueCsv('code,name\n302,商品和服务支出\n30201,办公费\n', 'economic');
    const catalogue = buildCatalogue(2027, functional, economic);
    expect(catalogue.fiscalYear).toBe(2027);
    expect(lookupName(catalogue, 'functional', '20103')).toBe('政府办公厅（室）及相关机构事务');
    expect(lookupName(catalogue, 'economic', '30201')).toBe('办公费');
    expect(lookupName(catalogue, 'economic', '20103')).toBeUndefined();
  });

  it('recomputes levels and parents and refuses an orphan', () => {
    expect(() => buildCatalogue(2027, [{ code: '20103', name: 'x', level: 'class' }], [])).toThrow(
      expect.objectContaining({ code: 'CATALOGUE_INVALID', message: expect.stringContaining('entry 1 (20103): code 20103 has no parent 201') as string }) as DomainError,
    );
  });

  it('builds a complete edition by default, with its 对照表 mapping a 部门 款 to one or several 政府 款', () => {
    const economic = parseCatalogueCsv('code,name\n301,工资福利支出\n30101,基本工资\n', 'economic');
    const government = parseCatalogueCsv('科目编码,科目名称\n501,机关工资福利支出\n50101,工资奖金津补贴\n505,对事业单位经常性补助\n50501,工资福利支出\n', 'government-economic');
    const economicMapping = parseEconomicMappingCsv('gov_code,gov_name,dept_code,dept_name\n50101,工资奖金津补贴,30101,基本工资\n50501,工资福利支出,30101,基本工资\n501,机关工资福利支出,301,工资福利支出\n');
    const catalogue = buildCatalogue(2027, [], economic, { governmentEconomic: government, economicMapping });
    expect(catalogue.completeness).toBe('complete');
    expect(catalogue.economicMapping.get('30101')).toEqual(['50101', '50501']);
    expect(governmentEconomicCodeOf(catalogue, '30101')).toBeUndefined(); // 机关 or 事业单位: the document does not say
    expect(governmentEconomicCodeOf(catalogue, '301')).toBe('501');
  });

  it('refuses a 对照表 row naming a code of neither list, or a 类 against a 款, every problem at once', () => {
    const economic = parseCatalogueCsv('code,name\n301,工资福利支出\n30101,基本工资\n', 'economic');
    const government = parseCatalogueCsv('code,name\n501,机关工资福利支出\n50101,工资奖金津补贴\n', 'government-economic');
    const mapping = [
      { departmentCode: '30101', governmentCode: '50101' },
      { departmentCode: '30102', governmentCode: '50101' },
      { departmentCode: '301', governmentCode: '50199' },
      { departmentCode: '301', governmentCode: '50101' },
    ];
    expect(() => buildCatalogue(2027, [], economic, { governmentEconomic: government, economicMapping: mapping })).toThrow(
      /entry 2 \(30102 → 50101\): 部门 economic code 30102 is not in the economic list[\s\S]*entry 3 \(301 → 50199\): 政府 economic code 50199[\s\S]*entry 4 \(301 → 50101\): 301 is a class, 50101 a section/,
    );
    expect(() => parseEconomicMappingCsv('gov,dept\n501,301\n')).toThrow(/dept_code and gov_code/);
    expect(() => parseEconomicMappingCsv('dept_code,gov_code\n3010,501\n')).toThrow(/line 2: dept_code "3010"/);
  });

  it('refuses a code of another classification in a list: a 3xx among the functional codes, a 2xx among the economic', () => {
    expect(() => parseCatalogueCsv('code,name\n301,工资福利支出\n', 'functional')).toThrow(/line 2: code 301 does not start with 2/);
    expect(() => parseCatalogueCsv('code,name\n201,一般公共服务支出\n', 'economic')).toThrow(/line 2: code 201 does not start with 3/);
    expect(parseCatalogueCsv('code,name\n501,机关工资福利支出\n', 'government-economic')).toHaveLength(1);
  });

  it('refuses a year that is not a fiscal year', () => {
    expect(() => buildCatalogue(20.5, [], [])).toThrow(expect.objectContaining({ code: 'CATALOGUE_INVALID' }) as DomainError);
  });
});
