export * from './money';
export * from './budget';
export * from './diff';
export * from './disclosure';
