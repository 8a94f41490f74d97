export * from './fen';
export * from './money-error';
