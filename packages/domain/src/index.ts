export * from './money';
export * from './budget';
