import {
  catalogueForYear,
  deriveDisclosure,
  findTemplate,
  isDomainError,
  TEMPLATES,
  renderCsv,
  renderHtml,
  ZBudgetDocument,
  type AmountFormat,
  type Catalogue,
  type TDisclosure,
} from '@budgetflow/domain';
import type { CliCommand, ParsedArgs } from '../cli-command';
import { EXIT } from '../exit-codes';
import { CATALOGUE_OPTION, catalogueOption } from '../catalogue-option';
import { InputError } from '../input-error';
import { readJsonInput } from '../read-json-input';
import { writeOutput } from '../write-output';

const FORMATS = ['json', 'csv', 'html', 'pdf', 'xlsx'] as const;
type RenderFormat = (typeof FORMATS)[number];

/**
 * One renderer per format. PDF and XLSX are the API's own (apps/api/src/modules/reports), loaded
 * only when asked for, so that the other formats start without pdfkit and exceljs.
 */
const RENDERERS: Readonly<Record<RenderFormat, (disclosure: TDisclosure, amounts: AmountFormat, createdAt: Date) => string | Promise<string | Buffer>>> = {
  json: (disclosure) => `${JSON.stringify(disclosure, null, 2)}\n`,
  csv: renderCsv,
  html: (disclosure) => renderHtml(disclosure),
  pdf: async (disclosure, _, createdAt) => (await import('../../../api/src/modules/reports/pdf/disclosure-pdf.renderer.js')).renderDisclosurePdf(disclosure, { createdAt }),
  xlsx: async (disclosure, _, createdAt) => (await import('../../../api/src/modules/reports/xlsx/disclosure-xlsx.renderer.js')).renderDisclosureXlsx(disclosure, { createdAt }),
};

/** --date: the date the PDF and workbook carry, so that the same document renders the same bytes. */
function createdAt(value: string | true | undefined): Date {
  if (value === undefined) return new Date();
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) throw new InputError(`render: --date is a day written YYYY-MM-DD, not "${String(value)}"`);
  return date;
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'derive the disclosure of a budget document: json (the model), csv (one row per cell), html (printable), pdf, xlsx (as the API publishes them)',
  arguments: ['<budget.json>'],
  options: [
    { name: 'format', values: FORMATS, description: 'what to produce (default json)' },
    { name: 'out', takesValue: true, description: 'write to this file instead of stdout (pdf and xlsx need it)' },
    { name: 'date', takesValue: true, description: 'pdf and xlsx: the date they carry, YYYY-MM-DD (default today)' },
    { name: 'template', values: TEMPLATES.map((t) => t.id), description: 'the disclosure template to print under (default: the document’s own, else hubei-2020)' },
    // Other provinces print 元, or two decimals: the CSV can follow them.
    { name: 'unit', values: ['wan', 'yuan'], description: 'csv only: amounts in 万元 (default) or 元' },
    { name: 'decimals', values: ['1', '2'], description: 'csv only: decimals of displayed amounts (default 1 for 万元)' },
    CATALOGUE_OPTION,
  ],
  async run({ positionals: [file = ''], options }, io) {
    const format = (options.format ?? 'json') as RenderFormat;
    const amounts = amountFormat(options, format);
    const document = await readJsonInput(io.cwd, file, ZBudgetDocument, 'budget document');
    const template = typeof options.template === 'string' ? findTemplate(options.template) : undefined;
    const catalogue = (await catalogueOption(io.cwd, options, document.fiscalYear)) ?? yearCatalogue(document.fiscalYear);
    const disclosure = deriveDisclosure(document, catalogue, template === undefined ? {} : { template });
    await writeOutput(io, options.out, await RENDERERS[format](disclosure, amounts, createdAt(options.date)));
    return EXIT.ok;
  },
};

function amountFormat(options: ParsedArgs['options'], format: RenderFormat): AmountFormat {
  const { unit, decimals } = options;
  if (format !== 'csv' && (unit !== undefined || decimals !== undefined)) {
    throw new InputError('render: --unit and --decimals apply to --format csv only');
  }
  return {
    ...(unit === 'wan' || unit === 'yuan' ? { unit } : {}),
    ...(decimals === '1' || decimals === '2' ? { decimals: Number(decimals) as 1 | 2 } : {}),
  };
}

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
