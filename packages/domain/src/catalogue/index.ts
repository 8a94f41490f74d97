export * from './catalogue';
export * from './catalogue-csv';
export * from './catalogue-diff';
export * from './catalogue-editions';
export * from './code-verdict';
export { CODE_PREFIX, isCodeOf, parentOfCode } from './catalogue-problems';
export * from './catalogue-edition';
