import type { createDataSource } from '../../apps/api/src/database/data-source';
import { hashPassword } from '../../apps/api/src/modules/auth/password';
import { DepartmentsRepository } from '../../apps/api/src/modules/departments/departments.repository';
import { UsersRepository } from '../../apps/api/src/modules/users/users.repository';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';

/** The department of bench editor `n` (1-based): code 8 followed by n in five digits, e.g. 800001. */
export const editorDepartmentCode = (n: number): string => `8${String(n).padStart(5, '0')}`;
/** Bench editor `n`'s username: editor01, editor02 … editor2000. */
export const editorName = (n: number): string => `editor${String(n).padStart(2, '0')}`;

/** Preparers editor01… (password TEST_PASSWORD), `count` of them, each of a department of their own (editorDepartmentCode). */
export async function seedEditors(dataSource: ReturnType<typeof createDataSource>, count: number): Promise<void> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const departments = new DepartmentsRepository();
  const users = new UsersRepository();
  await dataSource.transaction(async (tx) => {
    for (let n = 1; n <= count; n++) {
      const department = await departments.insert(tx, { code: editorDepartmentCode(n), name: `测试单位${String(n).padStart(2, '0')}` });
      await users.insert(tx, { username: editorName(n), displayName: editorName(n), passwordHash, role: 'preparer', departmentId: department.id, unitCode: null, reviewAll: false, reviewDepartmentIds: [] });
    }
  });
}
