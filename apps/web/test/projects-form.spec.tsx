import { fireEvent, screen, within } from '@testing-library/react';
import { ProjectsForm } from '../src/features/editor/forms/projects-form';
import { seedDocument } from './budget-fixture';
import { renderPartForm } from './form-harness';

// jsdom's label queries over a form of many fields are slow on a loaded machine.
jest.setTimeout(120_000);

const seed = seedDocument();
// The seed's project with the first few rows of each list: every kind of row, fewer fields to search.
const full = seed.projects[0]!;
const project = { ...full, details: full.details.slice(0, 2), procurement: full.procurement.slice(0, 2), indicators: full.indicators.slice(0, 3) };
const extra = { fiscalYear: 2021, units: seed.department.units, focus: null };
const renderForm = (editable = true) => renderPartForm(ProjectsForm, [project], extra, { editable });

describe('the projects form', () => {
  it("shows a project's header facts, lists and indicators, amounts with separators", () => {
    renderForm();
    expect((screen.getByLabelText('项目名称') as HTMLInputElement).value).toBe(project.name);
    expect(screen.getAllByLabelText(/^经济科目 \d+$/)).toHaveLength(project.details.length);
    expect(screen.getAllByLabelText(/^采购品名 \d+$/)).toHaveLength(project.procurement.length);
    expect(screen.getAllByLabelText(/^三级指标（指标名称） \d+$/)).toHaveLength(project.indicators.length);
    expect((screen.getByLabelText('支出明细测算 金额（元） 1') as HTMLInputElement).value).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  });

  it('adds a new project with its own id, and fills it: facts, fund source, detail, indicator', () => {
    const form = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '新增项目' }));
    expect((screen.getByLabelText('项目编号') as HTMLInputElement).value).toBe('P2021-001');
    fireEvent.change(screen.getByLabelText('项目名称'), { target: { value: '政务云扩容' } });
    fireEvent.change(screen.getByLabelText('项目立项依据'), { target: { value: '区政府常务会议纪要。' } });
    fireEvent.change(screen.getByLabelText('项目绩效总目标'), { target: { value: '完成政务云扩容。' } });
    fireEvent.click(screen.getByRole('button', { name: '添加资金来源' }));
    fireEvent.change(screen.getByLabelText('资金来源 金额（元） 1'), { target: { value: '500,000' } });
    fireEvent.click(screen.getByRole('button', { name: '添加明细' }));
    fireEvent.change(screen.getByLabelText('经济科目 1'), { target: { value: '30227' } });
    fireEvent.change(screen.getByLabelText('支出明细测算 金额（元） 1'), { target: { value: '500000' } });
    fireEvent.click(within(screen.getByRole('group', { name: '绩效指标' })).getByRole('button', { name: '添加指标' }));
    fireEvent.change(screen.getByLabelText('三级指标（指标名称） 1'), { target: { value: '扩容节点数' } });
    fireEvent.change(screen.getByLabelText('预期值 1'), { target: { value: '20个' } });
    const added = form.last()?.find((p) => p.id === 'P2021-001');
    expect(added).toMatchObject({
      name: '政务云扩容',
      unitCode: seed.department.units[0]!.code,
      basis: '区政府常务会议纪要。',
      overallTarget: '完成政务云扩容。',
      fundSources: [{ source: 'general-budget-appropriation', amount: '500000.00' }],
      details: [{ economicCode: '30227', amount: '500000.00' }],
      indicators: [{ level1: '产出指标', level2: '数量指标', name: '扩容节点数', target: '20个' }],
    });
    expect(form.last()?.map((p) => p.id)).toEqual([project.id, 'P2021-001']);
  });

  it('copies a project under a new id and name, and removes one after asking', () => {
    const form = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '复制项目' }));
    const copy = form.last()?.at(-1);
    expect(copy).toMatchObject({ id: 'P2021-001', name: `${project.name}（副本）`, details: project.details, indicators: project.indicators });
    fireEvent.click(screen.getByRole('button', { name: '删除项目' }));
    const dialog = screen.getByRole('alertdialog', { name: '删除项目' });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除项目' }));
    expect(form.last()?.map((p) => p.id)).toEqual([project.id]);
  });

  it('says in Chinese what is wrong with a detail, beside it, and applies nothing until fixed', () => {
    const form = renderForm();
    const before = form.applied.length;
    const code = screen.getByLabelText('经济科目 1');
    fireEvent.change(code, { target: { value: '3022' } });
    expect(document.getElementById(code.getAttribute('aria-describedby') ?? '')?.textContent).toBe('经济科目为 5 位数字（款）');
    fireEvent.change(screen.getByLabelText('项目名称'), { target: { value: '  ' } });
    expect(screen.getByText('必填')).toBeTruthy();
    expect(form.applied.length).toBe(before);
    expect(form.invalid.has('form:projects')).toBe(true);
  });

  it('books a purchase on an economic code, or on none when emptied', () => {
    const form = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '添加采购' }));
    const n = project.procurement.length + 1;
    fireEvent.change(screen.getByLabelText(`采购品名 ${n}`), { target: { value: '服务器' } });
    fireEvent.change(screen.getByLabelText(`政府采购 经济科目 ${n}`), { target: { value: '31002' } });
    expect(form.last()?.[0]?.procurement.at(-1)).toMatchObject({ item: '服务器', category: 'goods', economicCode: '31002' });
    fireEvent.change(screen.getByLabelText(`政府采购 经济科目 ${n}`), { target: { value: '' } });
    expect(form.last()?.[0]?.procurement.at(-1)).not.toHaveProperty('economicCode');
  });

  it('keeps the multi-year amounts: a prior year with its budget and execution', () => {
    const form = renderForm();
    const years = screen.getByRole('group', { name: '以前年度预算及执行' });
    fireEvent.click(within(years).getByRole('button', { name: '添加年度' }));
    const n = project.priorYears.length + 1;
    expect((screen.getByLabelText(`年度 ${n}`) as HTMLInputElement).value).toBe('2020');
    fireEvent.change(screen.getByLabelText(`执行数（元） ${n}`), { target: { value: '1,000' } });
    expect(form.last()?.[0]?.priorYears.at(-1)).toEqual({ year: 2020, executed: '1000.00' });
  });

  it('is read-only when the budget is frozen', () => {
    renderForm(false);
    expect(screen.queryByRole('button', { name: '新增项目' })).toBeNull();
    expect((screen.getByLabelText('项目名称') as HTMLInputElement).readOnly).toBe(true);
  });
});
