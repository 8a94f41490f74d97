import { governmentEconomicCodeOf, judgeCode, type Catalogue, type TExpenditureLine } from '@budgetflow/domain';
import type { TFieldError } from '../../common/errors/app-error';

/** Why a verdict refuses a line's code; verdicts not here let the line in. */
const REFUSED: Readonly<Record<string, (edition: string) => string>> = {
  malformed: () => 'is not a classification code',
  'other-list': () => 'is a code of another classification',
  'wrong-level': () => 'is not at the level a line needs',
  unknown: (edition) => `is not in ${edition}`,
};

/**
 * Input checking of written lines against the year's edition in force and the department's units:
 * a code that names nothing is refused at the door (400 naming the field) rather than stored as a
 * finding, because no table could place the line. A code a partial (shipped) edition merely lacks,
 * under a parent it has, is let in: it may well exist, and the findings ask for its name.
 */
export function unknownLineCodes(
  lines: readonly TExpenditureLine[],
  catalogue: Catalogue,
  unitCodes: ReadonlySet<string>,
  path: string,
): TFieldError[] {
  const errors: TFieldError[] = [];
  const edition = `the ${catalogue.fiscalYear} ${catalogue.completeness === 'partial' ? 'shipped edition (partial)' : 'catalogue'}`;
  lines.forEach((line, index) => {
    const at = (field: string) => `${path}.${index}.${field}`;
    for (const [field, list, level, what] of [
      ['functionCode', 'functional', 'item', 'functional 项'],
      ['economicCode', 'economic', 'section', 'economic 款'],
    ] as const) {
      const code = line[field];
      const refused = REFUSED[judgeCode(catalogue, list, code, level).verdict];
      if (refused !== undefined) errors.push({ path: at(field), message: `${what} ${code} ${refused(edition)}` });
    }
    if (!unitCodes.has(line.unitCode)) {
      errors.push({ path: at('unitCode'), message: `the department has no budget unit ${line.unitCode}` });
    }
  });
  return errors;
}

/** A line as the API lists it: with the 政府预算经济分类 款 its 部门 款 maps to, where the 对照表 says one. */
export function withGovernmentCode<L extends TExpenditureLine>(line: L, catalogue: Catalogue | undefined): L & { governmentEconomicCode?: string } {
  const code = catalogue === undefined ? undefined : governmentEconomicCodeOf(catalogue, line.economicCode);
  return code === undefined ? line : { ...line, governmentEconomicCode: code };
}
