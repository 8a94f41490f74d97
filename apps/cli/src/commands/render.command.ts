import { catalogueForYear, deriveDisclosure, isDomainError, renderCsv, renderHtml, ZBudgetDocument, type Catalogue, type TDisclosure } from '@budgetflow/domain';
import type { CliCommand } from '../cli-command';
import { EXIT } from '../exit-codes';
import { InputError } from '../input-error';
import { readJsonInput } from '../read-json-input';
import { writeOutput } from '../write-output';

const FORMATS = ['json', 'csv', 'html'] as const;
type RenderFormat = (typeof FORMATS)[number];

const RENDERERS: Readonly<Record<RenderFormat, (disclosure: TDisclosure) => string>> = {
  json: (disclosure) => `${JSON.stringify(disclosure, null, 2)}\n`,
  csv: renderCsv,
  html: renderHtml,
};

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'derive the disclosure of a budget document: json (the model), csv (one row per cell), html (printable)',
  arguments: ['<budget.json>'],
  options: [
    { name: 'format', values: FORMATS, description: 'what to produce (default json)' },
    { name: 'out', takesValue: true, description: 'write to this file instead of stdout' },
  ],
  async run({ positionals: [file = ''], options }, io) {
    const document = await readJsonInput(io.cwd, file, ZBudgetDocument, 'budget document');
    const format = (options.format ?? 'json') as RenderFormat;
    const disclosure = deriveDisclosure(document, yearCatalogue(document.fiscalYear));
    await writeOutput(io, options.out, RENDERERS[format](disclosure));
    return EXIT.ok;
  },
};

/** The names a table prints are those of the budget's year; a year before every edition is the input's fault. */
function yearCatalogue(year: number): Catalogue {
  try {
    return catalogueForYear(year);
  } catch (error) {
    if (isDomainError(error) && error.code === 'CATALOGUE_YEAR_UNKNOWN') {
      throw new InputError(error.message, [{ where: '$.fiscalYear', reason: error.message }]);
    }
    throw error;
  }
}
