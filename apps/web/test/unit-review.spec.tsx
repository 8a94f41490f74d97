import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure, type BudgetState, type TBudgetDocument } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import DepartmentReviewerHome from '../src/features/units/department-reviewer-home';
import ReviewPage from '../src/features/review/review-page';
import type { TBudgetReview } from '../src/features/review/use-review';
import type { TBudgetSummary, TBudgetView, TSessionUser } from '../src/lib/api-types';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi, Problem, type TRecorded } from './admin-fake-api';
import { seedDocument } from './budget-fixture';


/** jsdom has no EventSource (the budget's jobs stream): one that stays quiet. */
class QuietEventSource {
  addEventListener(): void {}
  close(): void {}
}
beforeAll(() => Object.assign(globalThis, { EventSource: QuietEventSource }));

const DEPARTMENT = { id: 'd1', code: '019001', name: '示例教育局' };
const SCHOOL = { code: '019001001', name: '示例第一中学' };
const SECOND = { code: '019001002', name: '示例第二中学' };
const REVIEWER: TSessionUser = { id: 'u9', username: 'deptreviewer', role: 'department_reviewer', departmentCode: '019001', totpEnabled: false, mustEnrolTotp: false, office: null, unit: null };

function summary(id: string, state: BudgetState, unit: TBudgetSummary['unit'], updatedAt = '2020-03-02T02:00:00.000Z'): TBudgetSummary {
  return { id, department: DEPARTMENT, fiscalYear: 2020, state, version: 3, revisionNo: 1, updatedAt, repliedOn: null, unit };
}

function renderIn(ui: React.ReactNode, locale: TLocale = 'zh') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}

const LIST = (items: TBudgetSummary[]) => ({ items, page: 1, pageSize: 100, total: items.length });

describe("the department reviewer's desk (主管部门审核)", () => {
  it('lists the unit budgets waiting for review first, then those approved or returned, then the department budget', async () => {
    fakeApi({
      'GET /api/budgets\\?pageSize=100': LIST([
        summary('dept', 'draft', null),
        summary('u-late', 'submitted', SCHOOL, '2020-03-01T02:00:00.000Z'),
        summary('u-early', 'submitted', SECOND, '2020-02-20T02:00:00.000Z'),
        summary('u-done', 'approved', { code: '019001003', name: '示例第三中学' }),
        summary('u-back', 'returned', { code: '019001004', name: '示例第四中学' }),
      ]),
    });
    renderIn(<DepartmentReviewerHome />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('单位预算审核');
    const queue = await screen.findByRole('region', { name: '待审核单位预算' });
    const rows = within(queue).getAllByRole('row').slice(1);
    // Longest waiting first, each opening on its own page to review.
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['示例第二中学', '示例第一中学']);
    expect(within(rows[0]!).getByRole('link', { name: '审核 2020 示例第二中学' }).getAttribute('href')).toBe('/budgets/u-early');
    const decided = screen.getByRole('region', { name: '已审核、已退回的单位预算' });
    expect(within(decided).getByRole('row', { name: /示例第三中学/ }).textContent).toContain('已审核汇总');
    expect(within(decided).getByRole('row', { name: /示例第四中学/ }).textContent).toContain('已退回');
    const department = screen.getByRole('region', { name: '部门预算' });
    const row = within(department).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('示例教育局');
    expect(row.textContent).toContain('草稿');
    expect(row.textContent).toContain('已审核汇总 1 个单位，待审核 2 个');
  });

  it('says when nothing waits, in English too', async () => {
    fakeApi({ 'GET /api/budgets\\?pageSize=100': LIST([summary('dept', 'draft', null)]) });
    renderIn(<DepartmentReviewerHome />, 'en');
    const queue = await screen.findByRole('region', { name: 'Unit budgets to review' });
    expect(queue.textContent).toContain('No unit budget is waiting for review');
  });
});

