import { findTemplate, type TNarrative } from '@budgetflow/domain';
import { fireEvent, screen } from '@testing-library/react';
import { ExplanationsForm } from '../src/features/editor/forms/explanations-form';
import { PriorYearForm } from '../src/features/editor/forms/prior-year-form';
import { seedDocument } from './budget-fixture';
import { renderPartForm } from './form-harness';

const seed = seedDocument();
const narrative = (id: string): TNarrative => findTemplate(id)!.narrative;
const codes = [{ code: '2011350', name: '事业运行' }];

describe("last year's figures", () => {
  it('offers to enter the year when there are none, then takes amounts with separators exactly', () => {
    const form = renderPartForm(PriorYearForm, [], { fiscalYear: 2021, narrative: narrative('hubei-2020') });
    expect(screen.getByText('尚无2020年数据')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '填写2020年数据' }));
    const total = screen.getByLabelText('收支总计');
    fireEvent.change(total, { target: { value: '6,044,000.5' } });
    expect(form.last()).toEqual([{ year: 2020, total: '6044000.50' }]);
    fireEvent.blur(total);
    expect((total as HTMLInputElement).value).toBe('6,044,000.50');
  });

  it('refuses an amount with three decimals in Chinese and leaves the figure out when emptied', () => {
    const form = renderPartForm(PriorYearForm, [{ year: 2020, total: '100.00' }], { fiscalYear: 2021, narrative: narrative('hubei-2020') });
    fireEvent.change(screen.getByLabelText('“三公”经费'), { target: { value: '12.345' } });
    expect(screen.getByText('金额最多两位小数（到分）')).toBeTruthy();
    expect(form.invalid.has('form:priorYears')).toBe(true);
    fireEvent.change(screen.getByLabelText('“三公”经费'), { target: { value: '' } });
    expect(form.invalid.size).toBe(0);
    expect(form.last()).toEqual([{ year: 2020, total: '100.00' }]);
  });

  it('asks for 上年预算执行数 only where the template compares with execution (Shanghai)', () => {
    renderPartForm(PriorYearForm, [{ year: 2020 }], { fiscalYear: 2021, narrative: narrative('hubei-2020') });
    expect(screen.queryByLabelText(/预算执行数 · 收支总计/)).toBeNull();
  });

  it('takes 上年预算执行数 under Shanghai’s template', () => {
    const form = renderPartForm(PriorYearForm, [{ year: 2020 }], { fiscalYear: 2021, narrative: narrative('shanghai-district') });
    fireEvent.change(screen.getByLabelText('2020年（上年）预算执行数 · 财政拨款支出'), { target: { value: '900' } });
    expect(form.last()?.[0]?.executed).toEqual({ fiscalExpenditure: '900.00' });
  });
});

describe('the reasons and notes of Part 3', () => {
  it('asks Hubei for the reasons of its nine sections, without per-item reasons', () => {
    const form = renderPartForm(ExplanationsForm, seed.explanations, { section: 'reasons' as const, narrative: narrative('hubei-2020'), codes });
    fireEvent.change(screen.getByLabelText('“三公”经费变动原因'), { target: { value: '严控公务接待。' } });
    expect(form.last()?.threePublicChangeReason).toBe('严控公务接待。');
    expect(screen.queryByRole('group', { name: '各功能科目（项）变动原因' })).toBeNull();
    expect(screen.queryByLabelText('基本支出变动原因')).toBeNull();
  });

  it('asks Jiangsu for 基本/项目 reasons and the reasons per 类 and 项 the lines use', () => {
    const form = renderPartForm(ExplanationsForm, seed.explanations, { section: 'reasons' as const, narrative: narrative('jiangsu-province'), codes });
    fireEvent.change(screen.getByLabelText('基本支出变动原因'), { target: { value: '人员增加。' } });
    fireEvent.change(screen.getByLabelText('2011350 事业运行'), { target: { value: '新增运维。' } });
    fireEvent.change(screen.getByLabelText('201'), { target: { value: '类变动。' } });
    expect(form.last()).toMatchObject({ basicChangeReason: '人员增加。', functionItemChangeReasons: { '2011350': '新增运维。' }, functionClassChangeReasons: { '201': '类变动。' } });
  });

  it('keeps the other matters: assets, 绩效管理, and what each 项 covers', () => {
    const form = renderPartForm(ExplanationsForm, seed.explanations, { section: 'notes' as const, narrative: narrative('hubei-2020'), codes });
    expect((screen.getByLabelText('国有资产占有使用情况') as HTMLTextAreaElement).value).toBe(seed.explanations.assets);
    fireEvent.change(screen.getByLabelText('预算绩效管理情况'), { target: { value: '全面实施绩效管理。' } });
    fireEvent.change(screen.getByLabelText('2011350 事业运行'), { target: { value: '反映事业单位的基本支出。' } });
    expect(form.last()).toMatchObject({ performanceManagement: '全面实施绩效管理。', functionItemNotes: { '2011350': '反映事业单位的基本支出。' } });
    expect(screen.getByText(/政府采购情况由各项目的政府采购明细汇总生成/)).toBeTruthy();
  });
});
