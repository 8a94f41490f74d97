import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure, type TListedFile, type TPublication } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../src/app/providers';
import { DisclosurePage } from '../src/features/portal/disclosure-page';
import type { TLocale } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';
import { fakeApi } from './admin-fake-api';

/*
 * The portal's page of one published version, for the component tests: the seed's disclosure as
 * version 1 (superseded) and version 2 (latest, a correction). A spec using it stands in for the
 * charts (jest.mock of disclosure-charts and echarts-setup: ECharts draws on a canvas jsdom has not).
 */
const seed = seedDocument();
export const disclosure = deriveDisclosure(seed, catalogueForYear(seed.fiscalYear));
// 06:00 UTC: 14:00 on 20 March in China's time, in which the portal prints it.
export const SECOND = { id: 'v2', versionNo: 2, publishedAt: '2020-03-20T06:00:00.000Z' };

export function version(id: string, versionNo: number, latest: boolean, files?: TListedFile[]): TPublication {
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
    files: files ?? [
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

/** The portal's page of one version (with these files, else its PDF), its answer already read (the breakdown answers 404: not what is tested). */
export async function open(id: string, locale: TLocale, files?: TListedFile[]) {
  fakeApi({});
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(['public', 'disclosure', 'v1'], version('v1', 1, false, files));
  client.setQueryData(['public', 'disclosure', 'v2'], version('v2', 2, true, files));
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