/** The unit's budget: the seed's lines, all of the school's. */
function unitDocument(): TBudgetDocument {
  const seed = seedDocument();
  return {
    ...seed,
    department: { ...seed.department, code: DEPARTMENT.code, name: DEPARTMENT.name, units: [{ ...SCHOOL, level: 'subordinate' }] },
    expenditureLines: seed.expenditureLines.map((l) => ({ ...l, unitCode: SCHOOL.code })),
  };
}

const REVIEW: TBudgetReview = {
  round: 'unit' as TBudgetReview['round'],
  chain: { proposalRound: false, stages: [{ key: 'department', name: '主管部门审核', role: 'reviewer', office: { by: 'scope' } }] },
  stage: { index: 0, count: 1, stage: { key: 'department', name: '主管部门审核', role: 'reviewer', office: { by: 'scope' } } },
  yourStage: true,
  proposalRevisionNo: null,
  reply: null,
  trail: [],
};

/** The unit budget's page as the department reviewer opens it, the department budget in `departmentState`. */
function openUnitBudget(state: BudgetState, departmentState: BudgetState, answers: Record<string, unknown> = {}, review: TBudgetReview = REVIEW): { requests: TRecorded[]; keys: (string | undefined)[] } {
  const document = unitDocument();
  const view: TBudgetView = {
    ...summary('u1', state, SCHOOL),
    returnReason: null,
    openedFor: null,
    findings: [],
    errorCount: 0,
    disclosure: deriveDisclosure(document, catalogueForYear(document.fiscalYear)),
    unitBudgets: [],
  };
  const meta = { revisionNo: 1, budgetVersion: 3, sha256: 'a'.repeat(64), submittedBy: { id: '00000000-0000-4000-8000-000000000001', username: 'school', displayName: '单位编制人' }, editorIds: [], createdAt: '2020-03-02T02:00:00.000Z' };
  const requests = fakeApi({
    'GET /api/budgets/u1\\?linePageSize=1': view,
    'GET /api/budgets/u1/review': review,
    'GET /api/budgets/u1/revisions': { items: [meta] },
    'GET /api/budgets/u1/revisions/1': { ...meta, document, disclosure: view.disclosure, findings: [] },
    'GET /api/budgets/u1/comments': { items: [] },
    'GET /api/budgets/u1/jobs': { items: [] },
    'GET /api/budgets/u1/adjustments': { items: [] },
    'GET /api/budgets\\?year=2020&pageSize=100': LIST([summary('dept', departmentState, null), summary('u1', state, SCHOOL)]),
    ...answers,
  });
  // The Idempotency-Key each request carried (the fake records method, path and body).
  const keys: (string | undefined)[] = [];
  const inner = globalThis.fetch;
  Object.assign(globalThis, {
    fetch: (input: string, init: RequestInit = {}) => {
      keys.push((init.headers as Record<string, string> | undefined)?.['Idempotency-Key']);
      return inner(input, init);
    },
  });
  renderIn(<ReviewPage budgetId="u1" user={REVIEWER} />);
  return { requests, keys };
}

const posts = (requests: TRecorded[]) => requests.filter((r) => r.method === 'POST');

