import type { TBudgetDocument, TFindingLocation } from '@budgetflow/domain';
import { fieldId } from './fields';

/** The editor's tabs; the forms' own are department … notes. */
export type TEditorTab = 'lines' | 'incomeLines' | 'tables' | 'projects' | 'department' | 'performance' | 'prior' | 'notes';

export interface TFormTarget {
  tab: TEditorTab;
  /** The field (or its list) to focus, most precise first: the first one on the page is taken. */
  fieldIds: string[];
  projectId?: string;
}

/** A Part 3 section (text findings) → the reason that explains its figures. */
const SECTION_REASONS: Record<string, string> = {
  'three-public': 'threePublicChangeReason',
  'overseas-travel': 'threePublicChangeReason',
  reception: 'threePublicChangeReason',
  vehicles: 'threePublicChangeReason',
  'operating-costs': 'operatingCostsChangeReason',
  'general-public': 'generalPublicChangeReason',
  fiscal: 'fiscalChangeReason',
  'fiscal-expenditure': 'fiscalChangeReason',
  'fiscal-items': 'fiscalChangeReason',
  basic: 'basicChangeReason',
  project: 'projectChangeReason',
  'government-fund': 'governmentFundChangeReason',
};
const PRIOR_TAB_TEXTS = new Set([...Object.values(SECTION_REASONS), 'noPriorYearReason', 'totalChangeReason', 'functionItemChangeReasons', 'functionClassChangeReasons']);

/** `a.b.c` and its ancestors `a.b`, `a`, as field ids. */
function idsOf(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => fieldId(parts.slice(0, parts.length - i).join('.')));
}

/**
 * Where a finding is fixed: the tab and the field, whatever part of the document it is in. A line or
 * a table row is not a form's (the grid and the tables show those): null.
 */
export function formTarget(location: TFindingLocation, doc: TBudgetDocument): TFormTarget | null {
  switch (location.kind) {
    case 'line':
    case 'table':
      return null;
    case 'project': {
      const i = doc.projects.findIndex((p) => p.id === location.projectId);
      const path = [`projects.${i < 0 ? 0 : i}`, location.part, location.index, location.field].filter((p) => p !== undefined).join('.');
      return { tab: 'projects', fieldIds: idsOf(path), projectId: location.projectId };
    }
    case 'text': {
      const section = location.section.split('/')[0] ?? '';
      const reason = SECTION_REASONS[section] ?? 'totalChangeReason';
      return { tab: 'prior', fieldIds: idsOf(`explanations.${reason}`) };
    }
    case 'document': {
      const [head = '', second = ''] = location.path.split('.');
      const fieldIds = idsOf(location.path);
      switch (head) {
        case 'department':
          return { tab: 'department', fieldIds };
        case 'performance':
          return { tab: 'performance', fieldIds };
        case 'priorYears':
          return { tab: 'prior', fieldIds };
        case 'explanations':
          return { tab: PRIOR_TAB_TEXTS.has(second) ? 'prior' : 'notes', fieldIds };
        case 'projects': {
          const project = doc.projects[Number(second)];
          return { tab: 'projects', fieldIds, ...(project === undefined ? {} : { projectId: project.id }) };
        }
        case 'incomeLines':
          return { tab: 'incomeLines', fieldIds: [] };
        case 'expenditureLines':
          return { tab: 'lines', fieldIds: [] };
        default:
          return { tab: 'tables', fieldIds: [] };
      }
    }
  }
}
