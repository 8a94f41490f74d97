import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { AdjustButton } from '../src/features/adjustments/adjust-button';
import { compareAdjustment } from '../src/features/adjustments/adjustment-comparison';
import { AdjustmentsPanel } from '../src/features/adjustments/adjustments-panel';
import type { TAdjustment } from '../src/features/adjustments/use-adjustments';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi } from './admin-fake-api';

const LINES: TAdjustment['lines'] = [
  { lineId: 'l1', functionCode: '2010350', economicCode: '30101', original: '1200000.10', adjustment: '10000.00', adjusted: '1210000.10' },
  { lineId: 'l2', functionCode: '2010350', economicCode: '30102', original: '300000.20', adjustment: '-10000.00', adjusted: '290000.20' },
  { lineId: 'l3', functionCode: '2080505', economicCode: '30108', original: '99999999999.99', adjustment: '0.00', adjusted: '99999999999.99' },
  // a line the adjustment adds: it had no 年初预算 (the API writes that 0 without decimals)
  { lineId: 'l4', functionCode: '2010301', economicCode: '30201', original: '0', adjustment: '5000.5', adjusted: '5000.50' },
];
const ADJUSTMENT: TAdjustment = { id: 'a1', kind: 'increase', reason: '追加办公设备购置', baseRevisionNo: 1, revisionNo: 2, documentNo: '硚财预调〔2020〕3号', repliedOn: '2020-06-30', requestedAt: '2020-06-01T02:00:00.000Z', lines: LINES };

function renderWith(ui: React.ReactNode, locale: TLocale = 'zh') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
  return client;
}

describe('an adjustment side by side', () => {
  it('adds the lines of one 功能科目 up exactly, in 分, and totals 年初预算 / 调整数 / 调整后预算', () => {
    const { rows, total } = compareAdjustment(LINES, 'function');
    expect(rows.map((r) => [r.functionCode, r.original, r.adjustment, r.adjusted])).toEqual([
      ['2010301', '0.00', '5000.50', '5000.50'],
      ['2010350', '1500000.30', '0.00', '1500000.30'],
      ['2080505', '99999999999.99', '0.00', '99999999999.99'],
    ]);
    expect([total.original, total.adjustment, total.adjusted]).toEqual(['100001500000.29', '5000.50', '100001505000.79']);
    expect(compareAdjustment(LINES, 'line').rows.map((r) => [r.key, r.adjustment])).toEqual([
      ['l4', '5000.50'],
      ['l1', '10000.00'],
      ['l2', '-10000.00'],
      ['l3', '0.00'],
    ]);
  });

  it('shows the kind, reason and 批复 of each adjustment, per 功能科目 and, asked, per line', async () => {
    fakeApi({ 'GET /api/budgets/b1/adjustments': { items: [ADJUSTMENT] } });
    renderWith(<AdjustmentsPanel budgetId="b1" fiscalYear={2020} />);
    const adjustment = await screen.findByRole('article', { name: '追加：追加办公设备购置' });
    expect(adjustment.textContent).toContain('已批复：硚财预调〔2020〕3号（2020-06-30）');
    const headers = within(adjustment).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['功能科目', '年初预算', '调整数', '调整后预算']);
    const row = within(adjustment).getByRole('row', { name: /2010350/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1,500,000.30', '0.00', '1,500,000.30']);
    expect(within(adjustment).getByRole('row', { name: /合计/ }).textContent).toContain('100,001,505,000.79');

    fireEvent.click(within(adjustment).getByRole('button', { name: '按明细' }));
    const moved = within(adjustment).getAllByRole('row', { name: /2010350/ }).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(moved).toEqual([
      ['30101', '1,200,000.10', '10,000.00', '1,210,000.10'],
      ['30102', '300,000.20', '-10,000.00', '290,000.20'],
    ]);
  });

  it('says an adjustment in review takes the working copy as its adjusted figures, in English too', async () => {
    fakeApi({ 'GET /api/budgets/b1/adjustments': { items: [{ ...ADJUSTMENT, kind: 'transfer', revisionNo: null, documentNo: null, repliedOn: null }] } });
    renderWith(<AdjustmentsPanel budgetId="b1" fiscalYear={2020} />, 'en');
    const adjustment = await screen.findByRole('article', { name: 'Transfer: 追加办公设备购置' });
    expect(adjustment.textContent).toContain('In progress');
    expect(within(adjustment).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Function', 'Original budget', 'Adjustment', 'Adjusted budget']);
  });

  it('shows nothing for a budget without adjustments', async () => {
    fakeApi({ 'GET /api/budgets/b1/adjustments': { items: [] } });
    const client = renderWith(<AdjustmentsPanel budgetId="b1" fiscalYear={2020} />);
    await waitFor(() => expect(client.getQueryState(['budget', 'b1', 'adjustments'])?.status).toBe('success'));
    expect(screen.queryByRole('heading', { name: '预算调整' })).toBeNull();
  });
});

describe('asking for an adjustment', () => {
  it('needs a kind and a reason, says so, and sends them', () => {
    const onAdjust = jest.fn();
    renderWith(<AdjustButton pending={false} onAdjust={onAdjust} />);
    fireEvent.click(screen.getByRole('button', { name: '申请预算调整' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '申请预算调整' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).getByText('请选择调整类型')).toBeTruthy();
    expect(within(dialog).getByText('请填写调整原因')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('调整类型'), { target: { value: 'transfer' } });
    fireEvent.change(within(dialog).getByLabelText('调整原因'), { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).queryByText('请选择调整类型')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('调整原因'), { target: { value: ' 调剂基本工资与津贴补贴 ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(onAdjust).toHaveBeenCalledWith({ kind: 'transfer', reason: '调剂基本工资与津贴补贴' });
  });
});
