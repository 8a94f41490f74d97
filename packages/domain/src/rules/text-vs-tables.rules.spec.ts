import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TFigure, TParagraph } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { figuresOf } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const placed = (d: TDisclosure, key: string): { figure: TFigure; paragraph: TParagraph } =>
  figuresOf(d).find((p) => p.figure.key === key)!;
/** Changes a figure and writes the paragraph the way it now reads. */
const restate = (d: TDisclosure, key: string, patch: Partial<TFigure>) => {
  const { figure, paragraph } = placed(d, key);
  const before = `${figure.text}${figure.unit}`;
  Object.assign(figure, patch);
  paragraph.text = paragraph.text.replace(before, `${figure.text}${figure.unit}`);
};

describe('text against tables', () => {
  it('the derived explanations cite every figure they state correctly', () => {
    const d = derived();
    expect(figuresOf(d).length).toBeGreaterThan(40);
    expect(checkDisclosure(d)).toEqual([]);
  });

  it('TEXT.AMOUNT: Part 3 says 基本支出 207.5 万元 while 表3 has 207.4', () => {
    const d = derived();
    restate(d, 'basic', { value: '2075000.00', text: '207.5' });
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.AMOUNT',
        severity: 'error',
        location: { kind: 'text', section: 'expenditure/basic' },
        expected: '2074000.00',
        actual: '2075000.00',
      }),
    ]);
  });

  it('TEXT.DISPLAY: the 万元 text is not the exact value rounded (397.0 printed as 396.9)', () => {
    const d = derived();
    restate(d, 'project', { text: '396.9' });
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.DISPLAY',
        severity: 'error',
        location: { kind: 'text', section: 'expenditure/project' },
        actual: '396.9',
      }),
    ]);
  });

  it('TEXT.DISPLAY accepts 397 for 397.0 万元, as the seed writes it', () => {
    const d = derived();
    restate(d, 'project', { text: '397' });
    expect(checkDisclosure(d)).toEqual([]);
  });

  it('TEXT.SHARE: a share that is not its figure over the total (34.4 for 207.4 / 604.4)', () => {
    const d = derived();
    restate(d, 'basic-share', { value: '34.4', text: '34.4' });
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.SHARE',
        severity: 'error',
        location: { kind: 'text', section: 'expenditure/basic-share' },
        expected: '34.3',
        actual: '34.4',
      }),
    ]);
  });

  it('TEXT.SHARE_DECIMALS: the seed’s “住房保障支出占4%” is a warning: 4.0', () => {
    const d = derived();
    restate(d, 'fiscal-share:221', { text: '4' });
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.SHARE_DECIMALS',
        severity: 'warning',
        location: { kind: 'text', section: 'fiscal/fiscal-share:221' },
        expected: '4.0',
        actual: '4',
      }),
    ]);
  });

  it('TEXT.SOURCE_MISSING: a figure citing a row the table does not have', () => {
    const d = derived();
    const { figure, section } = figuresOf(d).find((p) => p.figure.key === 'basic')!;
    figure.source = { table: 'T3', row: 'no-such-row', column: 'basic' };
    const [finding] = checkDisclosure(d);
    expect(finding).toEqual(
      expect.objectContaining({
        ruleId: 'TEXT.SOURCE_MISSING',
        severity: 'warning',
        location: { kind: 'text', section: 'expenditure/basic' },
      }),
    );
    // Named by what the figure prints and the table's number, not by keys.
    expect(finding?.message.zh).toBe(`说明「${section.title}」中的 ${figure.text}${figure.unit} 所引表3的行不存在`);
    expect(finding?.message.zh).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('TEXT.SOURCE_MISSING: the figures of one 说明 citing one missing row are one finding, naming each and at each', () => {
    const d = derived();
    const basic = placed(d, 'basic');
    const project = placed(d, 'project');
    const share = placed(d, 'basic-share');
    basic.figure.source = { table: 'T3', row: 'no-such-row', column: 'basic' };
    project.figure.source = { table: 'T3', row: 'no-such-row', column: 'project' };
    // a share citing the missing row for its part and its total: one figure, one place
    share.figure.source = { table: 'T3', row: 'no-such-row', column: 'basic' };
    share.figure.denominator = { table: 'T3', row: 'no-such-row', column: 'total' };
    const missing = checkDisclosure(d).filter((f) => f.ruleId === 'TEXT.SOURCE_MISSING');
    expect(missing).toEqual([
      expect.objectContaining({
        location: { kind: 'text', section: 'expenditure/basic' },
        alsoAt: [
          { kind: 'text', section: 'expenditure/basic-share' },
          { kind: 'text', section: 'expenditure/project' },
        ],
      }),
    ]);
    const { section } = figuresOf(d).find((p) => p.figure.key === 'basic')!;
    const figures = [basic, share, project].map((p) => `${p.figure.text}${p.figure.unit}`);
    expect(missing[0]?.message.zh).toBe(`说明「${section.title}」中的 ${figures.join('、')} 所引表3的行不存在`);
    expect(missing[0]?.message.en).toBe(`explanation “${section.title}”: a row of 表3, cited by ${figures.join(', ')}, does not exist`);
  });

  it('TEXT.SOURCE_MISSING: another missing row, or the same row cited by another 说明, is a finding of its own', () => {
    const d = derived();
    placed(d, 'basic').figure.source = { table: 'T3', row: 'no-such-row', column: 'basic' };
    placed(d, 'project').figure.source = { table: 'T3', row: 'another-row', column: 'project' };
    placed(d, 'operating-costs').figure.source = { table: 'T3', row: 'no-such-row', column: 'basic' };
    const missing = checkDisclosure(d).filter((f) => f.ruleId === 'TEXT.SOURCE_MISSING');
    expect(missing.map((f) => [f.location, f.alsoAt])).toEqual([
      [{ kind: 'text', section: 'expenditure/basic' }, undefined],
      [{ kind: 'text', section: 'expenditure/project' }, undefined],
      [{ kind: 'text', section: 'other/operating-costs' }, undefined],
    ]);
  });

  it('TEXT.SOURCE_MISSING names a 科目 row by its code and an existing row by its name', () => {
    const d = derived();
    placed(d, 'basic').figure.source = { table: 'T5', row: '2019999', column: 'total' };
    expect(checkDisclosure(d)[0]?.message.zh).toMatch(/所引表5的科目 2019999 所在行不存在$/);
    const d2 = derived();
    placed(d2, 'basic').figure.source = { table: 'T5', row: 'total', column: 'no-such-column' };
    expect(checkDisclosure(d2)[0]?.message.zh).toMatch(/所引表5的「合计」行不存在$/);
  });

  it('TEXT.NOT_IN_TEXT: a paragraph that no longer states its figure', () => {
    const d = derived();
    const { paragraph } = placed(d, 'operating-costs');
    paragraph.text = paragraph.text.replace('22.6万元', '若干');
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.NOT_IN_TEXT',
        severity: 'warning',
        location: { kind: 'text', section: 'other/operating-costs' },
      }),
    ]);
  });
});
