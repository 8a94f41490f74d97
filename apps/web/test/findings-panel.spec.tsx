import { catalogueForYear, ZBudgetDocument, type TBudgetDocument, type TFinding } from '@budgetflow/domain';
import { validateBudget } from '@budgetflow/domain';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useRef } from 'react';
import { cellFindings } from '../src/features/editor/cell-findings';
import { FindingsPanel } from '../src/features/editor/findings-panel';
import { LineGrid, type TLineGridHandle } from '../src/features/editor/line-grid';
import { I18nProvider, type TLocale } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';
import { layoutViewport } from './grid-test-setup';

beforeAll(layoutViewport);

const seed = seedDocument();
const catalogue = catalogueForYear(seed.fiscalYear);

/** The seed with one line's economic code replaced by one the catalogue does not have. */
function withUnknownCode(): TBudgetDocument {
  const lines = seed.expenditureLines.map((l, i) => (i === 4 ? { ...l, economicCode: '38800' } : l));
  return { ...seed, expenditureLines: lines };
}

/** The panel and the grid wired as the editor wires them. */
function Desk({ doc, findings }: { doc: TBudgetDocument; findings: TFinding[] }) {
  const grid = useRef<TLineGridHandle>(null);
  const index = new Map(doc.expenditureLines.map((l, i) => [l.id, i + 1]));
  return (
    <>
      <FindingsPanel
        findings={findings}
        onJump={(f) =>
          f.location.kind === 'line' && grid.current?.focusCell(f.location.lineId, f.location.field)
        }
        lineNo={(id) => index.get(id)}
      />
      <LineGrid
        ref={grid}
        lines={doc.expenditureLines}
        document={doc}
        catalogue={catalogue}
        editable
        dirty={new Set()}
        cellFindings={cellFindings(findings, 'zh')}
        invalid={new Map()}
        onLineChange={jest.fn()}
        onLineRemove={jest.fn()}
        onInvalidCell={jest.fn()}
      />
    </>
  );
}

function renderDesk(doc: TBudgetDocument, locale: TLocale = 'zh') {
  const findings = validateBudget(doc, catalogue);
  render(
    <I18nProvider initial={locale}>
      <Desk doc={doc} findings={findings} />
    </I18nProvider>,
  );
  return findings;
}

describe('the findings panel', () => {
  it("lists the domain's findings, errors first, with their counts", () => {
    const findings = renderDesk(withUnknownCode());
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const panel = screen.getByRole('region', { name: /校验结果/ });
    expect(panel.textContent).toContain(`${errors.length} 个错误`);
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(findings.length);
    expect(items.slice(0, errors.length).every((li) => li.className === 'error')).toBe(true);
  });

  it('says so when there is nothing to fix', () => {
    render(
      <I18nProvider initial="zh">
        <FindingsPanel findings={[]} onJump={jest.fn()} lineNo={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByText('未发现问题')).toBeTruthy();
  });

  it('takes the preparer to the cell of a finding, marked', async () => {
    const doc = withUnknownCode();
    const findings = renderDesk(doc);
    const line = doc.expenditureLines[4]!;
    const finding = findings.find((f) => f.location.kind === 'line' && f.location.lineId === line.id);
    expect(finding).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: finding!.message.zh }));
    const field = finding!.location.kind === 'line' ? (finding!.location.field ?? 'amount') : 'amount';
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-cell')).toBe(`${line.id}:${field}`),
    );
    expect(document.activeElement?.closest('[role="cell"]')?.className).toContain('has-error');
  });

  it("lists a new, empty budget's 说明 finding once, with the figures it concerns, and goes to the 说明", () => {
    const empty = ZBudgetDocument.parse({
      schemaVersion: 1,
      fiscalYear: 2021,
      template: 'hubei-2020',
      department: { code: '019001', name: '示例单位', units: [{ code: '019001', name: '示例单位', level: 'self' }], staffing: { authorized: 0, actual: 0, retired: 0 } },
      incomeLines: [],
      expenditureLines: [],
    });
    const findings = validateBudget(empty, catalogueForYear(2021));
    const onJump = jest.fn();
    render(
      <I18nProvider initial="zh">
        <FindingsPanel findings={findings} onJump={onJump} lineNo={() => undefined} />
      </I18nProvider>,
    );
    const said = '说明「五、一般公共预算支出情况说明」中的 0.0万元 所引表5的行不存在';
    const [button, ...again] = screen.getAllByRole('button', { name: said });
    expect(again).toEqual([]);
    expect(button!.closest('li')?.textContent).toContain('第三部分 说明 · 涉及 3 处');
    fireEvent.click(button!);
    expect(onJump).toHaveBeenCalledWith(expect.objectContaining({ location: { kind: 'text', section: 'general-public/general-public-total' } }));
  });

  it('follows the findings and the names of their places as they change', () => {
    const project = { ...seed.projects[0]!, name: '运维' };
    const finding: TFinding = {
      ruleId: 'PROJECT.EXAMPLE',
      severity: 'warning',
      message: { zh: '项目问题', en: 'a project problem' },
      location: { kind: 'project', projectId: project.id },
    };
    const onJump = jest.fn();
    const lineNo = () => undefined;
    const panel = (doc: TBudgetDocument, findings: TFinding[]) => (
      <I18nProvider initial="zh">
        <FindingsPanel findings={findings} onJump={onJump} lineNo={lineNo} doc={doc} />
      </I18nProvider>
    );
    // The same findings while lines are typed, as the editor holds them until they are derived again.
    const findings = [finding];
    const view = render(panel({ ...seed, projects: [project] }, findings));
    const item = () => screen.getByRole('button', { name: '项目问题' }).closest('li')!;
    expect(item().textContent).toContain('项目“运维”');
    // A line typed: a new document, the same projects.
    view.rerender(panel({ ...seed, projects: [project], expenditureLines: seed.expenditureLines.slice(1) }, findings));
    expect(item().textContent).toContain('项目“运维”');
    view.rerender(panel({ ...seed, projects: [{ ...project, name: '运行维护' }] }, findings));
    expect(item().textContent).toContain('项目“运行维护”');
    view.rerender(panel({ ...seed, projects: [project] }, [{ ...finding, message: { zh: '另一问题', en: 'another' } }]));
    expect(screen.getByRole('button', { name: '另一问题' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '项目问题' })).toBeNull();
  });

  it('takes the preparer to each further place of a finding at several, named as the grid names it', async () => {
    const doc = seed;
    const [first, second] = doc.expenditureLines;
    const finding: TFinding = {
      ruleId: 'LINE.EXAMPLE',
      severity: 'error',
      message: { zh: '同一问题', en: 'one problem' },
      location: { kind: 'line', lineId: first!.id, field: 'functionCode' },
      alsoAt: [{ kind: 'line', lineId: second!.id, field: 'functionCode' }],
    };
    render(
      <I18nProvider initial="zh">
        <Desk doc={doc} findings={[finding]} />
      </I18nProvider>,
    );
    const item = screen.getByRole('button', { name: '同一问题' }).closest('li')!;
    expect(item.textContent).toContain('支出明细第 1 行 · 功能科目 · 涉及 2 处');
    fireEvent.click(within(item as HTMLElement).getByRole('button', { name: '支出明细第 2 行 · 功能科目' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-cell')).toBe(`${second!.id}:functionCode`));
  });

  it('speaks English when switched', () => {
    const findings = renderDesk(withUnknownCode(), 'en');
    const first = findings.find((f) => f.severity === 'error')!;
    expect(screen.getByRole('button', { name: first.message.en })).toBeTruthy();
  });
});
