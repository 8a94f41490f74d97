export * from './money';
export * from './budget';
export * from './diff';
export * from './disclosure';
export * from './errors';
export * from './catalogue';
export * from './workflow';
export * from './derive';
