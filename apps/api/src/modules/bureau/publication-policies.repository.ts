import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TPublicationPolicy {
  signOffRequired: boolean;
  /** false: the year has no policy of its own, and publication waits for no 审签 */
  configured: boolean;
  version: number;
}

/** Per bureau and year, what publication waits for: the administrator's publication policy. */
@Injectable()
export class PublicationPoliciesRepository {
  async find(m: EntityManager, bureauId: string, fiscalYear: number): Promise<TPublicationPolicy> {
    const rows: { sign_off_required: boolean; version: number }[] = await m.query(
      `SELECT sign_off_required, version FROM publication_policies WHERE bureau_id = $1 AND fiscal_year = $2`,
      [bureauId, fiscalYear],
    );
    const row = rows[0];
    return row === undefined ? { signOffRequired: false, configured: false, version: 0 } : { signOffRequired: row.sign_off_required, configured: true, version: row.version };
  }

  /** Whether a department's budget of the year waits for a 审签 before publication: its bureau's policy, else not. */
  async signOffRequired(m: EntityManager, departmentId: string, fiscalYear: number): Promise<boolean> {
    const rows: { sign_off_required: boolean }[] = await m.query(
      `SELECT pp.sign_off_required FROM departments d JOIN publication_policies pp ON pp.bureau_id = d.bureau_id AND pp.fiscal_year = $2 WHERE d.id = $1`,
      [departmentId, fiscalYear],
    );
    return rows[0]?.sign_off_required ?? false;
  }

  async put(m: EntityManager, bureauId: string, fiscalYear: number, signOffRequired: boolean, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO publication_policies (bureau_id, fiscal_year, sign_off_required, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (bureau_id, fiscal_year) DO UPDATE SET sign_off_required = EXCLUDED.sign_off_required, updated_by = EXCLUDED.updated_by,
         version = publication_policies.version + 1, updated_at = now()`,
      [bureauId, fiscalYear, signOffRequired, userId],
    );
  }
}
