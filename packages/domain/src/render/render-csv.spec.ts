import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue';
import { deriveDisclosure } from '../derive/derive-disclosure';
import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { csvField, renderCsv, UTF8_BOM } from './render-csv';

/** RFC 4180 reader, enough to read back what renderCsv writes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

const csv = renderCsv(deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020)));

describe('renderCsv', () => {
  it('starts with a byte-order mark and the header', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(parseCsv(csv.slice(1))[0]).toEqual(['table', 'section', 'code', 'name', 'column', 'value']);
  });

  it('parses back to six fields per record, one record per cell', () => {
    const records = parseCsv(csv.slice(1));
    expect(records.every((r) => r.length === 6)).toBe(true);
    // 表3: 10 rows × 6 columns.
    expect(records.filter((r) => r[0] === 'T3')).toHaveLength(60);
    expect(new Set(records.slice(1).map((r) => r[0]))).toEqual(new Set(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10']));
  });

  it('shows figures as displayed: 本年收入合计 604.4 万元, 表3 project 397.0, 表10 in 元', () => {
    const records = parseCsv(csv.slice(1));
    expect(records).toContainEqual(['T1', '收入', '', '本年收入合计', '预算数', '604.4']);
    expect(records).toContainEqual(['T1', '经济分类支出', '302', '商品和服务支出', '预算数', '417.1']);
    expect(records).toContainEqual(['T3', '', '2150502', '一般行政管理事务', '项目支出', '397.0']);
    expect(records).toContainEqual(['T7', '', '', '本单位2020年无此支出预算。', '', '']);
    expect(records).toContainEqual(['T10', '互联网+信息化建设项目/项目采购', '', '租赁服务', '金额', '1140000.00']);
  });

  it('quotes separators and neutralises formulas, but not negative numbers', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
  });
});
