import { catalogueFromEdition, isDomainError, ZCatalogueEdition, type Catalogue } from '@budgetflow/domain';
import type { OptionSpec, ParsedArgs } from './cli-command';
import { InputError } from './input-error';
import { readJsonInput } from './read-json-input';

export const CATALOGUE_OPTION: OptionSpec = {
  name: 'catalogue',
  takesValue: true,
  description: 'check and name codes by this edition (JSON, as GET /api/catalogue/{year} answers it) instead of the shipped, partial one',
};

/**
 * The edition `--catalogue FILE` names, for a document of `fiscalYear`; undefined without the
 * option (the shipped edition of the year applies). An edition of another year, or one whose lists
 * do not hold together, is the input's fault (exit 2), each problem listed.
 */
export async function catalogueOption(cwd: string, options: ParsedArgs['options'], fiscalYear: number): Promise<Catalogue | undefined> {
  const file = options['catalogue'];
  if (typeof file !== 'string') return undefined;
  const edition = await readJsonInput(cwd, file, ZCatalogueEdition, 'catalogue edition');
  if (edition.fiscalYear !== fiscalYear) {
    throw new InputError(`${file} is the catalogue of ${edition.fiscalYear}, the input is of ${fiscalYear}`, [{ where: `${file} $.fiscalYear`, reason: `expected ${fiscalYear}` }]);
  }
  try {
    return catalogueFromEdition(edition);
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'CATALOGUE_INVALID') throw error;
    const problems = (error.details?.['problems'] ?? []) as { position: string; reason: string }[];
    throw new InputError(`${file} is not a valid catalogue edition (${problems.length} problem(s))`, problems.map((p) => ({ where: `${file} ${p.position}`, reason: p.reason })));
  }
}
