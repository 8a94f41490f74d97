export * from './derive-disclosure';
export type { NameCatalogue } from './catalogue-names';
export { aggregateLines, LineTally, type LineAggregate, type ProjectLineTotals, type FunctionCell, type EconomicCell, type ProjectCell, type FundFamily } from './line-aggregate';
export { THREE_PUBLIC_CODES } from './t8-three-public';
export { PRINTED_ECONOMIC_CLASSES, PRINTED_FUNCTIONAL_CLASSES } from './summary-table';
