import './text-encoder.polyfill';
import './request.polyfill';
import { catalogueForYear, deriveDisclosure, editionOf, type BudgetState, type TBudgetDocument } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../src/app/providers';
import EditorPage from '../src/features/editor/editor-page';
import type { TBudgetView, TUnitBudgetRef } from '../src/lib/api-types';
import { seedDocument } from './budget-fixture';
import { layoutViewport } from './grid-test-setup';


/** jsdom has no EventSource (the budget's jobs stream): one that stays quiet. */
class QuietEventSource {
  addEventListener(): void {}
  close(): void {}
}
beforeAll(() => {
  layoutViewport();
  Object.assign(globalThis, { EventSource: QuietEventSource });
});

const SELF = { code: '019001', name: '示例教育局（本级）', level: 'self' as const };
const SCHOOL = { code: '019001001', name: '示例第一中学', level: 'subordinate' as const };
const SECOND = { code: '019001002', name: '示例第二中学', level: 'subordinate' as const };

/** The department budget: lines 1–2 of its own level, 3 of the first school, 4 of the second. */
function departmentDocument(): TBudgetDocument {
  const seed = seedDocument();
  const units = [SELF.code, SELF.code, SCHOOL.code, SECOND.code];
  return { ...seed, department: { ...seed.department, units: [SELF, SCHOOL, SECOND] }, expenditureLines: seed.expenditureLines.slice(0, 4).map((l, i) => ({ ...l, unitCode: units[i]! })) };
}

/** The API of one budget (its view, its document at version 7, the catalogue), in memory. */
function serve(document: TBudgetDocument, view: Omit<TBudgetView, 'disclosure' | 'findings' | 'errorCount' | 'returnReason' | 'openedFor'>) {
  const full: TBudgetView = { ...view, returnReason: null, openedFor: null, findings: [], errorCount: 0, disclosure: deriveDisclosure(document, catalogueForYear(document.fiscalYear)) };
  const answers: Record<string, unknown> = {
    [`/api/budgets/${view.id}?linePageSize=1`]: full,
    [`/api/budgets/${view.id}/document`]: document,
    [`/api/catalogue/${document.fiscalYear}`]: editionOf(catalogueForYear(document.fiscalYear)),
    [`/api/budgets/${view.id}/comments`]: { items: [] },
    [`/api/budgets/${view.id}/adjustments`]: { items: [] },
  };
  Object.assign(globalThis, {
    fetch: async (path: string) => {
      const found = path in answers;
      return {
        ok: found,
        status: found ? 200 : 404,
        headers: { get: (name: string) => (name === 'ETag' && path.endsWith('/document') ? '"7"' : null) },
        json: async () => (found ? answers[path] : { status: 404, code: 'NOT_FOUND' }),
      };
    },
  });
  const router = createMemoryRouter([{ path: '/budgets/:id', element: <EditorPage budgetId={view.id} /> }], { initialEntries: [`/budgets/${view.id}`] });
  render(
    <Providers client={new QueryClient({ defaultOptions: { queries: { retry: false } } })} locale="zh">
      <RouterProvider router={router} />
    </Providers>,
  );
}

const summary = (id: string, state: BudgetState, unit: TBudgetView['unit']) => ({
  id,
  department: { id: 'd1', code: '019001', name: '示例教育局' },
  fiscalYear: 2020,
  state,
  version: 7,
  revisionNo: 0,
  updatedAt: '2020-03-01T02:00:00.000Z',
  repliedOn: null,
  unit,
});

const UNIT_BUDGETS: TUnitBudgetRef[] = [
  { id: 'ub1', unit: { code: SCHOOL.code, name: SCHOOL.name }, state: 'approved', version: 5, updatedAt: '2020-03-01T02:00:00.000Z' },
  { id: 'ub2', unit: { code: SECOND.code, name: SECOND.name }, state: 'draft', version: 2, updatedAt: '2020-03-02T02:00:00.000Z' },
];

describe('the department budget in the editor, with unit budgets', () => {
  it('lists its unit budgets, holds their units’ lines read-only, and adds a line in a unit of its own', async () => {
    serve(departmentDocument(), { ...summary('dept', 'draft', null), unitBudgets: UNIT_BUDGETS });
    const panel = await screen.findByRole('region', { name: '单位预算' });
    expect(within(panel).getByRole('row', { name: /示例第一中学/ }).textContent).toContain('已审核汇总');
    expect(within(panel).getByRole('row', { name: /示例第二中学/ }).textContent).toContain('草稿');
    expect(within(panel).getByRole('note').textContent).toContain('尚有 1 个单位预算未审核通过');
    expect(screen.getByRole('region', { name: '控制数' })).toBeTruthy();
    const consolidated = (await screen.findByLabelText('金额（元） 3')) as HTMLInputElement;
    expect(consolidated.readOnly).toBe(true);
    expect(consolidated.closest('[role="row"]')?.getAttribute('title')).toBe('汇总自 示例第一中学 单位预算（已审核），只读');
    expect(screen.queryByRole('button', { name: '删除第 4 行' })).toBeNull();
    expect(screen.getByRole('button', { name: '删除第 1 行' })).toBeTruthy();
    // The last line is the second school's: the new one goes to the department's own level.
    fireEvent.click(screen.getByRole('button', { name: '新增一行' }));
    await waitFor(() => expect((screen.getByLabelText('单位 5') as HTMLSelectElement).value).toBe(SELF.code));
    expect(screen.getByRole('button', { name: '删除第 5 行' })).toBeTruthy();
  });
});

describe("a unit's budget in the editor", () => {
  it('is headed by its unit, with no ceilings and no unit budgets of its own', async () => {
    const seed = seedDocument();
    const document: TBudgetDocument = { ...seed, department: { ...seed.department, units: [SCHOOL] }, expenditureLines: seed.expenditureLines.map((l) => ({ ...l, unitCode: SCHOOL.code })) };
    serve(document, { ...summary('u1', 'draft', { code: SCHOOL.code, name: SCHOOL.name }), unitBudgets: [] });
    const heading = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(heading.textContent).toContain('2020年 示例第一中学 单位预算 · 预算编制'));
    expect(heading.textContent).toContain('草稿');
    expect(screen.queryByRole('region', { name: '单位预算' })).toBeNull();
    expect(screen.queryByRole('region', { name: '控制数' })).toBeNull();
    expect(screen.getByRole('button', { name: '送审' })).toBeTruthy();
  });

  it('once approved (汇总 into the department budget) offers neither 送审 nor a 预算调整 of its own', async () => {
    const seed = seedDocument();
    const document: TBudgetDocument = { ...seed, department: { ...seed.department, units: [SCHOOL] }, expenditureLines: seed.expenditureLines.map((l) => ({ ...l, unitCode: SCHOOL.code })) };
    serve(document, { ...summary('u1', 'approved', { code: SCHOOL.code, name: SCHOOL.name }), unitBudgets: [] });
    const heading = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(heading.textContent).toContain('已审核汇总'));
    expect(screen.queryByRole('button', { name: '送审' })).toBeNull();
    expect(screen.queryByRole('button', { name: '申请预算调整' })).toBeNull();
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
  });
});
