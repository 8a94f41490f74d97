import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { seedDocument } from './budget-fixture';
import { gridHarness } from './grid-harness';
import { layoutViewport } from './grid-test-setup';

beforeAll(layoutViewport);

const seed = seedDocument();
// Three lines keep every row in view.
const doc = { ...seed, expenditureLines: seed.expenditureLines.slice(0, 3) };
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;
const paste = (target: Element, text: string) =>
  fireEvent.paste(target, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });

describe('pasting a block from Excel or WPS into the grid', () => {
  it('fills the cells from the cursor and adds rows, reading names, separators and 支出类型 in Chinese', async () => {
    render(gridHarness(doc));
    const tsv = [
      '人大会议\t基本工资\t人员经费\t\t经费拨款（补助）\t1,234.50\t第一行',
      '2010350 事业运行\t30102 津贴补贴\t公用经费\t\t经费拨款\t12,000\t',
      '2010350\t30107\t人员经费\t\t经费拨款（补助）\t800\t新增的',
      '2010350\t30107\t人员经费\t\t经费拨款（补助）\t900\t又一行',
    ].join('\r\n');
    paste(screen.getByLabelText('功能科目 2'), `${tsv}\r\n`);
    await waitFor(() => expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(5 + 2)));
    expect(value('功能科目 2')).toBe('2010104');
    expect(value('经济科目 2')).toBe('30101');
    expect(value('金额（元） 2')).toBe('1,234.50');
    expect(value('备注 2')).toBe('第一行');
    expect(value('支出类型 3')).toBe('basic-public');
    expect(value('金额（元） 3')).toBe('12,000.00');
    expect(value('金额（元） 4')).toBe('800.00');
    expect(value('金额（元） 5')).toBe('900.00');
    expect(value('备注 5')).toBe('又一行');
    expect(
      screen.getByText('已粘贴：识别 24 个单元格，涉及 4 行（新增 2 行），未采用 0 个单元格。'),
    ).toBeTruthy();
    expect(screen.getByLabelText('未保存').textContent).toBe('4');
  });

  it('refuses bad cells by row, column and reason, keeping the values they would have replaced', async () => {
    render(gridHarness(doc));
    const before = value('金额（元） 1');
    paste(
      screen.getByLabelText('功能科目 1'),
      '事业运行\t不存在的科目\t其他\r\n2010350\t30101\t人员经费\t\t经费拨款\t12.345\r\n',
    );
    const refused = await screen.findByRole('list', { name: '未采用的单元格' });
    const items = within(refused)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(
        /^第 1 行 · 功能科目 · 「事业运行」：「事业运行」对应多个功能科目：2010350 事业运行、2011350 事业运行/,
      ),
      '第 1 行 · 经济科目 · 「不存在的科目」：目录中没有名为「不存在的科目」的经济科目',
      '第 1 行 · 支出类型 · 「其他」：支出类型须为 人员经费、公用经费 或 项目：「其他」',
      '第 2 行 · 金额（元） · 「12.345」：金额最多两位小数（分）：「12.345」',
    ]);
    expect(value('功能科目 1')).toBe(doc.expenditureLines[0]!.functionCode);
    expect(value('金额（元） 1')).toBe(before);
  });

  it('copies a selected block out as tab-separated text that pastes back', () => {
    render(gridHarness(doc));
    const start = screen.getByLabelText('经济科目 1');
    act(() => start.focus());
    fireEvent.keyDown(start, { key: 'ArrowDown', shiftKey: true });
    fireEvent.keyDown(start, { key: 'ArrowRight', shiftKey: true });
    let copied = '';
    fireEvent.copy(start, { clipboardData: { setData: (_type: string, text: string) => (copied = text) } });
    expect(copied).toBe('30101 基本工资\t人员经费\r\n30102 津贴补贴\t人员经费\r\n');
  });

  it('fills down with Ctrl+D: the row above into the current row', () => {
    render(gridHarness(doc));
    const amount = screen.getByLabelText('金额（元） 2');
    act(() => amount.focus());
    fireEvent.keyDown(amount, { key: 'd', ctrlKey: true });
    expect(value('金额（元） 2')).toBe(value('金额（元） 1'));
  });
});

describe('moving and typing in the grid', () => {
  it('moves down from a 支出类型 select with ↓ instead of changing it', async () => {
    render(gridHarness(doc));
    const kind = screen.getByLabelText('支出类型 1');
    act(() => kind.focus());
    fireEvent.keyDown(kind, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('支出类型 2')));
    expect(value('支出类型 1')).toBe('basic-personnel');
  });

  it('moves right from a cell whose text is all selected, and left from the caret at the start', async () => {
    render(gridHarness(doc));
    const amount = screen.getByLabelText('金额（元） 1') as HTMLInputElement;
    act(() => amount.focus());
    amount.setSelectionRange(0, amount.value.length);
    fireEvent.keyDown(amount, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('备注 1')));
  });

  it('takes back a typed amount with Esc', () => {
    render(gridHarness(doc));
    const amount = screen.getByLabelText('金额（元） 1') as HTMLInputElement;
    fireEvent.focus(amount);
    fireEvent.change(amount, { target: { value: '99' } });
    expect(screen.getByLabelText('未保存').textContent).toBe('1');
    fireEvent.keyDown(amount, { key: 'Escape' });
    expect(amount.value).toBe('384,000.00');
    expect(screen.getByLabelText('未保存').textContent).toBe('0');
  });

  it('shows the 合计 of the rows and keeps to the rows a search finds', () => {
    render(gridHarness(doc));
    expect(screen.getByTestId('grid-total').textContent).toBe('855,000.00');
    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: '津贴补贴' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    expect(screen.getByTestId('grid-total').textContent).toBe('111,000.00');
    expect(screen.getByText('显示 1 / 3 行')).toBeTruthy();
  });
});
