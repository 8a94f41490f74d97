import { catalogueForYear } from '@budgetflow/domain';
import { fireEvent, render, screen } from '@testing-library/react';
import { CodePicker } from '../src/features/editor/code-picker';
import { I18nProvider } from '../src/lib/i18n';

const catalogue = catalogueForYear(2020);

function renderPicker(kind: 'functional' | 'economic', value: string) {
  const onChange = jest.fn<void, [string]>();
  render(
    <I18nProvider initial="zh">
      <CodePicker catalogue={catalogue} kind={kind} value={value} onChange={onChange} label="科目" />
    </I18nProvider>,
  );
  return { onChange, input: screen.getByRole('combobox', { name: '科目' }) as HTMLInputElement };
}

const optionTexts = () => screen.queryAllByRole('option').map((o) => o.textContent ?? '');

describe('the catalogue code picker', () => {
  it('shows the name of the chosen code beside it', () => {
    renderPicker('functional', '2010350');
    expect(screen.getByText('事业运行')).toBeTruthy();
  });

  it('finds functional 项 codes by part of their name and picks one with the keyboard', () => {
    const { onChange, input } = renderPicker('functional', '2010350');
    fireEvent.change(input, { target: { value: '基本养老保险缴费' } });
    expect(optionTexts()).toContain('2080505 机关事业单位基本养老保险缴费支出');
    expect(optionTexts().every((t) => /^\d{7} /.test(t))).toBe(true);
    const index = optionTexts().indexOf('2080505 机关事业单位基本养老保险缴费支出');
    for (let i = 0; i < index; i++) fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('2080505');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('finds economic 款 codes by the start of their code', () => {
    const { input } = renderPicker('economic', '30101');
    fireEvent.change(input, { target: { value: '3020' } });
    const texts = optionTexts();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((t) => t.startsWith('3020') && /^\d{5} /.test(t))).toBe(true);
  });

  it('offers nothing outside the catalogue, and Escape keeps the value', () => {
    const { onChange, input } = renderPicker('economic', '30101');
    fireEvent.change(input, { target: { value: '不存在的科目' } });
    expect(optionTexts()).toEqual(['无匹配科目']);
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onChange).not.toHaveBeenCalled();
    expect(input.value).toBe('30101');
  });

  it('picks with the mouse', () => {
    const { onChange, input } = renderPicker('economic', '30101');
    fireEvent.change(input, { target: { value: '办公费' } });
    fireEvent.mouseDown(screen.getByRole('option', { name: '30201 办公费' }));
    expect(onChange).toHaveBeenCalledWith('30201');
  });
});
