import type { TBudgetDocument } from '../budget/budget-document.schema';
import type { TDisclosure } from '../disclosure/disclosure.schema';
import type { NameCatalogue } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { aggregateLines, type LineAggregate } from './line-aggregate';
import { deriveExplanations } from './part3-explanations';
import { deriveGlossary } from './part4-glossary';
import { deriveT1 } from './t1-income-expenditure-summary';
import { deriveT2 } from './t2-income-summary';
import { deriveT3 } from './t3-expenditure-summary';
import { deriveT4 } from './t4-fiscal-summary';
import { deriveT5 } from './t5-general-public-expenditure';
import { deriveT6 } from './t6-general-public-basic';
import { deriveT7 } from './t7-government-fund-expenditure';
import { deriveT8 } from './t8-three-public';
import { deriveT9 } from './t9-department-performance';
import { deriveT10 } from './t10-project-performance';

export interface DeriveOptions {
  /** Revision hash of the document, recorded in meta.generatedFrom. */
  generatedFrom?: string;
  /** The document's lines already aggregated (aggregateLines(doc)), so that they are read once for derivation and rules alike. */
  aggregate?: LineAggregate;
}

/**
 * The published disclosure of a budget document: overview, ten tables, explanations and glossary.
 * Pure: the lines are read once (aggregateLines) and every table sums the aggregate in integer 分.
 * `catalogue` is the budget year's edition (catalogueForYear(doc.fiscalYear)), whose names it prints.
 */
export function deriveDisclosure(doc: TBudgetDocument, catalogue: NameCatalogue, options: DeriveOptions = {}): TDisclosure {
  const ctx: DeriveContext = {
    doc,
    aggregate: options.aggregate ?? aggregateLines(doc),
    catalogue,
    unitNames: new Map(doc.department.units.map((u) => [u.code, u.name])),
  };
  const { department } = doc;
  return {
    schemaVersion: 1,
    meta: {
      departmentCode: department.code,
      departmentName: department.name,
      ...(department.shortName === undefined ? {} : { shortName: department.shortName }),
      fiscalYear: doc.fiscalYear,
      unitLabel: '万元',
      amountPrecision: 'exact',
      ...(options.generatedFrom === undefined ? {} : { generatedFrom: options.generatedFrom }),
    },
    overview: { functions: department.functions, units: department.units, staffing: department.staffing },
    tables: [deriveT1, deriveT2, deriveT3, deriveT4, deriveT5, deriveT6, deriveT7, deriveT8, deriveT9, deriveT10].map((derive) => derive(ctx)),
    explanations: deriveExplanations(ctx),
    glossary: deriveGlossary(ctx),
  };
}
