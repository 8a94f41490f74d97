import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TSignOff } from './dto/sign-off.schema';

/** 审签: one per approved revision (append-only), recorded in the sign-off's own transition. */
@Injectable()
export class SignOffsRepository {
  async insert(m: EntityManager, s: { budgetId: string; revisionNo: number; signerId: string; opinion: string }): Promise<void> {
    await m.query(`INSERT INTO budget_sign_offs (budget_id, revision_no, signer_id, opinion) VALUES ($1, $2, $3, $4)`, [s.budgetId, s.revisionNo, s.signerId, s.opinion]);
  }

  /** Who signed the revision off; undefined when nobody has. */
  async signerOf(m: EntityManager, budgetId: string, revisionNo: number): Promise<string | undefined> {
    const rows: { signer_id: string }[] = await m.query(`SELECT signer_id FROM budget_sign_offs WHERE budget_id = $1 AND revision_no = $2`, [budgetId, revisionNo]);
    return rows[0]?.signer_id;
  }

  async find(m: EntityManager, budgetId: string, revisionNo: number): Promise<TSignOff | null> {
    const rows: TSignOff[] = await m.query(
      `SELECT s.revision_no AS "revisionNo", json_build_object('username', u.username, 'displayName', u.display_name) AS signer,
              to_char(s.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, s.opinion
       FROM budget_sign_offs s JOIN users u ON u.id = s.signer_id WHERE s.budget_id = $1 AND s.revision_no = $2`,
      [budgetId, revisionNo],
    );
    return rows[0] ?? null;
  }
}
