import { fireEvent, screen, within } from '@testing-library/react';
import { PerformanceForm } from '../src/features/editor/forms/performance-form';
import { seedDocument } from './budget-fixture';
import { renderPartForm } from './form-harness';

const seed = seedDocument();
const performance = seed.performance;

describe('the 表九 form', () => {
  it('shows the targets and every indicator in its 一级/二级/三级 structure', () => {
    renderPartForm(PerformanceForm, performance, {});
    expect((screen.getByLabelText('年度目标') as HTMLTextAreaElement).value).toBe(performance.annualTarget);
    const longTerm = screen.getByRole('group', { name: '长期绩效指标' });
    expect(within(longTerm).getAllByLabelText(/^一级指标 \d+$/)).toHaveLength(performance.longTermIndicators.length);
    expect(within(longTerm).getAllByLabelText(/^三级指标（指标名称） \d+$/)).toHaveLength(performance.longTermIndicators.length);
    expect(screen.getAllByLabelText(/^年度指标 \d+ 名称$/)).toHaveLength(performance.annualGoals.length);
  });

  it('writes the annual target and adds an indicator under the level of the one before', () => {
    const form = renderPartForm(PerformanceForm, { ...performance, annualTarget: '' }, {});
    fireEvent.change(screen.getByLabelText('年度目标'), { target: { value: '保障全区政务网络安全稳定运行。' } });
    expect(form.last()?.annualTarget).toBe('保障全区政务网络安全稳定运行。');
    const longTerm = screen.getByRole('group', { name: '长期绩效指标' });
    const n = performance.longTermIndicators.length;
    fireEvent.click(within(longTerm).getByRole('button', { name: '添加指标' }));
    fireEvent.change(within(longTerm).getByLabelText(`三级指标（指标名称） ${n + 1}`), { target: { value: '网络可用率' } });
    fireEvent.change(within(longTerm).getByLabelText(`预期值 ${n + 1}`), { target: { value: '≥99%' } });
    const added = form.last()?.longTermIndicators[n];
    expect(added).toMatchObject({ level1: performance.longTermIndicators[n - 1]?.level1, name: '网络可用率', target: '≥99%' });
  });

  it('removes an indicator and adds an annual goal with its own indicators', () => {
    const form = renderPartForm(PerformanceForm, performance, {});
    const longTerm = screen.getByRole('group', { name: '长期绩效指标' });
    fireEvent.click(within(longTerm).getByRole('button', { name: '删除指标 1' }));
    expect(form.last()?.longTermIndicators).toEqual(performance.longTermIndicators.slice(1));
    fireEvent.click(screen.getByRole('button', { name: '添加年度指标' }));
    const n = performance.annualGoals.length + 1;
    fireEvent.change(screen.getByLabelText(`年度指标 ${n} 名称`), { target: { value: '数据共享' } });
    const goal = screen.getByRole('group', { name: '绩效指标 · 数据共享' });
    fireEvent.click(within(goal).getByRole('button', { name: '添加指标' }));
    fireEvent.change(within(goal).getByLabelText('三级指标（指标名称） 1'), { target: { value: '共享接口数' } });
    expect(form.last()?.annualGoals.at(-1)).toMatchObject({ title: '数据共享', indicators: [{ level1: '产出指标', level2: '数量指标', name: '共享接口数' }] });
  });

  it('refuses a target longer than 表9 prints, saying so beside it', () => {
    const form = renderPartForm(PerformanceForm, performance, {});
    fireEvent.change(screen.getByLabelText('填报人'), { target: { value: '张'.repeat(101) } });
    expect(screen.getByLabelText('填报人').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('不能超过 100 个字')).toBeTruthy();
    expect(form.invalid.has('form:performance')).toBe(true);
  });
});
