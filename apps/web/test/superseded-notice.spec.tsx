import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure, type TPublication } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../src/app/providers';
import { DisclosurePage } from '../src/features/portal/disclosure-page';
import type { TLocale } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';
import { fakeApi } from './admin-fake-api';

// The charts are not what is tested here, and ECharts draws on a canvas jsdom has not.
jest.mock('../src/features/portal/disclosure-charts', () => ({ __esModule: true, default: () => null }));
jest.mock('../src/features/portal/echarts-setup', () => ({}));

const seed = seedDocument();
const disclosure = deriveDisclosure(seed, catalogueForYear(seed.fiscalYear));
// 06:00 UTC is 20 March in every time zone the tests may run in.
const SECOND = { id: 'v2', versionNo: 2, publishedAt: '2020-03-20T06:00:00.000Z' };

function version(id: string, versionNo: number, latest: boolean): TPublication {
  return {
    id,
    budgetId: 'b1',
    versionNo,
    revisionNo: versionNo,
    fiscalYear: seed.fiscalYear,
    department: { code: '019001', name: '硚口区大数据中心' },
    publishedAt: versionNo === 1 ? '2020-03-01T06:00:00.000Z' : SECOND.publishedAt,
    latest,
    sha256: 'a'.repeat(64),
    disclosure,
    files: [
      {
        name: 'disclosure.pdf',
        format: 'pdf',
        url: `/api/public/files/${id}`,
        size: 2048,
        sha256: 'b'.repeat(64),
      },
    ],
    correction:
      versionNo === 1 ? null : { reason: '更正', date: '2020-03-20', previousVersion: 1, changes: [] },
    latestVersion: SECOND,
  } as TPublication;
}

/** The portal's page of one version, its answer already read (the breakdown answers 404: not what is tested). */
async function open(id: string, locale: TLocale) {
  fakeApi({});
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(['public', 'disclosure', 'v1'], version('v1', 1, false));
  client.setQueryData(['public', 'disclosure', 'v2'], version('v2', 2, true));
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter initialEntries={[`/portal/${id}`]}>
        <Routes>
          <Route path="/portal/:id" element={<DisclosurePage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  // the charts' lazy module (stood in for) settles before the page is read
  await act(async () => {});
}

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
