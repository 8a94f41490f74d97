import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc, RULES_DOC_PATH } from '../src/rules/rules-doc';

// Writes docs/rules.md from RULE_CATALOGUE; rules-doc.spec.ts fails until it is run after a rule changes.
const target = join(__dirname, '..', '..', '..', RULES_DOC_PATH);
writeFileSync(target, renderRulesDoc());
console.log(`wrote ${target}`);
