import { fireEvent, screen, within } from '@testing-library/react';
import { DepartmentForm } from '../src/features/editor/forms/department-form';
import { seedDocument } from './budget-fixture';
import { renderPartForm } from './form-harness';

const seed = seedDocument();
const renderForm = (editable = true) => renderPartForm(DepartmentForm, seed.department, {}, { editable });

describe('the 部门概况 form', () => {
  it('shows the 职能, the units with their level and the staffing by type', () => {
    renderForm();
    expect((screen.getByLabelText('部门名称') as HTMLInputElement).value).toBe(seed.department.name);
    expect(screen.getAllByLabelText(/^职能 \d+$/)).toHaveLength(seed.department.functions.length);
    expect((screen.getByLabelText('级次 1') as HTMLSelectElement).value).toBe('self');
    expect(screen.getByRole('option', { name: '本级' })).toBeTruthy();
    expect((screen.getByLabelText('编制人数（总）') as HTMLInputElement).value).toBe('18');
    expect((screen.getByLabelText('编制人数（按类型） · 类型 1') as HTMLInputElement).value).toBe('事业编制');
  });

  it('applies an added 职能 and a second-level unit to the document at once', () => {
    const form = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '添加职能' }));
    const added = screen.getByLabelText(`职能 ${seed.department.functions.length + 1}`);
    fireEvent.change(added, { target: { value: '负责全区政务数据共享。' } });
    expect(form.last()?.functions.at(-1)).toBe('负责全区政务数据共享。');
    fireEvent.click(screen.getByRole('button', { name: '添加预算单位' }));
    fireEvent.change(screen.getByLabelText('单位编码 2'), { target: { value: '019002' } });
    fireEvent.change(screen.getByLabelText('单位名称 2'), { target: { value: '硚口区数据服务站' } });
    fireEvent.change(screen.getByLabelText('单位性质 2'), { target: { value: 'institution' } });
    expect(form.last()?.units[1]).toEqual({ code: '019002', name: '硚口区数据服务站', level: 'subordinate', category: 'institution' });
    expect(form.invalid.size).toBe(0);
  });

  it('refuses what the schema refuses, in Chinese next to the field, and keeps the draft to fix', () => {
    const form = renderForm();
    const before = form.applied.length;
    const code = screen.getByLabelText('单位编码 1');
    fireEvent.change(code, { target: { value: '019 001' } });
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(code.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('编码为 1–20 位字母或数字');
    expect(form.applied.length).toBe(before);
    expect(form.invalid.get('form:department')?.reason.zh).toBe('编码为 1–20 位字母或数字');
    fireEvent.change(screen.getByLabelText('在职实有人数（总）'), { target: { value: '十二' } });
    expect(screen.getByText('请填写整数')).toBeTruthy();
    fireEvent.change(code, { target: { value: '019001' } });
    fireEvent.change(screen.getByLabelText('在职实有人数（总）'), { target: { value: '13' } });
    expect(form.invalid.size).toBe(0);
    expect(form.last()?.staffing.actual).toBe(13);
  });

  it('keeps what was typed, refused, when the person leaves the tab and comes back', () => {
    const form = renderForm();
    fireEvent.change(screen.getByLabelText('单位编码 1'), { target: { value: '019 001' } });
    form.toggle();
    expect(screen.queryByLabelText('单位编码 1')).toBeNull();
    form.toggle();
    const code = screen.getByLabelText('单位编码 1') as HTMLInputElement;
    expect(code.value).toBe('019 001');
    expect(code.getAttribute('aria-invalid')).toBe('true');
  });

  it('counts staff by type under a name the preparer types', () => {
    const form = renderForm();
    const fieldset = screen.getByRole('group', { name: '实有人数（按类型）' });
    fireEvent.click(within(fieldset).getByRole('button', { name: '添加类型' }));
    fireEvent.change(screen.getByLabelText('实有人数（按类型） · 类型 2'), { target: { value: '编外' } });
    fireEvent.change(screen.getByLabelText('实有人数（按类型） · 人数 2'), { target: { value: '3' } });
    expect(form.last()?.staffing.actualByType).toEqual({ 事业: 12, 编外: 3 });
  });

  it('is read-only when the budget is frozen', () => {
    renderForm(false);
    expect(screen.queryByRole('button', { name: '添加职能' })).toBeNull();
    expect((screen.getByLabelText('部门名称') as HTMLInputElement).readOnly).toBe(true);
  });
});
