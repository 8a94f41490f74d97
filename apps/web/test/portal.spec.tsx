import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure } from '@budgetflow/domain';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { DisclosureDocument } from '../src/features/disclosure/disclosure-document';
import { basicAgainstProject, expenditureByFunction, yearOverYear } from '../src/features/portal/chart-data';
import { I18nProvider } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const disclosure = deriveDisclosure(seed, catalogueForYear(seed.fiscalYear));

describe("the portal's charts", () => {
  it('plot the figures the tables print, in 万元', () => {
    expect(expenditureByFunction(disclosure).map((p) => [p.name, p.text])).toEqual([
      ['一般公共服务支出', '143.6'],
      ['社会保障和就业支出', '16.4'],
      ['卫生健康支出', '23.1'],
      ['资源勘探工业信息等支出', '397.0'],
      ['住房保障支出', '24.3'],
    ]);
    expect(
      basicAgainstProject(disclosure, { basic: '基本支出', project: '项目支出' }).map((p) => p.text),
    ).toEqual(['207.4', '397.0']);
    expect(
      yearOverYear(disclosure, '支出合计').map((y) => [y.name, y.lastYear.text, y.thisYear.text]),
    ).toEqual([
      ['基本支出', '29.0', '207.4'],
      ['项目支出', '254.6', '397.0'],
      ['支出合计', '283.6', '604.4'],
    ]);
  });
});

describe('the disclosure as a page', () => {
  it('prints the ten tables in order, 表一 with its totals of 604.4 万元', () => {
    render(
      <I18nProvider initial="en">
        <MemoryRouter>
          <DisclosureDocument disclosure={disclosure} />
        </MemoryRouter>
      </I18nProvider>,
    );
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');
    expect(headings.filter((h) => /^表[一二三四五六七八九十]+ /.test(h))).toHaveLength(10);
    const t1 = document.getElementById('table-T1')!;
    // Headed as the PDF heads it.
    expect(within(t1).getByRole('heading', { name: '表一 硚口区大数据中心2020年收支预算总表' })).toBeTruthy();
    const total = within(t1)
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith('收入总计'));
    expect(total?.textContent).toContain('604.4');
    // The department's document stays in Chinese, whatever the page's language.
    expect(screen.getByRole('heading', { name: '第二部分 硚口区大数据中心2020年部门预算表' })).toBeTruthy();
    // The same parts and 目录 as the PDF: the four parts, the overview's three sections, every table.
    const toc = screen.getByRole('navigation', { name: '目录' });
    expect(
      within(toc)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(
      expect.arrayContaining([
        '第一部分 硚口区大数据中心概况',
        '一、部门主要职能',
        '第四部分 名词解释',
        '表十 硚口区大数据中心2020年项目支出绩效目标表',
      ]),
    );
  });

  it('freezes one column per table, the first name column and its header, for a phone to scroll the figures under', () => {
    render(
      <I18nProvider initial="zh">
        <MemoryRouter>
          <DisclosureDocument disclosure={disclosure} />
        </MemoryRouter>
      </I18nProvider>,
    );
    const frozen = (id: string) => [...document.querySelectorAll(`#${id} table .frozen`)].map((c) => c.textContent);
    const t1 = frozen('table-T1');
    // 表一: the 收入 side's names; the 支出 sides' names (工资福利支出, 一般公共服务支出) scroll.
    expect(t1.slice(0, 3)).toEqual(['项目', '一.财政拨款（补助）', '（一）公共预算财政拨款（补助）']);
    expect(t1).not.toContain('工资福利支出');
    expect(t1).not.toContain('一般公共服务支出');
    expect(document.querySelectorAll('#table-T1 thead .frozen')).toHaveLength(1);
    // 表三: 单位名称 (after the 单位编码, which scrolls), not the 合计 beside it.
    expect(frozen('table-T3').slice(0, 3)).toEqual(['单位名称', '合计', '武汉市硚口区大数据中心']);
    expect(document.querySelectorAll('#table-T3 .frozen.cell-amount, #table-T3 .frozen.cell-code')).toHaveLength(0);
    // 表九: the names beside the 收入构成 / 支出构成 cells that span their rows.
    expect(frozen('table-T9').slice(0, 3)).toEqual(['部门总体资金情况', '财政拨款', '其他资金']);
  });
});
