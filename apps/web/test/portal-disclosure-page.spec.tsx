import { cleanup, screen } from '@testing-library/react';
import { open } from './disclosure-page-fixture';

// The charts are not what is tested here, and ECharts draws on a canvas jsdom has not.
jest.mock('../src/features/portal/disclosure-charts', () => ({ __esModule: true, default: () => null }));
jest.mock('../src/features/portal/echarts-setup', () => ({}));

describe('the page of a disclosure', () => {
  it('names the browser tab after the disclosure, in the page’s language, and gives the tab back when it goes', async () => {
    document.title = '部门预算编制与公开';
    await open('v1', 'zh');
    expect(document.title).toBe('硚口区大数据中心 2020年部门预算 · 预算公开');
    cleanup();
    expect(document.title).toBe('部门预算编制与公开');
    await open('v1', 'en');
    expect(document.title).toBe('硚口区大数据中心: department budget 2020 · Public budgets');
  });

  it('prints 公开时间 in China’s time whatever the device’s time zone, and says so', async () => {
    // 06:00 UTC: the device's clock (the tests' machines keep UTC) would say 06:00; China's says 14:00.
    await open('v1', 'zh');
    expect(screen.getByText('公开时间').nextElementSibling?.textContent).toBe('2020-03-01 14:00（北京时间）');
    cleanup();
    await open('v2', 'en');
    expect(screen.getAllByText('Published')[0]?.nextElementSibling?.textContent).toBe('2020-03-20 14:00 (Beijing time) (version 2)');
  });

  it('offers the downloads right under the summary, with a link down to them after the document', async () => {
    await open('v2', 'zh');
    const jump = screen.getByRole('link', { name: '下载全文和数据（PDF、Excel、CSV、JSON）↓' });
    expect(jump.getAttribute('href')).toBe('#downloads');
    const downloads = document.getElementById('downloads');
    expect(downloads?.querySelector('h2')?.textContent).toBe('下载');
    const toc = screen.getByRole('navigation', { name: '目录' });
    // the link before the document, the downloads after it (on a phone the panel follows the document)
    expect(jump.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(toc.compareDocumentPosition(downloads!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
