import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { seedDocument } from './budget-fixture';
import { gridHarness } from './grid-harness';
import { layoutViewport } from './grid-test-setup';

beforeAll(layoutViewport);

const seed = seedDocument();
const doc = { ...seed, expenditureLines: seed.expenditureLines.slice(0, 3) };
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const unsaved = () => screen.getByLabelText('未保存').textContent;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, text: string) => {
  const input = screen.getByLabelText(label);
  act(() => input.focus());
  for (let i = 1; i <= text.length; i++) fireEvent.change(input, { target: { value: text.slice(0, i) } });
};

describe('undo and redo in the grid', () => {
  it('takes back a typed cell as one step, then a removal, and makes them again', () => {
    render(gridHarness(doc));
    type('金额（元） 1', '4567');
    type('备注 2', '改了');
    fireEvent.click(screen.getByRole('button', { name: '删除第 3 行' }));
    expect(screen.getByText('已删除第 3 行。')).toBeTruthy();
    expect(screen.queryByLabelText('金额（元） 3')).toBeNull();

    click('撤销');
    expect(value('金额（元） 3')).toBe('360,000.00');
    click('撤销');
    expect(value('备注 2')).toBe('');
    click('撤销');
    expect(value('金额（元） 1')).toBe('384,000.00');
    expect(unsaved()).toBe('0');
    expect(screen.getByRole('button', { name: '撤销' }).hasAttribute('disabled')).toBe(true);

    click('重做');
    expect(value('金额（元） 1')).toBe('4,567.00');
    click('重做');
    click('重做');
    expect(value('备注 2')).toBe('改了');
    expect(screen.queryByLabelText('金额（元） 3')).toBeNull();
    expect(unsaved()).toBe('3');
  });

  it('takes back a whole paste in one step, rows it added included', async () => {
    render(gridHarness(doc));
    fireEvent.paste(screen.getByLabelText('金额（元） 3'), {
      clipboardData: { getData: () => '1\r\n2\r\n3\r\n' },
    });
    await waitFor(() => expect(screen.getByLabelText('金额（元） 5')).toBeTruthy());
    click('撤销');
    await waitFor(() => expect(screen.queryByLabelText('金额（元） 4')).toBeNull());
    expect(value('金额（元） 3')).toBe('360,000.00');
    expect(unsaved()).toBe('0');
  });

  it('still undoes after a save, as a new unsaved change', () => {
    render(gridHarness(doc));
    type('金额（元） 2', '5');
    click('保存');
    expect(unsaved()).toBe('0');
    click('撤销');
    expect(value('金额（元） 2')).toBe('111,000.00');
    expect(unsaved()).toBe('1');
  });
});
