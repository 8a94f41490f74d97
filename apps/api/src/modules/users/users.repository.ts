import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TRole } from '../../common/auth/role';

export interface TUserRecord {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  departmentId: string | null;
  departmentCode: string | null;
  unitCode: string | null;
  reviewAll: boolean;
  reviewDepartmentIds: string[];
  active: boolean;
  /** Whether the account has enrolled two-factor sign-in. */
  twoFactor: boolean;
  /** A reviewer's office (科室) of the bureau, whose departments they review besides their own list. */
  officeCode: string | null;
  officeName: string | null;
  officeDepartmentCodes: string[];
}

export interface TNewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: TRole;
  departmentId: string | null;
  unitCode: string | null;
  reviewAll: boolean;
  reviewDepartmentIds: readonly string[];
}

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_id AS "departmentId",
         d.code AS "departmentCode", u.unit_code AS "unitCode", u.review_all AS "reviewAll", u.active, u.totp_enabled_at IS NOT NULL AS "twoFactor",
         COALESCE(ARRAY(SELECT rd.department_id::text FROM reviewer_departments rd WHERE rd.user_id = u.id ORDER BY 1), '{}') AS "reviewDepartmentIds",
         o.code AS "officeCode", o.name AS "officeName",
         COALESCE(ARRAY(SELECT od_d.code FROM office_departments od JOIN departments od_d ON od_d.id = od.department_id WHERE od.office_id = u.office_id ORDER BY 1), '{}') AS "officeDepartmentCodes"
  FROM users u LEFT JOIN departments d ON d.id = u.department_id LEFT JOIN bureau_offices o ON o.id = u.office_id`;

/** Named finders for users; never returns password hashes. Administrators only reach these through UsersService. */
@Injectable()
export class UsersRepository {
  async listAll(manager: EntityManager): Promise<TUserRecord[]> {
    return (await manager.query(`${SELECT_USER} ORDER BY u.username`)) as TUserRecord[];
  }

  async findById(manager: EntityManager, id: string): Promise<TUserRecord | null> {
    const rows = (await manager.query(`${SELECT_USER} WHERE u.id = $1`, [id])) as TUserRecord[];
    return rows[0] ?? null;
  }

  async findByUsername(manager: EntityManager, username: string): Promise<TUserRecord | null> {
    const rows = (await manager.query(`${SELECT_USER} WHERE u.username = $1`, [username])) as TUserRecord[];
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, user: TNewUser): Promise<TUserRecord> {
    const [row] = (await manager.query(
      `INSERT INTO users (username, display_name, password_hash, role, department_id, review_all, unit_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [user.username, user.displayName, user.passwordHash, user.role, user.departmentId, user.reviewAll, user.unitCode],
    )) as [{ id: string }];
    await this.setReviewDepartments(manager, row.id, user.reviewDepartmentIds);
    return (await this.findById(manager, row.id)) as TUserRecord;
  }

  /** The password is set with storePassword (password-policy.ts), which keeps the history. */
  async update(manager: EntityManager, id: string, changes: { displayName?: string; active?: boolean; reviewAll?: boolean }): Promise<void> {
    await manager.query(
      `UPDATE users SET display_name = COALESCE($2, display_name), active = COALESCE($3, active),
         review_all = COALESCE($4, review_all), updated_at = now()
       WHERE id = $1`,
      [id, changes.displayName ?? null, changes.active ?? null, changes.reviewAll ?? null],
    );
  }

  async setReviewDepartments(manager: EntityManager, userId: string, departmentIds: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM reviewer_departments WHERE user_id = $1`, [userId]);
    if (departmentIds.length > 0) {
      await manager.query(`INSERT INTO reviewer_departments (user_id, department_id) SELECT $1, unnest($2::uuid[])`, [userId, [...departmentIds]]);
    }
  }
}
