import { catalogueForYear } from '../catalogue/catalogue-editions';
import { derive, testDocument } from '../derive/test-document';
import { parseFen, sumFenExact } from '../money/fen';
import { openDataLines, printedNames } from './budget-lines';
import { LINE_FIELDS, lineCsv } from './line-csv';
import { linesDataPackage } from './lines-datapackage';

const doc = testDocument(
  [
    ['100001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', '400.10'],
    ['100002', '2010102', '30201', 'basic-public', 'general-budget-appropriation', '250.05'],
    ['100001', '2120101', '31002', 'project', 'government-fund-appropriation', '0.01', 'P1'],
  ],
  [['general-budget-appropriation', '650.15'], ['government-fund-appropriation', '0.01']],
  { projects: [{ id: 'P1', name: '=HYPERLINK("x")', unitCode: '100001' }] },
);
const lines = openDataLines(doc, printedNames(derive(doc), catalogueForYear(doc.fiscalYear)));

describe('line-level open data', () => {
  it('has one row per expenditure line, named, kind split, amounts exact in 元', () => {
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ functionCode: '2010101', economicCode: '30101', kind: '基本支出', basicKind: '人员经费', fundSource: '经费拨款（补助）', amount: '400.10', projectName: '' });
    expect(lines[1]).toMatchObject({ kind: '基本支出', basicKind: '公用经费', amount: '250.05' });
    expect(lines[2]).toMatchObject({ kind: '项目支出', basicKind: '', fundSource: '政府性基金财政拨款', amount: '0.01' });
    expect(lines.every((l) => l.functionName !== '' && !l.functionName.startsWith('（未知科目') && !l.economicName.startsWith('（未知科目'))).toBe(true);
    expect(sumFenExact(lines.map((l) => parseFen(l.amount)))).toBe(65016n);
  });

  it('writes a CSV with the BOM, Chinese headers from 功能科目编码 on, CRLF lines and neutralised formulas', () => {
    const csv = lineCsv(lines);
    expect(csv.startsWith('\uFEFF功能科目编码,功能科目名称,经济科目编码')).toBe(true);
    const records = csv.slice(1).split('\r\n');
    expect(records).toHaveLength(5); // header, three lines, the empty string after the last CRLF
    expect(records[0]?.split(',')).toEqual(LINE_FIELDS.map((f) => f.header));
    expect(records[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(records[1]?.split(',').at(LINE_FIELDS.findIndex((f) => f.key === 'amount'))).toBe('400.10');
  });

  it('describes the CSV as a fiscal data package with separate functional, economic and administrative dimensions', () => {
    const pkg = linesDataPackage({ name: 'lines-2020', title: 't', fiscalYear: 2020, resource: { path: 'lines.csv' } }) as {
      profile: string;
      resources: { schema: { fields: { name: string }[] } }[];
      model: { dimensions: Record<string, { classificationType?: string; attributes: Record<string, { source: string }> }> };
    };
    expect(pkg.profile).toBe('tabular-data-package');
    const { dimensions } = pkg.model;
    expect([dimensions.functional?.classificationType, dimensions.economic?.classificationType, dimensions.administrative?.classificationType]).toEqual(['functional', 'economic', 'administrative']);
    // Every attribute's source is a field of the resource.
    const fields = new Set(pkg.resources[0]?.schema.fields.map((f) => f.name));
    for (const dimension of Object.values(dimensions)) for (const a of Object.values(dimension.attributes)) expect(fields.has(a.source)).toBe(true);
  });
});

describe('printedNames', () => {
  it('takes the names the tables printed for 项 and 款 codes, and the catalogue for the rest', () => {
    const disclosure = derive(doc);
    const printedItem = disclosure.tables.flatMap((t) => t.rows).find((r) => r.code === '2010101' && r.level === 2);
    const names = printedNames(disclosure, { functional: new Map(), economic: new Map([['99999', { name: '目录名' }]]) });
    expect(names.functional.get('2010101')?.name).toBe(printedItem?.name);
    expect(names.economic.get('99999')?.name).toBe('目录名');
    expect(names.economic.get(doc.department.units[0]?.code ?? '')).toBeUndefined();
  });
});
