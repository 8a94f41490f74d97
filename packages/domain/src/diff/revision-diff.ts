import type { TBudgetDocument, TExpenditureLine, TIncomeLine, TProject } from '../budget/budget-document.schema';
import type { TFinding } from '../rules/finding.schema';
import { canonicalJson } from './canonical-json';
import { diffCells, type TCellChange } from './cell-diff';
import { diffByKey, type TKeyedDiff } from './keyed-diff';

/** What a frozen revision holds that a reviewer compares: the document, its tables, its findings. */
export interface TRevisionContent {
  document: TBudgetDocument;
  /** The derived disclosure; compared cell by cell, whatever its shape. */
  disclosure: unknown;
  findings: readonly TFinding[];
}

export interface TRevisionDiff {
  expenditureLines: TKeyedDiff<TExpenditureLine>;
  incomeLines: TKeyedDiff<TIncomeLine>;
  projects: TKeyedDiff<TProject>;
  /** Table cells (and explanation figures) of the disclosure whose value moved. */
  cells: TCellChange[];
  findings: { appeared: TFinding[]; resolved: TFinding[] };
}

/** A finding is the same finding in two revisions when the same rule fires at the same place. */
function findingKey(finding: TFinding): string {
  return `${finding.ruleId}@${canonicalJson(finding.location)}`;
}

export function diffRevisions(before: TRevisionContent, after: TRevisionContent): TRevisionDiff {
  const findings = diffByKey(before.findings, after.findings, findingKey);
  return {
    expenditureLines: diffByKey(before.document.expenditureLines, after.document.expenditureLines, (l) => l.id),
    incomeLines: diffByKey(before.document.incomeLines, after.document.incomeLines, (l) => l.id),
    projects: diffByKey(before.document.projects, after.document.projects, (p) => p.id),
    cells: diffCells(before.disclosure, after.disclosure),
    // A finding whose figures changed but that still fires at the same place is neither new nor resolved.
    findings: { appeared: findings.added, resolved: findings.removed },
  };
}
