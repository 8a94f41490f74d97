import { DataSource } from 'typeorm';
import { TRole } from '../../src/common/auth/role';
import { hashPassword } from '../../src/modules/auth/password';
import { DepartmentsRepository } from '../../src/modules/departments/departments.repository';
import { UsersRepository } from '../../src/modules/users/users.repository';

/** Every account made by seedPeople signs in with this password. */
export const TEST_PASSWORD = 'test-password-1';

/**
 * Two departments and one account per role and side of the wall:
 * - HOME  019001 (preparer, publisher)    - OTHER 999001 (preparer2, publisher2)
 * - admin; reviewer and reviewer2 (all departments); reviewer_other (assigned OTHER only)
 * - secadmin (安全保密管理员) and auditor (安全审计员), who take part in no budget
 */
export const TEST_DEPARTMENTS = {
  home: { code: '019001', name: '武汉市硚口区大数据中心' },
  other: { code: '999001', name: '示例单位' },
} as const;

export type TTestUsername = 'admin' | 'preparer' | 'publisher' | 'reviewer' | 'reviewer2' | 'reviewer_other' | 'preparer2' | 'publisher2' | 'secadmin' | 'auditor';

interface TTestUserSpec {
  role: TRole;
  department?: keyof typeof TEST_DEPARTMENTS;
  review?: 'all' | readonly (keyof typeof TEST_DEPARTMENTS)[];
}

const TEST_USERS: Record<TTestUsername, TTestUserSpec> = {
  admin: { role: 'admin' },
  preparer: { role: 'preparer', department: 'home' },
  publisher: { role: 'publisher', department: 'home' },
  reviewer: { role: 'reviewer', review: 'all' },
  reviewer2: { role: 'reviewer', review: 'all' },
  reviewer_other: { role: 'reviewer', review: ['other'] },
  preparer2: { role: 'preparer', department: 'other' },
  publisher2: { role: 'publisher', department: 'other' },
  secadmin: { role: 'security_admin' },
  auditor: { role: 'auditor' },
};

export interface TSeededPeople {
  departments: Record<keyof typeof TEST_DEPARTMENTS, { id: string; code: string; name: string }>;
  users: Record<TTestUsername, { id: string; username: string; role: TRole }>;
}

/** Inserts TEST_DEPARTMENTS and TEST_USERS (password TEST_PASSWORD), plus the open fiscal years 2020 and 2021. */
export async function seedPeople(dataSource: DataSource): Promise<TSeededPeople> {
  const departmentsRepo = new DepartmentsRepository();
  const usersRepo = new UsersRepository();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return dataSource.transaction(async (tx) => {
    await departmentsRepo.putFiscalYear(tx, 2020, 'open');
    await departmentsRepo.putFiscalYear(tx, 2021, 'open');
    const home = await departmentsRepo.insert(tx, TEST_DEPARTMENTS.home);
    const other = await departmentsRepo.insert(tx, TEST_DEPARTMENTS.other);
    const departments = { home: { id: home.id, code: home.code, name: home.name }, other: { id: other.id, code: other.code, name: other.name } };
    const users = {} as TSeededPeople['users'];
    for (const [username, spec] of Object.entries(TEST_USERS) as [TTestUsername, TTestUserSpec][]) {
      const created = await usersRepo.insert(tx, {
        username,
        displayName: username,
        passwordHash,
        role: spec.role,
        departmentId: spec.department === undefined ? null : departments[spec.department].id,
        unitCode: null,
        reviewAll: spec.review === 'all',
        reviewDepartmentIds: spec.review === undefined || spec.review === 'all' ? [] : spec.review.map((d) => departments[d].id),
      });
      users[username] = { id: created.id, username, role: spec.role };
    }
    return { departments, users };
  });
}
