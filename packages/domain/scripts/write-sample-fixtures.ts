import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSampleBudget, SAMPLES, SAMPLES_DIR } from './sample-budgets';
import { renderSampleDisclosure } from './sample-disclosures';

// The fixtures of the public samples: <name>.budget.json (lines that reproduce the tables) and
// <name>.disclosure.json (the sample converted to the disclosure model, for `pnpm budget check`).
for (const { name } of SAMPLES) {
  writeFileSync(join(SAMPLES_DIR, `${name}.budget.json`), renderSampleBudget(name));
  writeFileSync(join(SAMPLES_DIR, `${name}.disclosure.json`), renderSampleDisclosure(name));
  console.log(`wrote ${name}.budget.json, ${name}.disclosure.json`);
}
