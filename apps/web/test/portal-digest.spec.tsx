import './text-encoder.polyfill';
import type { TDisclosureBreakdown } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { Digest } from '../src/features/portal/digest';

const digest = (lastYear: TDisclosureBreakdown['digest']['lastYear']): TDisclosureBreakdown['digest'] => ({
  total: '6144000.00',
  basic: '3598000.00',
  project: '2546000.00',
  lastYear,
  change: lastYear === null ? null : { amount: '100000.00', percent: '1.7' },
  changeReason: '',
  functionClasses: [],
});

function renderDigest(d: TDisclosureBreakdown['digest']) {
  return render(
    <Providers client={new QueryClient()} locale="zh">
      <MemoryRouter>
        <Digest digest={d} />
      </MemoryRouter>
    </Providers>,
  );
}

/** 比上年增减 on the first screen: against last year as published, and it says so; the budget's own 上年 needs no note. */
describe('the digest’s change on last year', () => {
  it('says the change is on last year as published', () => {
    renderDigest(digest({ year: 2020, total: '6044000.00', stated: false }));
    expect(screen.getByText('比2020年增减')).toBeTruthy();
    expect(screen.getByText(/\+10\.0 万元（\+1\.7%）/).textContent).toBe('+10.0 万元（+1.7%） （与上年公开数比较）');
  });

  it('adds nothing to the budget’s own 上年预算数, and has no change without last year', () => {
    const { unmount } = renderDigest(digest({ year: 2020, total: '6044000.00', stated: true }));
    expect(screen.getByText(/\+10\.0 万元/).textContent).toBe('+10.0 万元（+1.7%）');
    unmount();
    renderDigest(digest(null));
    expect(screen.getByText('比上年增减')).toBeTruthy();
    expect(screen.getByText('无上年数')).toBeTruthy();
  });
});
