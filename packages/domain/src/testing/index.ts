export * from './generate-budget';
