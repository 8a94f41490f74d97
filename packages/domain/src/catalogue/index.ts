export * from './catalogue';
export * from './catalogue-csv';
export * from './catalogue-editions';
