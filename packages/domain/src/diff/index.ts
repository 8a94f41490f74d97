export * from './canonical-json';
export * from './keyed-diff';
export * from './cell-diff';
export * from './revision-diff';
