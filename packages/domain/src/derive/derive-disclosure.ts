import type { TBudgetDocument } from '../budget/budget-document.schema';
import { DISCLOSURE_SCHEMA_VERSION, type TDisclosure } from '../disclosure/disclosure.schema';
import { DEFAULT_TEMPLATE_ID, templateById } from '../templates/template-registry';
import type { TDisclosureTemplate } from '../templates/template.schema';
import type { NameCatalogue } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { aggregateLines, type LineAggregate } from './line-aggregate';
import { deriveExplanations } from './part3-explanations';
import { deriveGlossary } from './part4-glossary';
import { deriveTemplateTable } from './template-tables';

export interface DeriveOptions {
  /** Revision hash of the document, recorded in meta.generatedFrom. */
  generatedFrom?: string;
  /** The document's lines already aggregated (aggregateLines(doc)), so that they are read once for derivation and rules alike. */
  aggregate?: LineAggregate;
  /** The template to print under; by default the document's own (doc.template, else hubei-2020). */
  template?: TDisclosureTemplate;
}

/** The template a document's disclosure follows: its own, else the seed's. Throws TEMPLATE_UNKNOWN. */
export function templateOf(doc: Pick<TBudgetDocument, 'template'>): TDisclosureTemplate {
  return templateById(doc.template ?? DEFAULT_TEMPLATE_ID);
}

/**
 * The published disclosure of a budget document under its template: overview, the template's
 * tables, explanations and glossary. Pure: the lines are read once (aggregateLines) and every table
 * sums the aggregate in integer 分. `catalogue` is the budget year's edition, whose names it prints.
 */
export function deriveDisclosure(doc: TBudgetDocument, catalogue: NameCatalogue, options: DeriveOptions = {}): TDisclosure {
  const template = options.template ?? templateOf(doc);
  const ctx: DeriveContext = {
    doc,
    aggregate: options.aggregate ?? aggregateLines(doc),
    catalogue,
    unitNames: new Map(doc.department.units.map((u) => [u.code, u.name])),
    template,
  };
  const { department } = doc;
  return {
    schemaVersion: DISCLOSURE_SCHEMA_VERSION,
    meta: {
      departmentCode: department.code,
      departmentName: department.name,
      ...(department.shortName === undefined ? {} : { shortName: department.shortName }),
      fiscalYear: doc.fiscalYear,
      template: template.id,
      scope: doc.scope ?? 'department',
      unitLabel: template.narrative.unit,
      amountPrecision: 'exact',
      ...(options.generatedFrom === undefined ? {} : { generatedFrom: options.generatedFrom }),
    },
    overview: { functions: department.functions, units: department.units, staffing: department.staffing },
    tables: template.tables.map((spec) => deriveTemplateTable(ctx, spec)),
    explanations: deriveExplanations(ctx),
    glossary: deriveGlossary(ctx),
  };
}
