import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TIndicatorsBlock } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));

describe('the fiscal year everywhere', () => {
  it('YEAR.MISMATCH: 表7’s statement names 2019 in a 2020 disclosure', () => {
    const d = derived();
    d.tables.find((t) => t.id === 'T7')!.emptyStatement = '本单位2019年无此支出预算。';
    const [finding, ...rest] = checkDisclosure(d);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'YEAR.MISMATCH',
      severity: 'error',
      location: { kind: 'table', table: 'T7' },
      expected: '2020',
      actual: '2019',
    });
    expect(finding?.message).toEqual({
      zh: '表七表注写的是 2019 年，应为 2020 年',
      en: 'the statement of 表七 says 2019 where it should say 2020',
    });
  });

  it('YEAR.MISMATCH: a heading of Part 3 copied from last year', () => {
    const d = derived();
    const section = d.explanations[0]!;
    section.title = '一、2019年部门预算收支情况总体说明';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'YEAR.MISMATCH',
        location: { kind: 'text', section: section.key },
        actual: '2019',
      }),
    ]);
  });

  it('YEAR.MISMATCH: 表9’s indicators for the two prior years are 2018 and 2019', () => {
    const d = derived();
    const block = d.tables
      .find((t) => t.id === 'T9')!
      .blocks.find((b): b is TIndicatorsBlock => b.type === 'indicators' && b.priorYears !== undefined)!;
    block.priorYears = [2017, 2018];
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.location, f.expected, f.actual])).toEqual([
      ['YEAR.MISMATCH', { kind: 'table', table: 'T9', row: block.key }, '2018', '2017'],
      ['YEAR.MISMATCH', { kind: 'table', table: 'T9', row: block.key }, '2019', '2018'],
    ]);
  });
});
