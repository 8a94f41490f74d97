import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure, unitDisclosed, unitPart, type TBudgetDocument } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import PublishPage from '../src/features/publish/publish-page';
import type { TBudgetView } from '../src/lib/api-types';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi } from './admin-fake-api';
import { seedDocument } from './budget-fixture';

/** jsdom has no EventSource (the budget's jobs stream): one that stays quiet. */
class QuietEventSource {
  addEventListener(): void {}
  close(): void {}
}
beforeAll(() => Object.assign(globalThis, { EventSource: QuietEventSource }));
afterEach(cleanup);

const DEPARTMENT = { id: 'd1', code: '019001', name: '示例教育局' };
const SCHOOL = { code: '019001002', name: '示例第一中学' };

/** An approved unit budget (示例第一中学) of a year whose template is `template`, on the department publisher's desk. */
function renderUnitBudget(template: string, locale: TLocale = 'zh') {
  const seed = seedDocument();
  const department: TBudgetDocument = {
    ...seed,
    template,
    department: { ...seed.department, units: [...seed.department.units, { ...SCHOOL, level: 'subordinate' }] },
    expenditureLines: seed.expenditureLines.map((l, i) => (i < 5 ? { ...l, unitCode: SCHOOL.code } : l)),
  };
  const document = unitDisclosed(unitPart(department, SCHOOL.code), SCHOOL);
  const view: TBudgetView = {
    id: 'u1',
    department: DEPARTMENT,
    fiscalYear: 2020,
    state: 'approved',
    version: 5,
    revisionNo: 1,
    updatedAt: '2020-03-02T02:00:00.000Z',
    repliedOn: null,
    unit: SCHOOL,
    returnReason: null,
    openedFor: null,
    findings: [],
    errorCount: 0,
    disclosure: deriveDisclosure(document, catalogueForYear(2020)),
    unitBudgets: [],
  };
  fakeApi({
    'GET /api/budgets/u1\\?linePageSize=1': view,
    'GET /api/budgets/u1/revisions/1/files': { items: [], check: { passed: true, problems: [] } },
    'GET /api/budgets/u1/sign-off': { required: false, signOff: null },
    'GET /api/budgets/u1/adjustments': { items: [] },
    'GET /api/budgets/u1/jobs': { items: [] },
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>
        <PublishPage budgetId="u1" role="publisher" />
      </MemoryRouter>
    </Providers>,
  );
}

describe("the publisher's desk for a unit budget (单位预算)", () => {
  it('publishes it as the unit’s own disclosure where the template has a 单位 scope', async () => {
    renderUnitBudget('shanghai-district');
    const [desk, document] = await screen.findAllByRole('heading', { level: 1 });
    expect(desk?.textContent).toBe('2020年 示例第一中学 单位预算 · 公开 已审核汇总');
    // The disclosure as it will appear: the unit's own, under the template's 单位 titles.
    expect(document?.textContent).toBe('示例第一中学2020年单位预算');
    expect(await screen.findByRole('button', { name: '公开' })).toBeTruthy();
  });

  it('offers no publish where the template has none, and says why, in Chinese and in English', async () => {
    renderUnitBudget('hubei-2020');
    expect(await screen.findByText('本年度的公开模板没有单位预算：单位预算汇总在部门预算中，随部门预算一并公开。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '公开' })).toBeNull();
    cleanup();
    renderUnitBudget('hubei-2020', 'en');
    expect(await screen.findByText("This year's disclosure template has no unit budgets: the unit's budget is consolidated into the department's and published with it.")).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
  });
});
