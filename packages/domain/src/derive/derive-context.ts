import type { TBudgetDocument } from '../budget/budget-document.schema';
import type { NameCatalogue } from './catalogue-names';
import type { LineAggregate } from './line-aggregate';
import type { TDisclosureTemplate } from '../templates/template.schema';

/** What every table's derivation reads: the document, its one-pass aggregate, and the year's names. */
export interface DeriveContext {
  readonly doc: TBudgetDocument;
  readonly aggregate: LineAggregate;
  readonly catalogue: NameCatalogue;
  /** Budget unit names by code, for the unit rows of 表3, 表5 and 表7. */
  readonly unitNames: ReadonlyMap<string, string>;
  /** The template the disclosure is printed under. */
  readonly template: TDisclosureTemplate;
}
