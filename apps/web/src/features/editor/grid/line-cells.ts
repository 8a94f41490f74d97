import {
  FUND_SOURCE_NAMES,
  readAmountCell,
  readChoiceCell,
  readCodeCell,
  readFundSourceCell,
  readKindCell,
  type Catalogue,
  type TBudgetDocument,
  type TCellReading,
  type TExpenditureLine,
} from '@budgetflow/domain';
import { LINE_FIELDS, type TLineField } from './line-fields';

/** What reading and writing a line's cells as text needs of the budget: its catalogue, units and projects. */
export interface TCellContext {
  catalogue: Catalogue;
  units: readonly { value: string; name: string }[];
  projects: readonly { value: string; name: string }[];
}

export function cellContext(
  catalogue: Catalogue,
  document: Pick<TBudgetDocument, 'department' | 'projects'>,
): TCellContext {
  return {
    catalogue,
    units: document.department.units.map((u) => ({ value: u.code, name: u.name })),
    projects: document.projects.map((p) => ({ value: p.id, name: p.name })),
  };
}

const KIND_TEXT: Readonly<Record<TExpenditureLine['kind'], string>> = {
  'basic-personnel': '人员经费',
  'basic-public': '公用经费',
  project: '项目',
};

/** A cell as it is copied out: what a person reads, and what pastes back to the same value. */
export function cellText(line: TExpenditureLine, field: TLineField, ctx: TCellContext): string {
  switch (field) {
    case 'unitCode':
      return line.unitCode;
    case 'functionCode':
    case 'economicCode': {
      const code = line[field];
      const name = ctx.catalogue[field === 'functionCode' ? 'functional' : 'economic'].get(code)?.name;
      return name === undefined ? code : `${code} ${name}`;
    }
    case 'kind':
      return KIND_TEXT[line.kind];
    case 'projectId':
      return ctx.projects.find((p) => p.value === line.projectId)?.name ?? '';
    case 'fundSource':
      return FUND_SOURCE_NAMES[line.fundSource];
    case 'amount':
      return line.amount;
    case 'note':
      return line.note ?? '';
  }
}

/** The line with one cell set from pasted text, or the reason the text is refused. */
export function readCell(
  line: TExpenditureLine,
  field: TLineField,
  text: string,
  ctx: TCellContext,
): TCellReading<TExpenditureLine> {
  const set = <K extends TLineField>(
    reading: TCellReading<TExpenditureLine[K]>,
  ): TCellReading<TExpenditureLine> =>
    reading.ok ? { ok: true, value: tidyLine({ ...line, [field]: reading.value }) } : reading;
  switch (field) {
    case 'unitCode':
      return set(readChoiceCell(text, ctx.units, '单位'));
    case 'functionCode':
      return set(readCodeCell(ctx.catalogue, 'functional', text));
    case 'economicCode':
      return set(readCodeCell(ctx.catalogue, 'economic', text));
    case 'kind':
      return set(readKindCell(text));
    case 'projectId':
      return set(readChoiceCell(text, ctx.projects, '项目'));
    case 'fundSource':
      return set(readFundSourceCell(text));
    case 'amount':
      return set(readAmountCell(text));
    case 'note':
      return set({ ok: true, value: text.trim() });
  }
}

/** A line as the schema wants it: a project only on a project line, no empty note. */
export function tidyLine(line: TExpenditureLine): TExpenditureLine {
  const next = { ...line };
  if (next.kind !== 'project') delete next.projectId;
  if (next.note === '') delete next.note;
  return next;
}

/** Fields from `first` to `last` (indexes into LINE_FIELDS), in grid order. */
export const fieldsBetween = (first: number, last: number): TLineField[] =>
  LINE_FIELDS.slice(Math.min(first, last), Math.max(first, last) + 1);
