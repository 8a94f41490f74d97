import type { TDisclosure } from '../disclosure/disclosure.schema';
import { checkCrossTables } from './cross-tables.rules';
import { checkEmptyTables } from './empty-tables.rules';
import type { TFinding } from './finding.schema';
import { checkFiscalYear } from './fiscal-year.rules';
import { checkHierarchy } from './hierarchy.rules';
import { checkOtherMatters } from './other-matters.rules';
import { checkPerformance } from './performance.rules';
import { checkProjectForms } from './project-forms.rules';
import { checkSummaryTables } from './summary-tables.rules';
import { checkTextVsTables } from './text-vs-tables.rules';
import { checkThreePublic } from './three-public.rules';

/**
 * The disclosure rules on a disclosure alone, tables and text: derived by Budgetflow or parsed with
 * ZDisclosure from someone else's publication. Cells typed from print (meta.amountPrecision
 * 'display-rounded') are compared within half a display step per figure.
 */
export function checkDisclosure(disclosure: TDisclosure): TFinding[] {
  return [
    ...checkSummaryTables(disclosure),
    ...checkCrossTables(disclosure),
    ...checkHierarchy(disclosure),
    ...checkThreePublic(disclosure),
    ...checkPerformance(disclosure),
    ...checkTextVsTables(disclosure),
    ...checkOtherMatters(disclosure),
    ...checkProjectForms(disclosure),
    ...checkEmptyTables(disclosure),
    ...checkFiscalYear(disclosure),
  ];
}
