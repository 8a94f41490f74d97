import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TStoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
}

/**
 * Idempotency keys of workflow actions, per user. The key is claimed as the first statement of
 * the action's transaction and answered in it: a concurrent retry with the same key blocks on the
 * unique index until the first commits, then fails with a unique violation; or it reads the budget
 * after the first committed and fails on its state. Either way it finds the stored answer and
 * replays it (WorkflowService.act). If the first rolls back, nothing was done and the key is free
 * again, so the retry acts.
 */
@Injectable()
export class IdempotencyRepository {
  async find(m: EntityManager, userId: string, key: string): Promise<TStoredResponse | undefined> {
    const rows: TStoredResponse[] = await m.query(`SELECT fingerprint, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key]);
    return rows[0];
  }

  async claim(m: EntityManager, userId: string, key: string, fingerprint: string): Promise<void> {
    await m.query(`INSERT INTO idempotency_keys (user_id, key, fingerprint, status, body) VALUES ($1, $2, $3, 0, 'null')`, [userId, key, fingerprint]);
  }

  async complete(m: EntityManager, userId: string, key: string, status: number, body: unknown): Promise<void> {
    await m.query(`UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2`, [userId, key, status, JSON.stringify(body)]);
  }
}
