import { lookupEntry, type Catalogue, type TExpenditureLine } from '@budgetflow/domain';
import type { TFieldError } from '../../common/errors/app-error';

/**
 * Input checking of written lines against the year's catalogue and the department's units: a code
 * that names nothing is refused at the door (400 naming the field) rather than stored as a finding,
 * because no table could place the line. Levels are the catalogue's: 项 for functions, 款 for
 * economic codes.
 */
export function unknownLineCodes(
  lines: readonly TExpenditureLine[],
  catalogue: Catalogue,
  unitCodes: ReadonlySet<string>,
  path: string,
): TFieldError[] {
  const errors: TFieldError[] = [];
  lines.forEach((line, index) => {
    const at = (field: string) => `${path}.${index}.${field}`;
    if (lookupEntry(catalogue, 'functional', line.functionCode)?.level !== 'item') {
      errors.push({ path: at('functionCode'), message: `no functional 项 ${line.functionCode} in the ${catalogue.fiscalYear} catalogue` });
    }
    if (lookupEntry(catalogue, 'economic', line.economicCode)?.level !== 'section') {
      errors.push({ path: at('economicCode'), message: `no economic 款 ${line.economicCode} in the ${catalogue.fiscalYear} catalogue` });
    }
    if (!unitCodes.has(line.unitCode)) {
      errors.push({ path: at('unitCode'), message: `the department has no budget unit ${line.unitCode}` });
    }
  });
  return errors;
}
