import type { TProject } from '@budgetflow/domain';
import { fireEvent, render, screen } from '@testing-library/react';
import { ProjectEditor } from '../src/features/editor/project-editor';
import { I18nProvider } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();

function renderEditor(editable = true) {
  const onApply = jest.fn<void, [TProject[]]>();
  render(
    <I18nProvider initial="zh">
      <ProjectEditor projects={seed.projects} editable={editable} onApply={onApply} />
    </I18nProvider>,
  );
  return onApply;
}

describe("the editor's project form", () => {
  const project = seed.projects[0]!;

  it("shows the project's detail, procurement and indicators", () => {
    renderEditor();
    expect((screen.getByLabelText('项目名称') as HTMLInputElement).value).toBe(project.name);
    expect(screen.getAllByLabelText(/^经济科目 \d+$/)).toHaveLength(project.details.length);
    expect(screen.getAllByLabelText(/^采购品名 \d+$/)).toHaveLength(project.procurement.length);
    expect(screen.getAllByLabelText(/^name \d+$/)).toHaveLength(project.indicators.length);
    expect((screen.getAllByLabelText(/^金额（元） \d+$/)[0] as HTMLInputElement).value).toMatch(
      /^\d{1,3}(,\d{3})*\.\d{2}$/,
    );
  });

  it('keeps an edited detail amount exactly, checked by the domain schema', () => {
    const onApply = renderEditor();
    fireEvent.change(screen.getAllByLabelText('金额（元） 1')[0]!, { target: { value: '1,234,567.8' } });
    fireEvent.change(screen.getByLabelText('项目名称'), { target: { value: '大数据平台运维' } });
    fireEvent.click(screen.getByRole('button', { name: '保存项目' }));
    const applied = onApply.mock.calls[0]?.[0].find((p) => p.id === project.id);
    expect(applied?.details[0]?.amount).toBe('1234567.80');
    expect(applied?.name).toBe('大数据平台运维');
  });

  it('refuses a name the schema refuses, saying why, and applies nothing', () => {
    const onApply = renderEditor();
    fireEvent.change(screen.getByLabelText('项目名称'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存项目' }));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('name');
  });

  it('marks an amount that is not one and does not take it', () => {
    const onApply = renderEditor();
    const amount = screen.getAllByLabelText('金额（元） 1')[0]!;
    fireEvent.change(amount, { target: { value: '12.345' } });
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '保存项目' }));
    expect(onApply.mock.calls[0]?.[0].find((p) => p.id === project.id)?.details[0]?.amount).toBe(
      project.details[0]?.amount,
    );
  });

  it('is read-only when the budget is frozen', () => {
    renderEditor(false);
    expect(screen.queryByRole('button', { name: '保存项目' })).toBeNull();
    expect((screen.getByLabelText('项目名称').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(
      true,
    );
  });
});
