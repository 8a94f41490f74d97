import type { Catalogue } from '../catalogue/catalogue';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import type { TDisclosure } from '../disclosure/disclosure.schema';
import { isDomainError } from '../errors/domain-error';
import { checkCatalogueNames } from './catalogue-names.rules';
import { forgetGrids } from './disclosure-grid';
import { forgetFigures } from './figures';
import { checkCrossTables } from './cross-tables.rules';
import { checkEmptyTables } from './empty-tables.rules';
import type { TFinding } from './finding.schema';
import { checkFiscalYear } from './fiscal-year.rules';
import { checkHierarchy } from './hierarchy.rules';
import { checkOtherMatters } from './other-matters.rules';
import { checkPerformance } from './performance.rules';
import { checkProjectForms } from './project-forms.rules';
import { checkSummaryTables } from './summary-tables.rules';
import { checkTemplateIdentities } from './template-identities.rules';
import { checkTextVsTables } from './text-vs-tables.rules';
import { checkThreePublic } from './three-public.rules';
import { checkYearOverYear } from './year-over-year.rules';

/** The built-in edition for the year; a year before every edition leaves names and codes unchecked. */
function editionFor(year: number): Catalogue | undefined {
  try {
    return catalogueForYear(year);
  } catch (error) {
    if (isDomainError(error) && error.code === 'CATALOGUE_YEAR_UNKNOWN') return undefined;
    throw error;
  }
}

/**
 * The disclosure rules on a disclosure alone, tables and text: derived by Budgetflow or parsed with
 * ZDisclosure from someone else's publication. Cells typed from print (meta.amountPrecision
 * 'display-rounded') are compared within half a display step per figure. Codes and names are
 * checked against `catalogue`, by default the built-in edition of the disclosure's year.
 */
export function checkDisclosure(disclosure: TDisclosure, catalogue?: Catalogue): TFinding[] {
  forgetGrids(disclosure);
  forgetFigures(disclosure);
  const codes = catalogue ?? editionFor(disclosure.meta.fiscalYear);
  return [
    ...(codes === undefined ? [] : checkCatalogueNames(disclosure, codes)),
    ...checkSummaryTables(disclosure),
    ...checkCrossTables(disclosure),
    ...checkTemplateIdentities(disclosure),
    ...checkHierarchy(disclosure),
    ...checkThreePublic(disclosure),
    ...checkPerformance(disclosure),
    ...checkTextVsTables(disclosure),
    ...checkOtherMatters(disclosure),
    ...checkProjectForms(disclosure),
    ...checkEmptyTables(disclosure),
    ...checkFiscalYear(disclosure),
    ...checkYearOverYear(disclosure),
  ];
}
