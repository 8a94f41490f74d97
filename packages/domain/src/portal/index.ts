export * from './breakdown';
export * from './summary';
export * from './compare';