describe('a unit budget reviewed by the department', () => {
  it('is titled by its unit; approving it needs an opinion, is no 批复, and sends the version seen with the opinion', async () => {
    const { requests, keys } = openUnitBudget('submitted', 'draft', {
      'POST /api/budgets/u1/approve': { id: 'u1', action: 'approve', state: 'approved', version: 4, revisionNo: 1 },
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('2020年 示例第一中学 单位预算 · 审核');
    fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '审核通过' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).getByText('请填写审核意见')).toBeTruthy();
    // Not the bureau's 批复: no document number, no date.
    expect(within(dialog).queryByLabelText('批复文号')).toBeNull();
    expect(within(dialog).queryByLabelText('批复日期')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('审核意见'), { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('审核意见'), { target: { value: '同意，汇总到部门预算' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toEqual({ method: 'POST', path: '/api/budgets/u1/approve', body: { version: 3, opinion: '同意，汇总到部门预算' } });
    expect(keys[requests.indexOf(posts(requests)[0]!)]).toMatch(/^[\w-]{8,}$/);
    expect(await screen.findByText('已审核通过')).toBeTruthy();
  });

  it('returning it needs a reason, sent with the version seen', async () => {
    const { requests } = openUnitBudget('submitted', 'draft', {
      'POST /api/budgets/u1/return': { id: 'u1', action: 'return', state: 'returned', version: 4, revisionNo: 1 },
    });
    fireEvent.click(await screen.findByRole('button', { name: '退回' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '退回' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).getByText('请填写退回意见')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('退回意见'), { target: { value: '项目支出缺少测算依据' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toEqual({ method: 'POST', path: '/api/budgets/u1/return', body: { version: 3, reason: '项目支出缺少测算依据' } });
  });

  it('an approved one can be returned while the department budget is a draft', async () => {
    const { requests } = openUnitBudget('approved', 'draft', {
      'POST /api/budgets/u1/return': { id: 'u1', action: 'return', state: 'returned', version: 4, revisionNo: 1 },
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('已审核汇总');
    fireEvent.click(await screen.findByRole('button', { name: '退回已审核的单位预算' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('退回意见'), { target: { value: '人员经费需按新标准调整' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(() => expect(posts(requests)).toEqual([{ method: 'POST', path: '/api/budgets/u1/return', body: { version: 3, reason: '人员经费需按新标准调整' } }]));
  });

  it('its 更正 (the unit published once) is reviewed though the department budget is approved: it changes none of its figures', async () => {
    const published = { id: 't1', at: '2020-03-05T02:00:00.000Z', revisionNo: 1, round: 'unit' as TBudgetReview['round'], stageName: null, action: 'publish', actor: { username: 'publisher', displayName: '公开人' }, onBehalfOf: null, opinion: null, reason: null, documentNo: null, repliedOn: null, changedSince: false };
    const { requests } = openUnitBudget('submitted', 'approved', { 'POST /api/budgets/u1/approve': { id: 'u1', action: 'approve', state: 'approved', version: 4, revisionNo: 2 } }, { ...REVIEW, trail: [published] });
    fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
    expect(screen.queryByText('部门预算正在财政局审核或已批复，单位预算暂不能审核通过或退回。')).toBeNull();
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('审核意见'), { target: { value: '同意更正' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '审核通过' }));
    await waitFor(() => expect(posts(requests)).toEqual([{ method: 'POST', path: '/api/budgets/u1/approve', body: { version: 3, opinion: '同意更正' } }]));
  });

  it('while the department budget is with the finance bureau, says so and offers neither approving nor returning the approved', async () => {
    openUnitBudget('approved', 'submitted');
    expect(await screen.findByText('部门预算正在财政局审核或已批复，单位预算暂不能审核通过或退回。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '退回已审核的单位预算' })).toBeNull();
    cleanup();
    // A submitted one can still go back to its unit, not be approved.
    openUnitBudget('submitted', 'approved');
    expect(await screen.findByText('部门预算正在财政局审核或已批复，单位预算暂不能审核通过或退回。')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '退回' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '审核通过' })).toBeNull();
  });

  it('shows the refusal DEPARTMENT_BUDGET_LOCKED in words, never its code', async () => {
    // The department budget was submitted meanwhile: the API refuses the approval.
    openUnitBudget('submitted', 'draft', { 'POST /api/budgets/u1/approve': new Problem(409, 'DEPARTMENT_BUDGET_LOCKED') });
    fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('审核意见'), { target: { value: '同意' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '审核通过' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('部门预算正在财政局审核或已批复，单位预算暂不能审核通过或退回');
  });
});
