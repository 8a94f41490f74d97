import { catalogueForYear, deriveAndValidate } from './src/index';
import { generateBudget } from './src/testing';
const doc = generateBudget({ lines: 100_000, projects: 1_600, functionItems: 1_000 });
const catalogue = catalogueForYear(doc.fiscalYear);
for (let i = 0; i < 3; i++) deriveAndValidate(doc, catalogue);
const t = performance.now();
for (let i = 0; i < 10; i++) deriveAndValidate(doc, catalogue);
console.log('ms each', (performance.now() - t) / 10);
