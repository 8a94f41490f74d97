import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure } from '../disclosure/disclosure.schema';
import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { correctionChanges, correctionStatementText, renderCorrectionText, ZCorrectionStatement } from './correction-notice';

const doc = ZBudgetDocument.parse(fixture);
const derive = (d: TBudgetDocument): TDisclosure => deriveDisclosure(d, catalogueForYear(2020));
const original = derive(doc);
/** The seed with its first line (L001 基本工资, 384000.00 元) at another amount. */
const withFirstLine = (amount: string) => derive({ ...doc, expenditureLines: doc.expenditureLines.map((l) => (l.id === 'L001' ? { ...l, amount } : l)) });

describe('correctionChanges', () => {
  it('finds nothing between a disclosure and itself', () => {
    expect(correctionChanges(original, derive(doc))).toEqual([]);
  });

  it('lists each changed cell with its table, row and column, as the table prints the figures', () => {
    const changes = correctionChanges(original, withFirstLine('394000.00'));
    expect(changes).toContainEqual({
      table: '表六 硚口区大数据中心2020年一般公共预算基本支出表',
      row: '30101 基本工资',
      column: '预算数',
      before: '38.4',
      after: '39.4',
      unit: '万元',
      text: '表六 硚口区大数据中心2020年一般公共预算基本支出表“30101 基本工资”行“预算数”：由38.4万元更正为39.4万元',
    });
    expect(changes).toContainEqual(expect.objectContaining({ table: '表三 硚口区大数据中心2020年支出预算总表', row: '合计', column: '合计', before: '604.4', after: '605.4' }));
    // the column as the header reads it: section·column, and a 其中： group straight before its column
    expect(changes).toContainEqual(expect.objectContaining({ table: expect.stringMatching(/^表一 /), row: '301 工资福利支出', column: '经济分类支出·预算数' }));
    expect(changes).toContainEqual(expect.objectContaining({ row: '30101 基本工资', column: '其中：人员经费', before: '38.4', after: '39.4' }));
    // shares move with the amounts, in %
    expect(changes).toContainEqual(expect.objectContaining({ row: '基本支出', column: '支出构成·占比（%）', before: '34.3', after: '34.4', unit: '%' }));
    // in print order: the tables as the template orders them
    const tables = [...new Set(changes.map((c) => c.table.split(' ')[0]))];
    expect(tables).toEqual(['表一', '表三', '表四', '表五', '表六', '表九']);
    // a figure is listed only when it changed
    expect(changes.every((c) => c.before !== c.after)).toBe(true);
  });

  it('a change the 万元 rounding would hide is stated in exact 元', () => {
    const changes = correctionChanges(original, withFirstLine('384001.00'));
    expect(changes).toContainEqual(
      expect.objectContaining({ row: '30101 基本工资', column: '预算数', before: '384000.00', after: '384001.00', unit: '元', text: expect.stringContaining('由384000.00元更正为384001.00元') }),
    );
    expect(changes.filter((c) => c.unit === '万元')).toEqual([]);
  });

  it('a row that appears or goes is 新增 or 删除', () => {
    const line = doc.expenditureLines.find((l) => l.id === 'L001')!;
    const extra = derive({ ...doc, expenditureLines: [...doc.expenditureLines, { ...line, id: 'L999', economicCode: '30103', amount: '50000.00' }] });
    const added = correctionChanges(original, extra).filter((c) => c.row === '30103 奖金');
    expect(added).toContainEqual(expect.objectContaining({ before: null, after: '5.0', text: expect.stringContaining('“30103 奖金”行“预算数”：新增，为5.0万元') }));
    const removed = correctionChanges(extra, original).filter((c) => c.row === '30103 奖金');
    expect(removed).toContainEqual(expect.objectContaining({ before: '5.0', after: null, text: expect.stringContaining('删除，原为5.0万元') }));
  });
});

describe('renderCorrectionText', () => {
  it('titles the notice, says when, why and what it corrects, and numbers each change', () => {
    const next = withFirstLine('394000.00');
    const changes = correctionChanges(original, next);
    const text = renderCorrectionText(next, { reason: '基本工资测算有误', date: '2020-03-20', previousVersion: 1, versionNo: 2, changes });
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual(['硚口区大数据中心2020年部门预算更正说明', '', '更正日期：2020-03-20', '更正原因：基本工资测算有误', '本次公开为第2版，更正第1版。', '', '更正内容：']);
    expect(lines[7]).toBe(`1. ${changes[0]!.text}`);
    expect(lines).toHaveLength(7 + changes.length + 1);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says so when no figure changed', () => {
    expect(renderCorrectionText(original, { reason: '更正项目名称', date: '2020-03-20', previousVersion: 1, versionNo: 2, changes: [] })).toContain('更正内容：\n各表数据未变。\n');
  });
});

describe('correctionStatementText', () => {
  it('says which version this is, which one it corrects, when that one was published, and why', () => {
    const statement = ZCorrectionStatement.parse({ versionNo: 3, previousVersion: 2, previousPublishedOn: '2020-03-05', reason: '基本工资测算有误' });
    expect(correctionStatementText(statement)).toBe('本公开为第3版，更正第2版（公开于2020年3月5日）。更正理由：基本工资测算有误');
  });

  it('is only for a correction: version 1 corrects nothing', () => {
    expect(ZCorrectionStatement.safeParse({ versionNo: 1, previousVersion: 0, previousPublishedOn: '2020-03-05', reason: '' }).success).toBe(false);
  });
});
