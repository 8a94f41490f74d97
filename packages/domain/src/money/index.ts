export * from './fen';
export * from './money-error';
export * from './display';
export * from './wan-text';
