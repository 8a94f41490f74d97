import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { TCorrection } from '@budgetflow/domain';
import { Providers } from '../src/app/providers';
import { CorrectionNotice } from '../src/features/portal/correction-notice';

const change = (row: string, before: string, after: string) => ({
  table: '表六 硚口区大数据中心2020年一般公共预算基本支出表',
  row,
  column: '预算数',
  before,
  after,
  unit: '万元',
  text: `表六 硚口区大数据中心2020年一般公共预算基本支出表“${row}”行“预算数”：由${before}万元更正为${after}万元`,
});

function renderNotice(correction: TCorrection) {
  render(
    <Providers client={new QueryClient()} locale="zh">
      <CorrectionNotice correction={correction} versionNo={2} />
    </Providers>,
  );
  return screen.getByRole('region', { name: '更正说明' });
}

describe('the 更正说明 on a publication', () => {
  it('says which version it corrects, when and why, and lists each changed figure', () => {
    const box = renderNotice({ reason: '基本工资测算有误', date: '2020-03-20', previousVersion: 1, changes: [change('30101 基本工资', '38.4', '39.4'), change('30102 津贴补贴', '12.0', '11.0')] });
    expect(within(box).getByText('本版为第2版，更正第1版')).toBeTruthy();
    expect(within(box).getByText('2020-03-20')).toBeTruthy();
    expect(within(box).getByText('基本工资测算有误')).toBeTruthy();
    expect(within(box).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '表六 硚口区大数据中心2020年一般公共预算基本支出表“30101 基本工资”行“预算数”：由38.4万元更正为39.4万元',
      '表六 硚口区大数据中心2020年一般公共预算基本支出表“30102 津贴补贴”行“预算数”：由12.0万元更正为11.0万元',
    ]);
    expect(/[A-Za-z]/.test(box.textContent ?? '')).toBe(false);
  });

  it('a long list opens on request', () => {
    const many = Array.from({ length: 12 }, (_, i) => change(`3010${i} 科目${i}`, '1.0', '2.0'));
    const box = renderNotice({ reason: '更正', date: '2020-03-20', previousVersion: 1, changes: many });
    const details = box.querySelector('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(within(box).getByText('更正内容（12）'));
    expect(details.open).toBe(true);
    expect(within(box).getAllByRole('listitem')).toHaveLength(12);
  });

  it('says so when no figure changed', () => {
    const box = renderNotice({ reason: '更正项目名称', date: '2020-03-20', previousVersion: 1, changes: [] });
    expect(within(box).getByText('数据未变')).toBeTruthy();
  });
});
