import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZFinding } from './finding.schema';
import { RULE_CATALOGUE, ruleById } from './rule-catalogue';
import { placeholdersOf, report, statedFacts } from './rule-definition';

const CJK = /[\u4e00-\u9fff]/;

describe('the rule catalogue', () => {
  it('gives every rule a stable, unique id', () => {
    const ids = RULE_CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*$/);
    expect(ruleById('T9.SHARE')?.severity).toBe('error');
    expect(ruleById('NO.SUCH_RULE')).toBeUndefined();
  });

  it.each(RULE_CATALOGUE.map((r) => [r.id, r] as const))(
    '%s has a description and a message in Chinese and English',
    (_id, rule) => {
      for (const text of [rule.description, rule.message]) {
        expect(text.zh).toMatch(CJK);
        expect(text.en.trim()).not.toBe('');
        expect(text.en).not.toBe(text.zh);
      }
      // both languages fill the same parameters, so neither message can lose a figure
      expect(statedFacts(rule.message.en)).toEqual(statedFacts(rule.message.zh));
    },
  );

  it.each(RULE_CATALOGUE.map((r) => [r.id, r] as const))(
    '%s reports a finding the API schema accepts',
    (_id, rule) => {
      const names = [...placeholdersOf(rule.message.zh), ...placeholdersOf(rule.message.en)];
      const params = Object.fromEntries(names.map((name) => [name, `‹${name}›`]));
      const finding = report(rule, { kind: 'document', path: 'x' }, params, {
        expected: '1.00',
        actual: '2.00',
      });
      expect(ZFinding.parse(finding)).toEqual(finding);
      expect(finding.message.zh).not.toMatch(/\{\w+\}/);
      expect(finding.message.en).not.toMatch(/\{\w+\}/);
    },
  );

  it('refuses to report a message with a parameter missing', () => {
    const rule = ruleById('CODE.UNKNOWN_FUNCTION')!;
    expect(() => report(rule, { kind: 'document', path: 'x' }, { code: '2010398' })).toThrow('{year}');
  });

  it('has a test that triggers every rule (each id appears in a spec of this folder)', () => {
    const specs = readdirSync(__dirname)
      .filter((f) => f.endsWith('.spec.ts') && f !== 'rule-catalogue.spec.ts')
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n');
    // 表1 and 表4 share their rules; a case parameterised over both writes `${table}.NAME`
    const untested = RULE_CATALOGUE.map((r) => r.id).filter(
      (id) => !specs.includes(id) && !specs.includes(`\${table}.${id.slice(3)}`),
    );
    expect(untested).toEqual([]);
  });
});
