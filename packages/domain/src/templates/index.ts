export * from './table-role';
export * from './template.schema';
export * from './template-registry';
