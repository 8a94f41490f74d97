import type { TListedFile } from '@budgetflow/domain';
import { render, screen, within } from '@testing-library/react';
import { Downloads } from '../src/features/portal/downloads';
import { tableNumbers } from '../src/features/portal/file-names';
import { I18nProvider } from '../src/lib/i18n';

const file = (name: string, format: string): TListedFile =>
  ({ name, format, url: `/api/public/publications/p1/files/${name}`, size: 2048, sha256: 'a'.repeat(64) }) as TListedFile;

describe('the published files', () => {
  it('are named by format and content in Chinese, each table as the document numbers it, grouped; the file names only go with the download', () => {
    const files = [
      file('datapackage.json', 'datapackage'),
      file('lines.datapackage.json', 'datapackage'),
      file('t5.csv', 'csv'),
      file('t10.csv', 'csv'),
      file('disclosure.json', 'json'),
      file('lines.csv', 'csv'),
      { ...file('disclosure.pdf', 'pdf'), downloadName: '甲单位2020年部门预算（第2版）.pdf' },
      file('disclosure.xlsx', 'xlsx'),
    ];
    render(
      <I18nProvider initial="zh">
        <Downloads files={files} tables={tableNumbers([{ id: 'T5', number: '表五' }, { id: 'T10', number: '表十' }])} />
      </I18nProvider>,
    );
    const groups = screen.getAllByRole('region').map((g) => [
      g.querySelector('h3')?.textContent,
      within(g)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ]);
    expect(groups).toEqual([
      ['全文', ['PDF 全文 全部公开内容 · 2 KB', 'Excel 表格 全部公开内容 · 2 KB']],
      ['各表', ['开放数据 CSV 表五 · 2 KB', '开放数据 CSV 表十 · 2 KB']],
      [
        '开放数据',
        [
          '开放数据 CSV 支出明细 · 2 KB',
          'JSON 全部公开内容 · 2 KB',
          '开放数据包 公开表 · 2 KB',
          '开放数据包 支出明细 · 2 KB',
        ],
      ],
    ]);
    expect(screen.getByRole('link', { name: '开放数据包 公开表' }).getAttribute('download')).toBe('datapackage.json');
    // A file the API names for saving (department, year, version) is saved under that name.
    expect(screen.getByRole('link', { name: 'PDF 全文 全部公开内容' }).getAttribute('download')).toBe('甲单位2020年部门预算（第2版）.pdf');
    // Latin only where a format or the checksum's algorithm is named (and in the checksums people compare).
    for (const hash of document.querySelectorAll('code.hash')) hash.remove();
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const words: string[] = [];
    while (texts.nextNode() !== null) words.push(...(texts.currentNode.textContent?.match(/[A-Za-z]{3,}/g) ?? []));
    expect(words.filter((w) => !['PDF', 'Excel', 'CSV', 'JSON', 'SHA'].includes(w))).toEqual([]);
  });
});
