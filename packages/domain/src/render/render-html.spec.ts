import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue';
import { deriveDisclosure } from '../derive/derive-disclosure';
import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { correctionStatementText } from './correction-notice';
import { escapeHtml } from './html-table';
import { renderHtml } from './render-html';

const doc = ZBudgetDocument.parse(fixture);
const html = renderHtml(deriveDisclosure(doc, catalogueForYear(2020)));

describe('renderHtml', () => {
  it('is one self-contained document: inline style with a print stylesheet, no external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(link|script|img)\b/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('has the four parts and all ten table titles', () => {
    for (const part of ['第一部分', '第二部分', '第三部分', '第四部分 名词解释']) expect(html).toContain(part);
    for (const title of [
      '收支预算总表',
      '收入预算总表',
      '支出预算总表',
      '财政拨款收支预算总表',
      '一般公共预算支出表',
      '一般公共预算基本支出表',
      '政府性基金预算支出表',
      '财政拨款“三公”经费支出表',
      '部门整体支出绩效目标表',
      '项目支出绩效目标表',
    ]) {
      expect(html).toContain(`年${title}</h3>`);
    }
  });

  it('prints the figures, merged headers and the empty statement', () => {
    expect(html).toContain('<td class="amount">604.4</td>');
    expect(html).toContain('<td class="amount">417.1</td>');
    expect(html).toContain('<td class="percent">34.3</td>');
    expect(html).toContain('<th class="header" colspan="5">其中：</th>');
    expect(html).toContain('<th class="header" colspan="2">收入</th>');
    expect(html).toContain('本单位2020年无此支出预算。');
    expect(html).toContain('<td class="amount">3970000.00</td>');
    expect(html).toContain('住房保障支出占4.0%');
    expect(html).toContain('总编制人数18人，其中：事业编制18人。在职实有人数12人');
  });

  it('prints nothing of a correction on a version that corrects none', () => {
    expect(html).not.toContain('更正');
  });

  it("prints a correction's 更正说明 under its title, before the 目录, in the words of its PDF and workbook, escaped", () => {
    const disclosure = deriveDisclosure(doc, catalogueForYear(2020));
    const correction = { versionNo: 2, previousVersion: 1, previousPublishedOn: '2020-03-05', reason: '<script>alert(1)</script> 表三 & “三公”' };
    const corrected = renderHtml(disclosure, { correction });
    expect(corrected).not.toContain('<script>');
    const notice = corrected.indexOf(`<h2 id="correction-title">更正说明</h2><p>${escapeHtml(correctionStatementText(correction))}</p>`);
    expect(notice).toBeGreaterThan(corrected.indexOf('</h1>'));
    expect(notice).toBeLessThan(corrected.indexOf('<h2>目录</h2>'));
    expect(corrected).toContain('本公开为第2版，更正第1版（公开于2020年3月5日）。更正理由：&#60;script&#62;');
  });

  it('escapes text from the document', () => {
    expect(escapeHtml('<script>"a" & \'b\'</script>')).toBe('&#60;script&#62;&#34;a&#34; &#38; &#39;b&#39;&#60;/script&#62;');
    const hostile = ZBudgetDocument.parse({ ...fixture, department: { ...fixture.department, functions: ['<img src=x onerror=alert(1)>'] } });
    expect(renderHtml(deriveDisclosure(hostile, catalogueForYear(2020)))).not.toContain('<img');
  });
});
