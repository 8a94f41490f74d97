import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZDisclosure } from '../disclosure/disclosure.schema';
import { checkDisclosure } from '../rules/check-disclosure';

/** A sample as transcribed from its publisher's PDF and converted (fixtures/samples/README.md). */
const sample = (name: string) =>
  ZDisclosure.parse(JSON.parse(readFileSync(join(__dirname, '../../fixtures/samples', `${name}.disclosure.json`), 'utf8')));
const bySeverity = (name: string, severity: 'error' | 'warning') =>
  checkDisclosure(sample(name))
    .filter((f) => f.severity === severity)
    .map((f) => f.ruleId);

describe('the checker on disclosures others published', () => {
  it.each(['sh_putuo_commerce_2025_dept_budget', 'sh_putuo_commerce_2025_unit_budget'])(
    'raises no error on the clean Shanghai sample %s, and warns that 支出 is compared with 预算 where the template compares with 预算执行数',
    (name) => {
      expect(bySeverity(name, 'error')).toEqual([]);
      expect(new Set(bySeverity(name, 'warning'))).toEqual(new Set(['YOY.BASE_KIND']));
    },
  );

  it('finds the Jiangsu sample’s real mistakes: the template’s 「增加（减少）0万元」 left unfilled, and rates stated on a zero base', () => {
    const errors = checkDisclosure(sample('js_npc_standing_committee_office_2019_dept_budget')).filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.ruleId === 'YOY.DIRECTION')).toHaveLength(7);
    expect(errors.filter((f) => f.ruleId === 'YOY.ZERO_BASE')).toHaveLength(4);
    expect(errors).toHaveLength(11);
    for (const f of errors) expect(f.location).toMatchObject({ kind: 'text' });
    expect(errors.find((f) => f.ruleId === 'YOY.DIRECTION')?.expected).toBe('持平');
  });
});
