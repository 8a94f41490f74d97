import { catalogueForYear, type TExpenditureLine } from '@budgetflow/domain';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { LineGrid, type TLineGridHandle } from '../src/features/editor/line-grid';
import type { TInvalidCell } from '../src/features/editor/working-copy';
import { I18nProvider } from '../src/lib/i18n';
import { manyLines, seedDocument } from './budget-fixture';
import { layoutViewport } from './grid-test-setup';

beforeAll(layoutViewport);

const doc = seedDocument();
const catalogue = catalogueForYear(doc.fiscalYear);

function renderGrid(lines: TExpenditureLine[], overrides: Partial<Parameters<typeof LineGrid>[0]> = {}) {
  const onLineChange = jest.fn<void, [TExpenditureLine]>();
  const onInvalidCell = jest.fn<void, [string, string, TInvalidCell | null]>();
  const ref = createRef<TLineGridHandle>();
  const props = {
    lines,
    document: doc,
    catalogue,
    editable: true,
    dirty: new Set<string>(),
    cellFindings: new Map<string, string>(),
    invalid: new Map<string, TInvalidCell>(),
    onLineChange,
    onLineRemove: jest.fn(),
    onInvalidCell,
    ...overrides,
  };
  const view = render(
    <I18nProvider initial="zh">
      <LineGrid ref={ref} {...props} />
    </I18nProvider>,
  );
  return { ...view, ref, onLineChange, onInvalidCell };
}

const valueOf = (element: Element) => (element as HTMLInputElement).value;
const renderedRows = (container: HTMLElement) => container.querySelectorAll('[data-line]');

describe('the editor grid', () => {
  it('keeps only the rows in view in the page for a 10,000-line budget', () => {
    const { container } = renderGrid(manyLines(doc, 10_000));
    const rows = renderedRows(container).length;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(40);
    expect(screen.getByRole('table', { name: '支出明细' })?.getAttribute('aria-rowcount')).toBe('10002');
  });

  it('shows amounts exactly with thousands separators', () => {
    const lines = [{ ...doc.expenditureLines[0]!, id: 'X1', amount: '1234567.05' }];
    renderGrid(lines);
    expect(valueOf(screen.getByLabelText('金额（元） 1'))).toBe('1,234,567.05');
  });

  it('turns typed 元 into the exact canonical amount of the line', () => {
    const lines = doc.expenditureLines.slice(0, 3);
    const { onLineChange } = renderGrid(lines);
    const amount = screen.getByLabelText('金额（元） 2');
    fireEvent.focus(amount);
    fireEvent.change(amount, { target: { value: '1,234.5' } });
    expect(onLineChange).toHaveBeenLastCalledWith({ ...lines[1], amount: '1234.50' }, 'amount');
  });

  it('reads full-width digits, point and comma as a Chinese input method types them', () => {
    const lines = doc.expenditureLines.slice(0, 3);
    const { onLineChange, onInvalidCell } = renderGrid(lines);
    const amount = screen.getByLabelText('金额（元） 2');
    fireEvent.focus(amount);
    fireEvent.change(amount, { target: { value: '１，２３４．５６' } });
    expect(onLineChange).toHaveBeenLastCalledWith({ ...lines[1], amount: '1234.56' }, 'amount');
    expect(onInvalidCell).not.toHaveBeenCalled();
  });

  it('keeps what was typed when it is not an amount, with the reason in both languages, and does not change the line', () => {
    const lines = doc.expenditureLines.slice(0, 3);
    const { onLineChange, onInvalidCell } = renderGrid(lines);
    const amount = screen.getByLabelText('金额（元） 1');
    fireEvent.focus(amount);
    fireEvent.change(amount, { target: { value: '12.345' } });
    expect(onLineChange).not.toHaveBeenCalled();
    expect(onInvalidCell).toHaveBeenLastCalledWith(lines[0]!.id, 'amount', {
      text: '12.345',
      reason: { zh: '金额最多两位小数（分）', en: 'at most two decimals (分)' },
    });
    expect(valueOf(amount)).toBe('12.345');
  });

  it('marks an amount the working copy holds as invalid, with its reason in Chinese as the tooltip, even after the row scrolls away and back', () => {
    const lines = doc.expenditureLines.slice(0, 3);
    renderGrid(lines, {
      invalid: new Map([[`${lines[0]!.id}:amount`, { text: '12a', reason: { zh: '不是金额', en: 'not an amount' } }]]),
    });
    const amount = screen.getByLabelText('金额（元） 1');
    expect(valueOf(amount)).toBe('12a');
    expect(amount?.getAttribute('aria-invalid')).toBe('true');
    expect(amount?.getAttribute('title')).toBe('不是金额');
    expect(amount?.closest('[role="cell"]')?.getAttribute('title')).toBe('不是金额');
  });

  it('keeps a code typed that the catalogue lacks, marked, saying why, and leaves the line as it was', () => {
    const lines = doc.expenditureLines.slice(0, 3);
    const { onLineChange, onInvalidCell } = renderGrid(lines);
    const code = screen.getByLabelText('功能科目 1');
    fireEvent.focus(code);
    fireEvent.change(code, { target: { value: '9999999' } });
    fireEvent.blur(code);
    expect(onLineChange).not.toHaveBeenCalled();
    expect(onInvalidCell).toHaveBeenLastCalledWith(lines[0]!.id, 'functionCode', {
      text: '9999999',
      reason: { zh: '无此科目：9999999', en: 'no such code: 9999999' },
    });
  });

  it('shows a refused code as typed, marked invalid, with 无此科目 beside it; a code typed whole is taken on leaving', () => {
    const lines = doc.expenditureLines.slice(0, 3);
    const { onLineChange, onInvalidCell } = renderGrid(lines, {
      invalid: new Map([[`${lines[0]!.id}:functionCode`, { text: '9999999', reason: { zh: '无此科目：9999999', en: 'no such code: 9999999' } }]]),
    });
    const code = screen.getByLabelText('功能科目 1');
    expect(valueOf(code)).toBe('9999999');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('无此科目：9999999')).toBeTruthy();
    fireEvent.focus(code);
    fireEvent.change(code, { target: { value: '2010350' } });
    fireEvent.blur(code);
    expect(onInvalidCell).toHaveBeenLastCalledWith(lines[0]!.id, 'functionCode', null);
    expect(onLineChange).not.toHaveBeenCalled(); // the line already carries 2010350
  });

  it('scrolls a far line into view and puts the cursor in the asked field', async () => {
    const lines = manyLines(doc, 10_000);
    const { ref, container } = renderGrid(lines);
    expect(container.querySelector('[data-line="G7000"]')).toBeNull();
    act(() => ref.current?.focusCell('G7000', 'economicCode'));
    // A generous bound: 10,000 rows in jsdom on a loaded machine take seconds to lay out.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-cell')).toBe('G7000:economicCode'), { timeout: 20_000 });
  }, 60_000);

  it('moves to the same field of the next line with the down arrow', async () => {
    const lines = doc.expenditureLines.slice(0, 5);
    renderGrid(lines);
    const note = screen.getByLabelText('备注 2');
    act(() => note.focus());
    fireEvent.keyDown(note, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('备注 3')));
  });

  it('offers nothing to edit when the budget is frozen', () => {
    renderGrid(doc.expenditureLines.slice(0, 2), { editable: false });
    expect(document.querySelector('input[role="combobox"]')).toBeNull();
    expect(screen.getByLabelText('金额（元） 1')?.hasAttribute('readonly')).toBe(true);
    expect(screen.queryByRole('button', { name: /删除第/ })).toBeNull();
  });
});
