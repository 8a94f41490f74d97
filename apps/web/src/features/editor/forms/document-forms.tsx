import { templateOf, type Catalogue, type TBudgetDocument } from '@budgetflow/domain';
import { useMemo, type Dispatch, type SetStateAction } from 'react';
import { setInvalid, setPart, setProjects, type TWorkingCopy } from '../working-copy';
import { DepartmentForm } from './department-form';
import { ExplanationsForm } from './explanations-form';
import type { TEditorTab } from './finding-target';
import { useFormText } from './form-text';
import { PerformanceForm } from './performance-form';
import { PriorYearForm } from './prior-year-form';
import { ProjectsForm } from './projects-form';
import type { TInvalidEntry } from './use-part-draft';

export const FORM_TABS = ['department', 'performance', 'prior', 'notes'] as const satisfies readonly TEditorTab[];
export type TFormTab = (typeof FORM_TABS)[number] | 'projects';

export const isFormTab = (tab: TEditorTab): tab is TFormTab => tab === 'projects' || (FORM_TABS as readonly string[]).includes(tab);

/** How many forms hold a draft the schema refuses (saving waits for them). */
export function invalidForms(copy: TWorkingCopy): number {
  return [...copy.invalid.keys()].filter((k) => k.startsWith('form:')).length;
}

/** The form of the tab chosen, wired to the working copy: each valid change joins it at once. */
export function DocumentForms({
  tab,
  document,
  copy,
  setCopy,
  catalogue,
  editable,
  projectFocus,
}: {
  tab: TFormTab;
  document: TBudgetDocument;
  copy: TWorkingCopy;
  setCopy: Dispatch<SetStateAction<TWorkingCopy | null>>;
  catalogue: Catalogue;
  editable: boolean;
  projectFocus: { projectId: string } | null;
}) {
  const { f } = useFormText();
  const narrative = templateOf(document).narrative;
  const codes = useMemo(() => {
    const used = [...new Set(document.expenditureLines.map((l) => l.functionCode))].sort();
    return used.map((code) => ({ code, name: catalogue.functional.get(code)?.name ?? '' }));
  }, [document.expenditureLines, catalogue]);
  const common = {
    editable,
    invalid: copy.invalid,
    onInvalid: (key: string, entry: TInvalidEntry | null) => setCopy((c) => (c === null ? c : setInvalid(c, key, entry))),
  };
  const apply =
    <K extends 'department' | 'performance' | 'priorYears' | 'explanations'>(part: K) =>
    (value: TBudgetDocument[K]) =>
      setCopy((c) => (c === null ? c : setPart(c, part, value)));
  const pending = invalidForms(copy);
  return (
    <>
      {pending > 0 && (
        <p className="banner error" role="status">
          {f('invalidForm', { n: pending })}
        </p>
      )}
      {tab === 'department' && <DepartmentForm {...common} value={document.department} onApply={apply('department')} />}
      {tab === 'performance' && <PerformanceForm {...common} value={document.performance} onApply={apply('performance')} />}
      {tab === 'prior' && (
        <>
          <PriorYearForm {...common} value={document.priorYears} fiscalYear={document.fiscalYear} narrative={narrative} onApply={apply('priorYears')} />
          <ExplanationsForm {...common} section="reasons" value={document.explanations} narrative={narrative} codes={codes} onApply={apply('explanations')} />
        </>
      )}
      {tab === 'notes' && (
        <ExplanationsForm {...common} section="notes" value={document.explanations} narrative={narrative} codes={codes} onApply={apply('explanations')} />
      )}
      {tab === 'projects' && (
        <ProjectsForm
          {...common}
          value={document.projects}
          fiscalYear={document.fiscalYear}
          units={document.department.units}
          focus={projectFocus}
          onApply={(projects) => setCopy((c) => (c === null ? c : setProjects(c, projects)))}
        />
      )}
    </>
  );
}
