import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TTableId } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';
import { validateBudget } from './validate-budget';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const row = (d: TDisclosure, table: TTableId, key: string) =>
  referencedRow(d, { table, row: key, column: '' })!;

describe('codes and names in the tables', () => {
  it('TABLE.CODE_NAME: the seed’s 表1 calls 215 「资源勘探信息等支出」, the 2020 catalogue 「资源勘探工业信息等支出」', () => {
    const d = derived();
    expect(row(d, 'T1', 'func:215').name).toBe('资源勘探工业信息等支出');
    row(d, 'T1', 'func:215').name = '资源勘探信息等支出';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.CODE_NAME',
        severity: 'warning',
        location: { kind: 'table', table: 'T1', row: 'func:215' },
        expected: '资源勘探工业信息等支出',
        actual: '资源勘探信息等支出',
      }),
    ]);
  });

  it('TABLE.CODE_NAME: a name of another year (2019’s 行政事业单位离退休 in a 2020 表5)', () => {
    const d = derived();
    row(d, 'T5', '20805').name = '行政事业单位离退休';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.location])).toEqual([
      ['TABLE.CODE_NAME', { kind: 'table', table: 'T5', row: '20805' }],
    ]);
    // the same table checked against the 2019 edition finds that name right and 2020's wrong
    const with2019 = checkDisclosure(d, catalogueForYear(2019)).map((f) => f.location);
    expect(with2019).not.toContainEqual({ kind: 'table', table: 'T5', row: '20805' });
  });

  it('TABLE.CODE_NAME ignores spaces and the width of parentheses', () => {
    const d = derived();
    row(d, 'T6', '30213').name = '维修(护) 费';
    expect(checkDisclosure(d)).toEqual([]);
  });

  it('TABLE.UNKNOWN_CODE: a 款 in 表6 whose 类 the edition does not have either', () => {
    const d = derived();
    row(d, 'T6', '30299').code = '38898';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.UNKNOWN_CODE',
        severity: 'error',
        location: { kind: 'table', table: 'T6', row: '30299' },
      }),
    ]);
  });

  it('TABLE.CODE_NOT_IN_PARTIAL: a 款 the partial edition lacks under a 类 it has is a warning saying so; against a complete edition, an error', () => {
    const d = derived();
    row(d, 'T6', '30299').code = '30298';
    const [finding, ...rest] = checkDisclosure(d);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'TABLE.CODE_NOT_IN_PARTIAL', severity: 'warning', location: { kind: 'table', table: 'T6', row: '30299' } });
    expect(finding?.message.zh).toContain('内置目录（不完整');
    const complete = { ...catalogueForYear(2020), completeness: 'complete' as const };
    expect(checkDisclosure(d, complete).map((f) => [f.ruleId, f.severity, f.message.en])).toEqual([
      ['TABLE.UNKNOWN_CODE', 'error', '表六: code 30298 (其他商品和服务支出) is not in the 2020 catalogue'],
    ]);
  });

  it('TABLE.CODE_NAME against the shipped edition says it is partial', () => {
    const d = derived();
    row(d, 'T5', '20805').name = '行政事业单位离退休';
    expect(checkDisclosure(d)[0]?.message.en).toBe(
      '表五: code 20805 is named “行政事业单位离退休”, the 2020 shipped edition (partial: only codes seen in print) says “行政事业单位养老支出”',
    );
  });

  it('TABLE.MALFORMED_CODE: a code of 6 digits, or with a letter, in a function table is an error naming the row', () => {
    const d = derived();
    row(d, 'T5', '2080505').code = '208050';
    row(d, 'T5', '2101102').code = '21O1102';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location, f.message.zh])).toEqual([
      ['TABLE.MALFORMED_CODE', 'error', { kind: 'table', table: 'T5', row: '2080505' }, '表五「机关事业单位基本养老保险缴费支出」一行的编码 208050 不是支出功能分类科目编码'],
      ['TABLE.MALFORMED_CODE', 'error', { kind: 'table', table: 'T5', row: '2101102' }, '表五「事业单位医疗」一行的编码 21O1102 不是支出功能分类科目编码'],
    ]);
  });

  it('TABLE.OTHER_CLASSIFICATION: an economic code in a function table, and on 表一’s functional side', () => {
    const d = derived();
    row(d, 'T5', '2101102').code = '30101';
    row(d, 'T1', 'func:215').code = '302';
    const findings = checkDisclosure(d).filter((f) => f.ruleId.startsWith('TABLE.'));
    expect(findings.map((f) => [f.ruleId, f.location, f.message.zh])).toEqual([
      ['TABLE.OTHER_CLASSIFICATION', { kind: 'table', table: 'T1', row: 'func:215' }, '表一是支出功能分类，「资源勘探工业信息等支出」一行却列了部门预算支出经济分类科目 302'],
      ['TABLE.OTHER_CLASSIFICATION', { kind: 'table', table: 'T5', row: '2101102' }, '表五是支出功能分类，「事业单位医疗」一行却列了部门预算支出经济分类科目 30101'],
    ]);
  });

  it('TABLE.CODE_PARENT: a 项 that does not start with the 款 above it (a well-formed code the edition has)', () => {
    const d = derived();
    // 2101102 事业单位医疗 printed under 20805 instead of 21011: moved up below 2080505
    const t5 = d.tables.find((t) => t.id === 'T5')!;
    const moved = t5.rows.findIndex((r) => r.key === '2101102');
    const [item] = t5.rows.splice(moved, 1);
    t5.rows.splice(t5.rows.findIndex((r) => r.key === '2080505') + 1, 0, item!);
    const findings = checkDisclosure(d).filter((f) => f.ruleId === 'TABLE.CODE_PARENT');
    expect(findings.map((f) => [f.location, f.message.zh])).toEqual([
      [{ kind: 'table', table: 'T5', row: '2101102' }, '表五「事业单位医疗」一行的编码 2101102 不以其上级 20805 开头'],
    ]);
  });

  it('on a document, an unknown code is said once, on its line', () => {
    const doc = ZBudgetDocument.parse(fixture);
    doc.expenditureLines[25]!.economicCode = '38898';
    expect(validateBudget(doc).map((f) => f.ruleId)).toEqual(['CODE.UNKNOWN_ECONOMIC']);
    doc.expenditureLines[25]!.economicCode = '30298';
    expect(validateBudget(doc).map((f) => f.ruleId)).toEqual(['CODE.ECONOMIC_NOT_IN_PARTIAL']);
  });
});
