import { readCeilingsTable } from './ceilings-table';

describe('readCeilingsTable', () => {
  it('reads one row per department, amounts in 元 to 分, blank cells issuing nothing', () => {
    const csv = '\uFEFF部门编码,部门名称,支出总额,基本支出,项目支出,经费拨款（补助）,公务接待费\r\n019001,大数据中心,"1,250,000.00",800000,,1000000,3000.5\r\n019002,示例单位,500000,,,,\r\n';
    expect(readCeilingsTable(csv)).toEqual({
      rows: [
        {
          position: 'line 2',
          departmentCode: '019001',
          ceilings: { total: 125_000_000, basic: 80_000_000, byFundSource: { 'general-budget-appropriation': 100_000_000 }, threePublic: { reception: 300_050 } },
        },
        { position: 'line 3', departmentCode: '019002', ceilings: { total: 50_000_000, byFundSource: {}, threePublic: {} } },
      ],
      problems: [],
    });
  });

  it('names each bad cell with its line and column, and a department listed twice', () => {
    const csv = 'department,total,basic\n019001,12.345,-5\n019001,1e5,\n';
    expect(readCeilingsTable(csv).problems).toEqual([
      { position: 'line 2', column: 'total', reason: 'amounts have at most 2 decimals (分): "12.345"' },
      { position: 'line 2', column: 'basic', reason: 'a ceiling may not be negative' },
      { position: 'line 3', column: 'department', reason: 'department 019001 is listed twice' },
      { position: 'line 3', column: 'total', reason: 'exponents are not allowed in amounts: "1e5"' },
    ]);
  });

  it('refuses a sheet without a department column or with a column it cannot issue', () => {
    expect(readCeilingsTable('total\n100\n').problems).toEqual([{ position: 'line 1', column: '', reason: 'no department column (department / 部门编码 / 单位编码 / 编码)' }]);
    expect(readCeilingsTable('部门编码,资本性支出\n019001,100\n')).toEqual({ rows: [], problems: [{ position: 'line 1', column: '资本性支出', reason: 'not a ceiling this sheet can issue' }] });
  });
});
