import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CATALOGUE } from './rule-catalogue';
import { renderRulesDoc, RULES_DOC_COMMAND, RULES_DOC_PATH } from './rules-doc';

describe('docs/rules.md', () => {
  const doc = renderRulesDoc();

  it('lists every rule of the catalogue once, with its severity and what it checks in Chinese and English', () => {
    for (const rule of RULE_CATALOGUE) {
      const rows = doc.split('\n').filter((line) => line.startsWith(`| \`${rule.id}\` |`));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(`| ${rule.severity} | ${rule.scope} |`);
      expect(rows[0]).toContain(rule.description.zh);
      expect(rows[0]).toContain(rule.description.en);
    }
    expect(doc).toContain(`${RULE_CATALOGUE.length} rules`);
  });

  it('is up to date in the repository', () => {
    const written = readFileSync(join(__dirname, '..', '..', '..', '..', RULES_DOC_PATH), 'utf8');
    if (written !== doc) throw new Error(`${RULES_DOC_PATH} is out of date: run ${RULES_DOC_COMMAND}`);
  });
});
