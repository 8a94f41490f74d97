import type { OfficeKind } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TColleague, TDelegation, TOrganisation } from './dto/bureau.schema';

/** The bureaus, their offices and departments, as the administrator edits them. */
@Injectable()
export class OrganisationRepository {
  async read(m: EntityManager): Promise<TOrganisation> {
    const bureaus: TOrganisation['bureaus'] = await m.query(
      `SELECT f.code, f.name,
         COALESCE((SELECT json_agg(json_build_object(
             'code', o.code, 'name', o.name, 'kind', o.kind,
             'departments', COALESCE((SELECT json_agg(d.code ORDER BY d.code) FROM office_departments od JOIN departments d ON d.id = od.department_id WHERE od.office_id = o.id), '[]'),
             'reviewers', COALESCE((SELECT json_agg(u.username ORDER BY u.username) FROM users u WHERE u.office_id = o.id), '[]')
           ) ORDER BY o.code) FROM bureau_offices o WHERE o.bureau_id = f.id), '[]') AS offices,
         COALESCE((SELECT json_agg(json_build_object(
             'code', d.code, 'name', d.name,
             'units', COALESCE((SELECT json_agg(json_build_object('code', bu.code, 'name', bu.name, 'level', bu.level) ORDER BY bu.level DESC, bu.code) FROM budget_units bu WHERE bu.department_id = d.id), '[]')
           ) ORDER BY d.code) FROM departments d WHERE d.bureau_id = f.id), '[]') AS departments
       FROM finance_bureaus f ORDER BY f.code`,
    );
    return { bureaus };
  }

  async bureauId(m: EntityManager, code: string): Promise<string | undefined> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM finance_bureaus WHERE code = $1`, [code]);
    return rows[0]?.id;
  }

  async putBureau(m: EntityManager, code: string, name: string): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO finance_bureaus (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [code, name],
    );
    return (rows[0] as { id: string }).id;
  }

  /** Department codes of `codes` that do not exist. */
  async unknownDepartments(m: EntityManager, codes: readonly string[]): Promise<string[]> {
    const rows: { code: string }[] = await m.query(`SELECT c AS code FROM unnest($1::text[]) c WHERE NOT EXISTS (SELECT 1 FROM departments d WHERE d.code = c)`, [[...codes]]);
    return rows.map((r) => r.code);
  }

  /** Usernames of `names` that are not reviewers. */
  async nonReviewers(m: EntityManager, names: readonly string[]): Promise<string[]> {
    const rows: { name: string }[] = await m.query(`SELECT n AS name FROM unnest($1::text[]) n WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = n AND u.role = 'reviewer')`, [[...names]]);
    return rows.map((r) => r.name);
  }

  /** The bureau reviews exactly these departments from now on (others are released, not deleted). */
  async assignDepartments(m: EntityManager, bureauId: string, codes: readonly string[]): Promise<void> {
    await m.query(`UPDATE departments SET bureau_id = NULL WHERE bureau_id = $1 AND NOT (code = ANY($2::text[]))`, [bureauId, [...codes]]);
    await m.query(`UPDATE departments SET bureau_id = $1 WHERE code = ANY($2::text[])`, [bureauId, [...codes]]);
  }

  /** Creates or updates the office, then sets its departments and its reviewers to exactly those given. */
  async putOffice(m: EntityManager, office: { bureauId: string; code: string; name: string; kind: OfficeKind; departments: readonly string[]; reviewers: readonly string[] }): Promise<void> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO bureau_offices (bureau_id, code, name, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET bureau_id = EXCLUDED.bureau_id, name = EXCLUDED.name, kind = EXCLUDED.kind RETURNING id`,
      [office.bureauId, office.code, office.name, office.kind],
    );
    const id = (rows[0] as { id: string }).id;
    await m.query(`DELETE FROM office_departments WHERE office_id = $1`, [id]);
    await m.query(`INSERT INTO office_departments (office_id, department_id) SELECT $1, d.id FROM departments d WHERE d.code = ANY($2::text[])`, [id, [...office.departments]]);
    await m.query(`UPDATE users SET office_id = NULL, updated_at = now() WHERE office_id = $1 AND NOT (username = ANY($2::text[]))`, [id, [...office.reviewers]]);
    await m.query(`UPDATE users SET office_id = $1, updated_at = now() WHERE username = ANY($2::text[])`, [id, [...office.reviewers]]);
  }

  /** The office codes of the bureau. */
  async officeCodes(m: EntityManager, bureauId: string): Promise<Set<string>> {
    const rows: { code: string }[] = await m.query(`SELECT code FROM bureau_offices WHERE bureau_id = $1`, [bureauId]);
    return new Set(rows.map((r) => r.code));
  }

  async setUnitLevel(m: EntityManager, code: string, level: 'self' | 'subordinate'): Promise<boolean> {
    const [, affected] = (await m.query(`UPDATE budget_units SET level = $2 WHERE code = $1`, [code, level])) as [unknown[], number];
    return affected > 0;
  }

  async insertDelegation(m: EntityManager, d: { delegatorId: string; delegateId: string; startsOn: string; endsOn: string; reason: string | null }): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO review_delegations (delegator_id, delegate_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [d.delegatorId, d.delegateId, d.startsOn, d.endsOn, d.reason],
    );
    return (rows[0] as { id: string }).id;
  }

  /** Delegations the user gave or received, with both people's names. */
  async delegationsOf(m: EntityManager, userId: string, id?: string): Promise<TDelegation[]> {
    return m.query(
      `SELECT r.id, a.username AS delegator, a.display_name AS "delegatorName", b.username AS delegate, b.display_name AS "delegateName",
              to_char(r.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(r.ends_on, 'YYYY-MM-DD') AS "endsOn", r.reason, r.revoked_at IS NOT NULL AS revoked
       FROM review_delegations r JOIN users a ON a.id = r.delegator_id JOIN users b ON b.id = r.delegate_id
       WHERE (r.delegator_id = $1 OR r.delegate_id = $1) AND ($2::uuid IS NULL OR r.id = $2)
       ORDER BY r.starts_on DESC, r.id`,
      [userId, id ?? null],
    );
  }

  /**
   * The colleagues a reviewer may delegate to: the other active reviewers of the offices of their
   * finance bureau (any other active reviewer for one of no office, a district without offices).
   * Not only their own office: every reviewer of an office already acts at its stage, so a
   * delegation is what lets a colleague of another office stand in.
   */
  async colleaguesOf(m: EntityManager, userId: string): Promise<(TColleague & { userId: string })[]> {
    return m.query(
      `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", o.name AS office
       FROM users me
       LEFT JOIN bureau_offices mine ON mine.id = me.office_id
       JOIN users u ON u.id <> me.id AND u.role = 'reviewer' AND u.active
       LEFT JOIN bureau_offices o ON o.id = u.office_id
       WHERE me.id = $1 AND (mine.id IS NULL OR o.bureau_id = mine.bureau_id)
       ORDER BY o.code NULLS LAST, u.username`,
      [userId],
    );
  }

  /** The database's today, the day delegations are read against (principals use current_date too). */
  async today(m: EntityManager): Promise<string> {
    const rows: { today: string }[] = await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
    return (rows[0] as { today: string }).today;
  }

  /** Revokes a delegation the user gave; false when there is none such still in force. */
  async revokeDelegation(m: EntityManager, delegatorId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected count], whatever it matched.
    const [, affected] = (await m.query(`UPDATE review_delegations SET revoked_at = now() WHERE id = $1 AND delegator_id = $2 AND revoked_at IS NULL`, [id, delegatorId])) as [unknown[], number];
    return affected > 0;
  }
}
