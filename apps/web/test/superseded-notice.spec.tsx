import { fireEvent, screen, within } from '@testing-library/react';
import { open } from './disclosure-page-fixture';

// The charts are not what is tested here, and ECharts draws on a canvas jsdom has not.
jest.mock('../src/features/portal/disclosure-charts', () => ({ __esModule: true, default: () => null }));
jest.mock('../src/features/portal/echarts-setup', () => ({}));

describe('a disclosure a correction has replaced', () => {
  it('says so above its title, in Chinese, with a link to the latest version', async () => {
    await open('v1', 'zh');
    const notice = screen.getByRole('note');
    expect(notice.textContent).toBe('本公开已被更正：第2版于2020-03-20公开，以最新版本为准。查看最新版本');
    expect(
      notice.compareDocumentPosition(screen.getByRole('heading', { level: 1 })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: '查看最新版本' }));
    // the latest version's page, which has no such notice
    expect(screen.getByText('（第2版）', { exact: false })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says so in English on the English page', async () => {
    await open('v1', 'en');
    expect(screen.getByRole('note').textContent).toBe(
      'This disclosure has been corrected: version 2 was published on 2020-03-20 and is the one that stands.See the latest version',
    );
    expect(screen.getByRole('link', { name: 'See the latest version' }).getAttribute('href')).toBe(
      '/portal/v2',
    );
  });

  it('the latest version carries no such notice', async () => {
    await open('v2', 'zh');
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByRole('link', { name: '查看最新版本' })).toBeNull();
  });
});

describe('the page of a corrected disclosure', () => {
  it('shows version 2 its 更正说明 under its title, in Chinese: which version it corrects, when and why', async () => {
    await open('v2', 'zh');
    const notice = screen.getByRole('region', { name: '更正说明' });
    expect(
      screen.getByRole('heading', { level: 1 }).compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(notice).getByText('本版为第2版，更正第1版')).toBeTruthy();
    expect(within(notice).getByText('2020-03-20')).toBeTruthy();
    expect(within(notice).getByText('更正')).toBeTruthy();
  });

  it('shows version 1 none', async () => {
    await open('v1', 'zh');
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('region', { name: '更正说明' })).toBeNull();
  });
});
