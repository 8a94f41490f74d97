import { catalogueForYear, deriveDisclosure, diffRevisions, validateBudget, type TBudgetDocument } from '@budgetflow/domain';
import { render, screen } from '@testing-library/react';
import { RevisionDiffView } from '../src/features/review/revision-diff-view';
import { I18nProvider } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const catalogue = catalogueForYear(seed.fiscalYear);
const content = (document: TBudgetDocument) => {
  const disclosure = deriveDisclosure(document, catalogue);
  return { document, disclosure, findings: validateBudget(document, catalogue) };
};

describe("the reviewer's view of what changed", () => {
  it('names changed fields, values, projects and moved cells in Chinese, never by key, path or id', () => {
    const [first, second] = seed.expenditureLines;
    const after: TBudgetDocument = {
      ...seed,
      explanations: { ...seed.explanations, assets: '资产说明已改写。' },
      expenditureLines: seed.expenditureLines.map((l) =>
        l.id === first!.id ? { ...l, amount: '484000.00', note: '补充测算' } : l.id === second!.id ? { ...l, kind: 'basic-public' as const } : l,
      ),
      projects: seed.projects.map((p, i) => (i === 0 ? { ...p, basis: `${p.basis}（补充）` } : p)),
    };
    const later = content(after);
    render(
      <I18nProvider initial="zh">
        <RevisionDiffView diff={diffRevisions(content(seed), later)} disclosure={later.disclosure} onPickLine={jest.fn()} />
      </I18nProvider>,
    );
    const lines = screen.getByRole('table', { name: '明细变动' });
    expect(lines.textContent).toContain('金额（元）：384,000.00 → 484,000.00');
    expect(lines.textContent).toContain('支出类型：人员经费 → 日常公用经费');
    const shown = document.body.textContent ?? '';
    expect(shown).toContain('正文');
    expect(shown).not.toMatch(/[A-Za-z]{3,}/);
  });
});
