import { fireEvent, render, screen } from '@testing-library/react';
import { LazySelect } from '../src/features/editor/lazy-select';

const options = Array.from({ length: 500 }, (_, i) => ({ value: `P${i}`, label: `项目 ${i}` }));

describe("a grid row's select", () => {
  it('holds only its value until used, then every choice, and keeps the choice made', () => {
    const chosen: string[] = [];
    render(
      <LazySelect
        aria-label="项目"
        value="P7"
        options={options}
        onChange={(e) => chosen.push(e.target.value)}
      />,
    );
    const select = screen.getByRole('combobox', { name: '项目' }) as HTMLSelectElement;
    expect(select.options).toHaveLength(1);
    expect(select.value).toBe('P7');
    fireEvent.focus(select);
    expect(select.options).toHaveLength(500);
    fireEvent.change(select, { target: { value: 'P42' } });
    expect(chosen).toEqual(['P42']);
    fireEvent.blur(select);
    expect(select.options).toHaveLength(1);
  });

  it('shows a value that is not among the choices as it is', () => {
    render(<LazySelect aria-label="单位" value="999999" options={options} onChange={jest.fn()} />);
    const select = screen.getByRole('combobox', { name: '单位' }) as HTMLSelectElement;
    expect(select.value).toBe('999999');
    fireEvent.focus(select);
    expect(select.value).toBe('999999');
  });
});
