import { createSeededBudget, signIn, type TBudgetRef } from '../e2e/budget-test-kit';
import type { TTestUsername } from './seed-people';
import { createTestApp, type TSignedIn, type TTestApp } from './test-app';

export interface TSeededBudgetApp<N extends TTestUsername> {
  t: TTestApp;
  people: Record<N | 'preparer', TSignedIn>;
  budget: TBudgetRef;
}

/**
 * The set-up of a file about one budget: its own app, the preparer and the other named accounts
 * signed in, and the preparer's seeded 2020 budget. The caller closes `t` after its tests; an app
 * whose set-up failed is closed here, since the caller never gets it.
 */
export async function openSeededBudgetApp<N extends TTestUsername>(...others: N[]): Promise<TSeededBudgetApp<N>> {
  const t = await createTestApp();
  try {
    const people = await signIn<N | 'preparer'>(t, 'preparer', ...others);
    const budget = await createSeededBudget(t, people.preparer, 2020);
    return { t, people, budget };
  } catch (error) {
    await t.close();
    throw error;
  }
}
