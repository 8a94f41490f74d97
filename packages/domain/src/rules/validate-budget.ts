import type { TBudgetDocument } from '../budget/budget-document.schema';
import type { Catalogue } from '../catalogue/catalogue';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import { aggregateLines, type LineAggregate } from '../derive/line-aggregate';
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
  /** The document's lines already aggregated (aggregateLines(doc)): the lines are not read twice. */
  aggregate?: LineAggregate;
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

/** 表9's columns of the two prior years: typed figures (priorYears), checked on the document. */
const T9_PRIOR_COLUMNS = new Set(['twoYearsAgo', 'lastYear']);

/**
 * Leaves out disclosure findings that repeat a document finding: a rule superseded by one that
 * fired, anything 表10 says about a project whose own form has findings, and 表9's prior-year
 * columns when the prior-year figures have findings.
 */
function withoutRepeats(
  disclosure: TDisclosure,
  documentFindings: readonly TFinding[],
  disclosureFindings: readonly TFinding[],
): TFinding[] {
  const roleOf = new Map(disclosure.tables.map((t) => [t.id, t.role]));
  const fired = new Set(documentFindings.map((f) => f.ruleId));
  const projects = new Set(
    documentFindings.flatMap((f) => (f.location.kind === 'project' ? [f.location.projectId] : [])),
  );
  const priorYears = documentFindings.some((f) => f.ruleId.startsWith('PRIOR.'));
  return disclosureFindings.filter((f) => {
    if (ruleById(f.ruleId)?.supersededBy?.some((id) => fired.has(id))) return false;
    if (f.location.kind !== 'table') return true;
    const { table, row, column } = f.location;
    const role = roleOf.get(table);
    if (role === 'project-performance' && row !== undefined) return !projects.has(row.split('/')[0] ?? '');
    if (role === 'department-performance' && column !== undefined) return !(priorYears && T9_PRIOR_COLUMNS.has(column));
    return true;
  });
}

/**
 * The whole rule set on a budget document: the line-level rules (codes for the year, units,
 * projects and their detail, balance, prior years, readiness), then the disclosure rules on the
 * disclosure derived from it. An error blocks submission; a warning does not.
 */
export function validateBudget(
  doc: TBudgetDocument,
  catalogue?: Catalogue,
  options: ValidateOptions = {},
): TFinding[] {
  const findings: TFinding[] = [];
  const aggregate = options.aggregate ?? aggregateLines(doc);
  const index = indexDocument(doc, aggregate);
  const codes = catalogue ?? yearCatalogue(doc.fiscalYear, findings);
  if (codes !== undefined) findings.push(...checkCodes(doc.expenditureLines, codes, doc.fiscalYear, aggregate));
  findings.push(
    ...checkLines(index),
    ...checkBalance(index),
    ...checkProjects(index),
    ...checkPriorYears(index),
    ...checkReadiness(index),
  );
  const disclosure = options.disclosure ?? deriveDisclosure(doc, codes ?? NO_NAMES, { aggregate });
  return [...findings, ...withoutRepeats(disclosure, findings, checkDisclosure(disclosure, codes))];
}

/**
 * The disclosure of a budget document and the whole rule set on both, the lines read once for
 * the two: what a caller that needs both (the API on save, the editor) should use.
 */
export function deriveAndValidate(doc: TBudgetDocument, catalogue: Catalogue): { disclosure: TDisclosure; findings: TFinding[] } {
  const aggregate = aggregateLines(doc);
  const disclosure = deriveDisclosure(doc, catalogue, { aggregate });
  return { disclosure, findings: validateBudget(doc, catalogue, { disclosure, aggregate }) };
}

/** How many findings block submission (the workflow's errorCount). */
export function countErrors(findings: readonly TFinding[]): number {
  return findings.reduce((n, f) => n + (f.severity === 'error' ? 1 : 0), 0);
}
