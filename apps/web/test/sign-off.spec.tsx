import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { SignOffPanel, type TSignOffView } from '../src/features/publish/sign-off-panel';
import { useWorkflowAction } from '../src/lib/use-workflow-action';
import { fakeApi } from './admin-fake-api';

function Harness({ view, canSign }: { view: TSignOffView; canSign: boolean }) {
  const workflow = useWorkflowAction('b1');
  return <SignOffPanel view={view} canSign={canSign} version={7} workflow={workflow} />;
}

function renderPanel(view: TSignOffView, canSign: boolean) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale="zh">
      <MemoryRouter>
        <Harness view={view} canSign={canSign} />
      </MemoryRouter>
    </Providers>,
  );
}

const LATIN = /[A-Za-z]/;

describe('the 审签 panel', () => {
  it('the signer writes an opinion and signs the version they saw', async () => {
    const requests = fakeApi({ 'POST /api/budgets/b1/sign-off': { id: 'b1', action: 'sign-off', state: 'approved', round: 'replied', stageIndex: null, version: 8, revisionNo: 1 } });
    renderPanel({ required: true, signOff: null }, true);
    expect(screen.getByText('本年度公开前须审签，等待审签人审签。')).toBeTruthy();
    const button = screen.getByRole('button', { name: '审签' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('审签意见'), { target: { value: '经保密审查，同意公开' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(requests).toContainEqual({ method: 'POST', path: '/api/budgets/b1/sign-off', body: { version: 7, opinion: '经保密审查，同意公开' } }));
    expect(LATIN.test(screen.getByTestId('sign-off-panel').textContent ?? '')).toBe(false);
  });

  it('shows who signed and when, and offers nothing more', () => {
    fakeApi({});
    renderPanel({ required: true, signOff: { revisionNo: 1, signer: { username: 'signer', displayName: '财政局审签人（演示）' }, at: '2021-03-01T02:30:00.000Z', opinion: '同意公开' } }, true);
    expect(screen.getByRole('status').textContent).toMatch(/^已审签：财政局审签人（演示），2021-03-01 \d\d:30$/);
    expect(screen.getByText('审签意见：同意公开')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '审签' })).toBeNull();
    expect(LATIN.test(screen.getByTestId('sign-off-panel').textContent ?? '')).toBe(false);
  });

  it('a year that needs no 审签 says so, and a publisher is offered no 审签', () => {
    fakeApi({});
    renderPanel({ required: false, signOff: null }, false);
    expect(screen.getByText('本年度公开无须审签。')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
