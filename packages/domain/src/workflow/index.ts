export * from './workflow.types';
export * from './workflow-guards';
export * from './workflow-transitions';
export * from './transition';
export * from './publication-compliance';
export * from './review-chain';
