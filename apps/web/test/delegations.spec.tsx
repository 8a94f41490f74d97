import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { DelegationsPage } from '../src/features/delegations/delegations-page';
import type { TSessionUser } from '../src/lib/api-types';
import { localDate } from '../src/lib/dates';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi } from './admin-fake-api';

const ME: TSessionUser = { id: 'u1', username: 'reviewer', role: 'reviewer', departmentCode: null, totpEnabled: false, mustEnrolTotp: false, office: { code: 'yewu-1', name: '行政政法科', kind: 'business' }, unit: null };
const today = localDate(new Date());
const dayAfter = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));
const GIVEN = { id: 'd1', delegator: 'reviewer', delegatorName: '审核人一', delegate: 'reviewer2', delegateName: '审核人二', startsOn: today, endsOn: dayAfter(3), reason: '出差', revoked: false };
const RECEIVED = { id: 'd2', delegator: 'reviewer3', delegatorName: '审核人三', delegate: 'reviewer', delegateName: '审核人一', startsOn: dayAfter(-9), endsOn: dayAfter(-2), reason: null, revoked: false };
const COLLEAGUES = { items: [{ username: 'reviewer2', displayName: '审核人二', office: '预算科' }] };

function renderPage(locale: TLocale = 'zh') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>
        <DelegationsPage user={ME} />
      </MemoryRouter>
    </Providers>,
  );
}

describe('the delegations page', () => {
  it('lists what the reviewer gave and received, with period and status, and revokes one after asking', async () => {
    const requests = fakeApi({ 'GET /api/delegations': { items: [GIVEN, RECEIVED] }, 'GET /api/delegations/colleagues': COLLEAGUES, 'DELETE /api/delegations/d1': undefined });
    renderPage();
    const given = await screen.findByRole('region', { name: '我委托的' });
    const row = within(given).getByRole('row', { name: /审核人二/ });
    expect(within(row).getByText(`${today} 至 ${dayAfter(3)}`)).toBeTruthy();
    expect(within(row).getByText('委托中')).toBeTruthy();
    const received = screen.getByRole('region', { name: '委托给我的' });
    expect(within(received).getByRole('row', { name: /审核人三/ }).textContent).toContain('已结束');
    expect(within(received).queryByRole('button')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: `撤销对审核人二自 ${today} 起的委托` }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '撤销委托' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'DELETE', path: '/api/delegations/d1', body: undefined }));
  });

  it('says what is wrong before sending: no colleague, a start in the past, an end before the start', async () => {
    const requests = fakeApi({ 'GET /api/delegations': { items: [] }, 'GET /api/delegations/colleagues': COLLEAGUES, 'POST /api/delegations': GIVEN });
    renderPage();
    const form = screen.getByRole('form', { name: '新建委托' });
    fireEvent.click(within(form).getByRole('button', { name: '委托' }));
    expect(within(form).getByLabelText('受托人').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('请选择受托人')).toBeTruthy();
    expect(within(form).getAllByText('请填写日期')).toHaveLength(2);

    await within(form).findByRole('option', { name: '审核人二（预算科）' });
    fireEvent.change(within(form).getByLabelText('受托人'), { target: { value: 'reviewer2' } });
    fireEvent.change(within(form).getByLabelText('开始日期'), { target: { value: dayAfter(-1) } });
    fireEvent.change(within(form).getByLabelText('结束日期'), { target: { value: dayAfter(-2) } });
    expect(within(form).getByText('开始日期不能早于今天')).toBeTruthy();
    expect(within(form).getByText('结束日期不能早于开始日期')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '委托' }));
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('开始日期'), { target: { value: today } });
    fireEvent.change(within(form).getByLabelText('结束日期'), { target: { value: dayAfter(3) } });
    fireEvent.change(within(form).getByLabelText('委托事由'), { target: { value: ' 出差 ' } });
    fireEvent.click(within(form).getByRole('button', { name: '委托' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/delegations', body: { delegate: 'reviewer2', startsOn: today, endsOn: dayAfter(3), reason: '出差' } }]));
    expect((await within(form).findByRole('status')).textContent).toBe(`已委托审核人二代为审核（${today} 至 ${dayAfter(3)}）。`);
  });

  it('speaks English in English', async () => {
    fakeApi({ 'GET /api/delegations': { items: [GIVEN] }, 'GET /api/delegations/colleagues': COLLEAGUES });
    renderPage('en');
    const given = await screen.findByRole('region', { name: 'Delegated by me' });
    expect(within(given).getByText(`${today} to ${dayAfter(3)}`)).toBeTruthy();
    expect(within(given).getByText('In force')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('form', { name: 'New delegation' })).getByRole('button', { name: 'Delegate my stage' }));
    expect(screen.getByText('Choose the colleague to delegate to')).toBeTruthy();
  });
});
