export * from './workflow.types';
export * from './workflow-guards';
export * from './workflow-transitions';
export * from './transition';
export * from './review-chain';
