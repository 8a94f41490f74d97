export * from './money';
export * from './budget';
export * from './diff';
