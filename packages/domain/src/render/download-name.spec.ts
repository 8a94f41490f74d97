import { publishedDownloadName } from './download-name';

const V2 = { departmentName: '硚口区大数据中心', unitName: null, fiscalYear: 2021, versionNo: 2 };

describe('the name a published file is downloaded under', () => {
  it.each([
    ['disclosure.pdf', '硚口区大数据中心2021年部门预算（第2版）.pdf'],
    ['disclosure.xlsx', '硚口区大数据中心2021年部门预算（第2版）.xlsx'],
    ['t5.csv', '硚口区大数据中心2021年部门预算（第2版）表5.csv'],
    ['t10.csv', '硚口区大数据中心2021年部门预算（第2版）表10.csv'],
    ['lines.csv', '硚口区大数据中心2021年部门预算（第2版）支出明细.csv'],
    ['datapackage.json', '硚口区大数据中心2021年部门预算（第2版）数据包.json'],
    ['lines.datapackage.json', '硚口区大数据中心2021年部门预算（第2版）支出明细数据包.json'],
    ['correction-notice.txt', '硚口区大数据中心2021年部门预算（第2版）更正说明.txt'],
    ['other.bin', '硚口区大数据中心2021年部门预算（第2版）other.bin'],
  ])('names %s %s', (file, name) => {
    expect(publishedDownloadName(V2, file)).toBe(name);
  });

  it('tells the versions and the years of one department apart', () => {
    const v1 = publishedDownloadName({ ...V2, versionNo: 1 }, 'disclosure.pdf');
    const y2020 = publishedDownloadName({ ...V2, fiscalYear: 2020 }, 'disclosure.pdf');
    expect(new Set([v1, y2020, publishedDownloadName(V2, 'disclosure.pdf')]).size).toBe(3);
  });

  it("names a unit's 单位预算 for the unit, not its department", () => {
    expect(publishedDownloadName({ ...V2, unitName: '示例第一中学' }, 't5.csv')).toBe('示例第一中学2021年单位预算（第2版）表5.csv');
  });

  it('keeps out of the name what no file system takes', () => {
    expect(publishedDownloadName({ ...V2, departmentName: '某局/办公室:"A"\n' }, 't1.csv')).toBe('某局_办公室__A__2021年部门预算（第2版）表1.csv');
  });
});
