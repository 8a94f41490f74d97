import { formatYuan, parseFen, sumFen, ZBudgetDocument, type Fen, type TBudgetDocument, type TBudgetDocumentInput } from '@budgetflow/domain';
import type { TSignedIn, TTarget } from './test-app';

export interface TUnitRef {
  code: string;
  name: string;
}

export const UNIT_PASSWORD = 'unit-budgets-Pa55word';

/**
 * The seed with 二级单位 of its own: each unit in turn takes the next five 公用经费 lines and their
 * appropriation (I002, I003 …); the department keeps the rest (I001).
 */
export function withUnits(seedInput: TBudgetDocumentInput, units: readonly TUnitRef[]): TBudgetDocument {
  const seed = ZBudgetDocument.parse(seedInput);
  const basic = seed.expenditureLines.filter((l) => l.kind === 'basic-public');
  const unitOf = new Map(units.flatMap((unit, i) => basic.slice(5 * i, 5 * i + 5).map((l) => [l.id, unit.code] as const)));
  const lines = seed.expenditureLines.map((l) => ({ ...l, unitCode: unitOf.get(l.id) ?? l.unitCode }));
  const fenOf = (code: string) => sumFen(lines.filter((l) => l.unitCode === code).map((l) => parseFen(l.amount)));
  const unitsFen = units.reduce((sum, unit) => sum + fenOf(unit.code), 0);
  return {
    ...seed,
    department: { ...seed.department, units: [...seed.department.units, ...units.map((u) => ({ ...u, level: 'subordinate' as const }))] },
    expenditureLines: lines,
    incomeLines: [
      { id: 'I001', source: 'general-budget-appropriation', amount: formatYuan((parseFen(seed.incomeLines[0]?.amount ?? '0') - unitsFen) as Fen) },
      ...units.map((unit, i) => ({ id: `I00${i + 2}`, source: 'general-budget-appropriation' as const, amount: formatYuan(fenOf(unit.code)), unitCode: unit.code })),
    ],
  };
}

/** A 二级单位 of the home department (019001), with a preparer of its own who signs in. */
export async function addUnit(t: TTarget, admin: TSignedIn, unit: TUnitRef, preparer: string): Promise<TSignedIn> {
  await t.http().post(`/api/departments/${t.people.departments.home.id}/units`).set(admin.headers).send(unit).expect(201);
  await t.http().put(`/api/admin/budget-units/${unit.code}/level`).set(admin.headers).send({ level: 'subordinate' }).expect(200);
  await t.http().post('/api/users').set(admin.headers).send({ password: UNIT_PASSWORD, departmentCode: '019001', username: preparer, displayName: `编制人（${unit.name}）`, role: 'preparer', unitCode: unit.code }).expect(201);
  return t.login(preparer, UNIT_PASSWORD);
}

/** The home department's reviewer of its units' budgets (主管部门审核). */
export async function addDepartmentReviewer(t: TTarget, admin: TSignedIn, username: string): Promise<TSignedIn> {
  await t.http().post('/api/users').set(admin.headers).send({ password: UNIT_PASSWORD, departmentCode: '019001', username, displayName: '部门审核人', role: 'department_reviewer' }).expect(201);
  return t.login(username, UNIT_PASSWORD);
}
