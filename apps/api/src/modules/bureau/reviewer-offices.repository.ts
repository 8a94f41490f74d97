import { fitsStage, type ActorOffice, type OfficeKind, type ReviewStage } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Someone a reviewer may act as: themselves, or a colleague who delegated to them for today. */
export interface TPrincipal {
  userId: string;
  username: string;
  office: ActorOffice | undefined;
  /** the review scope of the principal: 'all' or department codes */
  scope: 'all' | string[];
}

/** The office (科室) a user works in, and its finance bureau. */
export interface TUserOffice {
  code: string;
  name: string;
  kind: OfficeKind;
  bureau: string;
}

/** A reviewer's office and the delegations they act under. */
@Injectable()
export class ReviewerOfficesRepository {
  /** The user's office and its bureau; null for a user of none. */
  async officeOf(m: EntityManager, userId: string): Promise<TUserOffice | null> {
    const rows: TUserOffice[] = await m.query(
      `SELECT o.code, o.name, o.kind, b.name AS bureau FROM users u
       JOIN bureau_offices o ON o.id = u.office_id JOIN finance_bureaus b ON b.id = o.bureau_id
       WHERE u.id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The caller first, then each reviewer whose delegation to the caller covers today. */
  async principals(m: EntityManager, userId: string): Promise<TPrincipal[]> {
    return this.reviewers(
      m,
      `SELECT $1::uuid AS user_id, 0 AS rank
       UNION ALL
       SELECT delegator_id, 1 FROM review_delegations
       WHERE delegate_id = $1 AND revoked_at IS NULL AND current_date BETWEEN starts_on AND ends_on`,
      [userId],
    );
  }

  /**
   * Who hears that a budget reached a stage: the reviewers who act at it for the department (the
   * domain's fitsStage, as for acting), and whoever they delegated to for today; a unit budget's
   * stage (主管部门审核): the department reviewers of its department.
   */
  async ofStage(m: EntityManager, stage: ReviewStage, departmentCode: string): Promise<string[]> {
    if (stage.role === 'department_reviewer') {
      const own: { id: string }[] = await m.query(
        `SELECT u.id FROM users u JOIN departments d ON d.id = u.department_id WHERE u.role = 'department_reviewer' AND u.active AND d.code = $1 ORDER BY u.username`,
        [departmentCode],
      );
      return own.map((u) => u.id);
    }
    const everyone = await this.reviewers(m, `SELECT id AS user_id, 0 AS rank FROM users WHERE role = 'reviewer' AND active`, []);
    const acting = everyone.filter((p) => fitsStage(stage, { role: 'reviewer', office: p.office, reviewerScope: p.scope }, departmentCode)).map((p) => p.userId);
    const delegates: { id: string }[] = await m.query(
      `SELECT DISTINCT d.delegate_id AS id FROM review_delegations d JOIN users u ON u.id = d.delegate_id AND u.active
       WHERE d.delegator_id = ANY($1::uuid[]) AND d.revoked_at IS NULL AND current_date BETWEEN d.starts_on AND d.ends_on`,
      [acting],
    );
    return [...new Set([...acting, ...delegates.map((d) => d.id)])];
  }

  /** The active reviewers among `who` (a query of user_id and rank), with office and scope, by rank then username. */
  private async reviewers(m: EntityManager, who: string, parameters: unknown[]): Promise<TPrincipal[]> {
    const rows: { user_id: string; username: string; office_code: string | null; kind: OfficeKind | null; office_departments: string[]; review_all: boolean; scope: string[] }[] =
      await m.query(
        `WITH who AS (${who})
         SELECT u.id AS user_id, u.username, o.code AS office_code, o.kind, u.review_all,
                COALESCE((SELECT array_agg(d.code ORDER BY d.code) FROM office_departments od JOIN departments d ON d.id = od.department_id WHERE od.office_id = o.id), '{}') AS office_departments,
                COALESCE((SELECT array_agg(d.code ORDER BY d.code) FROM reviewer_departments rd JOIN departments d ON d.id = rd.department_id WHERE rd.user_id = u.id), '{}') AS scope
         FROM who JOIN users u ON u.id = who.user_id AND u.active AND u.role = 'reviewer'
         LEFT JOIN bureau_offices o ON o.id = u.office_id
         ORDER BY who.rank, u.username`,
        parameters,
      );
    return rows.map((r) => ({
      userId: r.user_id,
      username: r.username,
      office: r.office_code === null || r.kind === null ? undefined : { code: r.office_code, kind: r.kind, departmentCodes: r.office_departments },
      // A reviewer's office's departments are theirs to review, besides any assigned one by one.
      scope: r.review_all ? 'all' : [...new Set([...r.scope, ...r.office_departments])],
    }));
  }
}
