export * from './amount.schema';
export * from './budget-document.schema';
export * from './fund-source';
export * from './line-cell-text';
export * from './ceilings';
export * from './ceilings-table';
export * from './rounds-comparison';
export * from './unit-consolidation';
