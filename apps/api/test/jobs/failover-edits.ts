import type { TSignedIn, TTestApp } from '../utils/test-app';
import { waitFor } from './jobs-fixtures';

/** The one line a failover test edits, each edit to a new amount, so each makes a totals job. */
const LINE = { id: 'FAILOVER', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation' };

/** Edits of a budget before, during and after a Redis failover, and the check that every one's totals job was done. */
export interface TFailoverEdits {
  /** Sets the line to `k` 元 from the version last seen; the API must answer 200 whatever Redis does. */
  edit(k: number): Promise<void>;
  /** The totals jobs not done yet. */
  undone(): Promise<number>;
  /** Waits for every totals job, then finds `expected` of them (the import and each edit) done and the derivation at the last version. */
  expectAllDone(expected: number): Promise<void>;
}

export function failoverEdits(t: TTestApp, preparer: TSignedIn, budget: { id: string; version: number }): TFailoverEdits {
  let version = budget.version;
  const undone = async (): Promise<number> => {
    const [row] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'budget.totals' AND done_at IS NULL`)) as { n: number }[];
    return row?.n ?? -1;
  };
  return {
    async edit(k) {
      const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version, upsertExpenditure: [{ ...LINE, amount: `${k}.00` }] });
      expect(res.status).toBe(200);
      version = Number(res.body.version);
    },
    undone,
    async expectAllDone(expected) {
      await waitFor('every totals job', async () => (await undone()) === 0, 120_000);
      const [counts] = (await t.dataSource.query(`SELECT count(*)::int AS rows, count(done_at)::int AS done FROM outbox WHERE topic = 'budget.totals'`)) as { rows: number; done: number }[];
      expect(counts).toEqual({ rows: expected, done: expected });
      // The derivation is the last version's: the jobs after the failover ran, on the new master.
      const [derived] = (await t.dataSource.query(`SELECT version FROM budget_derivations WHERE budget_id = $1`, [budget.id])) as { version: number }[];
      expect(derived?.version).toBe(version);
    },
  };
}
