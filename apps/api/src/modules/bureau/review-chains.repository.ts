import { DEFAULT_REVIEW_CHAIN, ZReviewChain, type ReviewChain } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TStoredChain {
  chain: ReviewChain;
  /** false: the year has no chain of its own and runs on DEFAULT_REVIEW_CHAIN */
  configured: boolean;
  version: number;
  updatedAt: Date | null;
}

/** Per bureau and year, the review chain an administrator configured. */
@Injectable()
export class ReviewChainsRepository {
  async find(m: EntityManager, bureauId: string, fiscalYear: number): Promise<TStoredChain> {
    const rows: { chain: unknown; version: number; updated_at: Date }[] = await m.query(
      `SELECT chain, version, updated_at FROM review_chains WHERE bureau_id = $1 AND fiscal_year = $2`,
      [bureauId, fiscalYear],
    );
    const row = rows[0];
    return row === undefined
      ? { chain: DEFAULT_REVIEW_CHAIN, configured: false, version: 0, updatedAt: null }
      : { chain: ZReviewChain.parse(row.chain), configured: true, version: row.version, updatedAt: row.updated_at };
  }

  /** The chain a department's budget of the year goes through: its bureau's, else the default. */
  async forDepartment(m: EntityManager, departmentId: string, fiscalYear: number): Promise<ReviewChain> {
    const rows: { chain: unknown }[] = await m.query(
      `SELECT rc.chain FROM departments d JOIN review_chains rc ON rc.bureau_id = d.bureau_id AND rc.fiscal_year = $2 WHERE d.id = $1`,
      [departmentId, fiscalYear],
    );
    const row = rows[0];
    return row === undefined ? DEFAULT_REVIEW_CHAIN : ZReviewChain.parse(row.chain);
  }

  async put(m: EntityManager, bureauId: string, fiscalYear: number, chain: ReviewChain, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO review_chains (bureau_id, fiscal_year, chain, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (bureau_id, fiscal_year) DO UPDATE SET chain = EXCLUDED.chain, updated_by = EXCLUDED.updated_by, version = review_chains.version + 1, updated_at = now()`,
      [bureauId, fiscalYear, JSON.stringify(chain), userId],
    );
  }
}
