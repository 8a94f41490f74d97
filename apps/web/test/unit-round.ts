import type * as Domain from '@budgetflow/domain';

/**
 * The domain as the unit budgets' web is written against it. The unit round (round `unit`, its one
 * stage 主管部门审核) and the department reviewer (`department_reviewer`) come to the domain's
 * workflow in parallel with this client; until BUDGET_ROUNDS names `unit`, this stands in for the
 * rows actionsFor will read there: the department reviewer approves (with an opinion, no 批复) or
 * returns (with a reason) a submitted unit budget, and returns an approved one. Once the domain
 * has the round, the real domain answers and this adds nothing. Use as
 * `jest.mock('@budgetflow/domain', () => jest.requireActual<typeof import('./unit-round')>('./unit-round').domainWithUnitRound())`.
 */
export function domainWithUnitRound(): typeof Domain {
  const real = jest.requireActual<typeof Domain>('@budgetflow/domain');
  if ((real.BUDGET_ROUNDS as readonly string[]).includes('unit')) return real;
  const actionsFor: typeof real.actionsFor = (state, role, where) => {
    if ((where?.round as string | undefined) !== 'unit') return real.actionsFor(state, role, where);
    if ((role as string) === 'department_reviewer') {
      if (state === 'submitted') return ['approve', 'return'];
      if (state === 'approved') return ['return'];
      return [];
    }
    if (role === 'preparer') return state === 'draft' || state === 'returned' ? ['submit'] : state === 'submitted' ? ['withdraw'] : [];
    return [];
  };
  return { ...real, actionsFor };
}
