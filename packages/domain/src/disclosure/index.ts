export * from './disclosure.schema';
