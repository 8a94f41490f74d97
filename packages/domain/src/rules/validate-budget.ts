import type { TBudgetDocument } from '../budget/budget-document.schema';
import type { Catalogue } from '../catalogue/catalogue';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure } from '../disclosure/disclosure.schema';
import { isDomainError } from '../errors/domain-error';
import { checkBalance } from './balance.rules';
import { checkDisclosure } from './check-disclosure';
import { checkCodes, CODE_RULES } from './codes.rules';
import { indexDocument } from './document-index';
import type { TFinding } from './finding.schema';
import { checkLines } from './lines.rules';
import { checkPriorYears } from './prior-years.rules';
import { checkProjects } from './projects.rules';
import { ruleById } from './rule-catalogue';
import { report } from './rule-definition';
import { checkReadiness } from './workflow-readiness.rules';

export interface ValidateOptions {
  /** The document's disclosure when the caller has derived it already (the API does): not derived twice. */
  disclosure?: TDisclosure;
}

const NO_NAMES: Pick<Catalogue, 'functional' | 'economic'> = { functional: new Map(), economic: new Map() };

function yearCatalogue(year: number, findings: TFinding[]): Catalogue | undefined {
  try {
    return catalogueForYear(year);
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'CATALOGUE_YEAR_UNKNOWN') throw error;
    findings.push(report(CODE_RULES.noCatalogue, { kind: 'document', path: 'fiscalYear' }, { year }));
    return undefined;
  }
}

/**
 * Leaves out disclosure findings that repeat a document finding: a rule superseded by one that
 * fired, and anything 表10 says about a project whose own form (the document) has findings.
 */
function withoutRepeats(documentFindings: readonly TFinding[], disclosureFindings: readonly TFinding[]): TFinding[] {
  const fired = new Set(documentFindings.map((f) => f.ruleId));
  const projects = new Set(documentFindings.flatMap((f) => (f.location.kind === 'project' ? [f.location.projectId] : [])));
  return disclosureFindings.filter((f) => {
    if (ruleById(f.ruleId)?.supersededBy?.some((id) => fired.has(id))) return false;
    if (f.location.kind !== 'table' || f.location.table !== 'T10' || f.location.row === undefined) return true;
    return !projects.has(f.location.row.split('/')[0] ?? '');
  });
}

/**
 * The whole rule set on a budget document: the line-level rules (codes for the year, units,
 * projects and their detail, balance, prior years, readiness), then the disclosure rules on the
 * disclosure derived from it. An error blocks submission; a warning does not.
 */
export function validateBudget(doc: TBudgetDocument, catalogue?: Catalogue, options: ValidateOptions = {}): TFinding[] {
  const findings: TFinding[] = [];
  const index = indexDocument(doc);
  const codes = catalogue ?? yearCatalogue(doc.fiscalYear, findings);
  if (codes !== undefined) findings.push(...checkCodes(doc.expenditureLines, codes, doc.fiscalYear));
  findings.push(...checkLines(index), ...checkBalance(index), ...checkProjects(index), ...checkPriorYears(index), ...checkReadiness(index));
  const disclosure = options.disclosure ?? deriveDisclosure(doc, codes ?? NO_NAMES);
  return [...findings, ...withoutRepeats(findings, checkDisclosure(disclosure))];
}

/** How many findings block submission (the workflow's errorCount). */
export function countErrors(findings: readonly TFinding[]): number {
  return findings.reduce((n, f) => n + (f.severity === 'error' ? 1 : 0), 0);
}
