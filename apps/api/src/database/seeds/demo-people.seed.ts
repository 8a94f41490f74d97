import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TRole } from '../../common/auth/role';
import { TAppConfig } from '../../config/app-config';
import { hashPassword } from '../../modules/auth/password';
import { DepartmentsRepository } from '../../modules/departments/departments.repository';
import { UsersRepository } from '../../modules/users/users.repository';
import { withSessionLock } from '../migrate';
import { seedDemoBureau } from './demo-bureau.seed';

const DEMO_SEED_LOCK_KEY = 7_400_202_003;
const logger = new Logger('DemoSeed');

/**
 * The seed's department (the real published 2020 budget), a plainly fictional second one, and a
 * fictional third with a 二级单位 of its own.
 */
export const DEMO_DEPARTMENTS = {
  qiaokou: { code: '019001', name: '武汉市硚口区大数据中心' },
  example: { code: '999001', name: '示例单位' },
  education: { code: '998001', name: '示例教育局' },
} as const;

/** 示例教育局's 二级单位, which prepares a budget of its own (单位预算). */
export const DEMO_SCHOOL = { code: '998001001', name: '示例第一中学' } as const;

/** 二级单位 (subordinate units) beside each department's own unit (本级). */
const DEMO_SUBORDINATE_UNITS: Partial<Record<TDemoDepartmentKey, readonly { code: string; name: string }[]>> = {
  education: [DEMO_SCHOOL],
};
export type TDemoDepartmentKey = keyof typeof DEMO_DEPARTMENTS;

const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: TRole; department?: TDemoDepartmentKey; unit?: string }[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin' },
  { username: 'preparer', displayName: '编制人（硚口区大数据中心）', role: 'preparer', department: 'qiaokou' },
  { username: 'publisher', displayName: '公开人（硚口区大数据中心）', role: 'publisher', department: 'qiaokou' },
  { username: 'reviewer', displayName: '财政局审核人一（行政政法科）', role: 'reviewer' },
  { username: 'reviewer2', displayName: '财政局审核人二（预算科）', role: 'reviewer' },
  { username: 'preparer2', displayName: '编制人（示例单位）', role: 'preparer', department: 'example' },
  { username: 'reviewer3', displayName: '财政局审核人三（科教文科）', role: 'reviewer' },
  { username: 'preparer3', displayName: '编制人（示例教育局）', role: 'preparer', department: 'education' },
  { username: 'publisher3', displayName: '公开人（示例教育局）', role: 'publisher', department: 'education' },
  // 单位预算: the 二级单位's own preparer, and the department's reviewer (主管部门审核) who consolidates it.
  { username: 'unitprep3', displayName: '编制人（示例第一中学）', role: 'preparer', department: 'education', unit: DEMO_SCHOOL.code },
  { username: 'leader3', displayName: '部门审核人（示例教育局）', role: 'department_reviewer', department: 'education' },
  // 审签 (保密审查) of the demo bureau's departments, where its publication policy requires it (2021).
  { username: 'signer', displayName: '财政局审签人（演示）', role: 'signer' },
  // The other two of the three separated administrators (三员); admin is the 系统管理员.
  { username: 'secadmin', displayName: '安全保密管理员（演示）', role: 'security_admin' },
  { username: 'auditor', displayName: '安全审计员（演示）', role: 'auditor' },
];

export interface TDemoPeople {
  departmentIds: Record<TDemoDepartmentKey, string>;
  userIds: Record<string, string>;
}

/**
 * Demo mode: the three departments, their budget units, the finance bureau with its offices and chain, the open fiscal year 2020 and the demo
 * accounts (password DEMO_PASSWORD). Idempotent: what exists is left as it is, so running it at
 * every start (or from two processes at once, under a lock) changes nothing the second time.
 */
export async function seedDemoPeople(dataSource: DataSource, config: TAppConfig): Promise<TDemoPeople> {
  return withSessionLock(dataSource, DEMO_SEED_LOCK_KEY, () =>
    dataSource.transaction(async (tx) => {
      const departments = new DepartmentsRepository();
      await tx.query(`INSERT INTO fiscal_years (year, status) VALUES (2020, 'open'), (2021, 'open') ON CONFLICT (year) DO NOTHING`);
      const departmentIds = {} as Record<TDemoDepartmentKey, string>;
      for (const [key, dept] of Object.entries(DEMO_DEPARTMENTS) as [TDemoDepartmentKey, { code: string; name: string }][]) {
        const found = (await departments.findByCode(tx, dept.code)) ?? (await departments.insert(tx, dept));
        departmentIds[key] = found.id;
        // Each department is its own (sole) budget unit, as in the seed (单位 "本级").
        await tx.query(`INSERT INTO budget_units (department_id, code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`, [found.id, dept.code, dept.name]);
        for (const unit of DEMO_SUBORDINATE_UNITS[key] ?? []) {
          await tx.query(`INSERT INTO budget_units (department_id, code, name, level) VALUES ($1, $2, $3, 'subordinate') ON CONFLICT (code) DO NOTHING`, [found.id, unit.code, unit.name]);
        }
      }
      const userIds = await ensureDemoAccounts(tx, config.demoPassword, departmentIds);
      await seedDemoBureau(tx, userIds['admin'] as string);
      return { departmentIds, userIds };
    }),
  );
}

async function ensureDemoAccounts(tx: EntityManager, password: string, departmentIds: Record<TDemoDepartmentKey, string>): Promise<Record<string, string>> {
  const users = new UsersRepository();
  const userIds: Record<string, string> = {};
  let passwordHash: string | undefined;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await users.findByUsername(tx, account.username);
    if (existing !== null) {
      userIds[account.username] = existing.id;
      continue;
    }
    passwordHash ??= await hashPassword(password);
    const created = await users.insert(tx, {
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      role: account.role,
      departmentId: account.department === undefined ? null : departmentIds[account.department],
      unitCode: account.unit ?? null,
      // Every demo reviewer works in an office of the demo bureau, whose departments are their scope
      // (the 预算科's are all of them): review_all would let a 业务科室 read another office's budgets.
      reviewAll: false,
      // the signer's scope: the demo bureau's departments, every one of them
      reviewDepartmentIds: account.role === 'signer' ? Object.values(departmentIds) : [],
    });
    await tx.query(`UPDATE users SET demo = true WHERE id = $1`, [created.id]);
    userIds[account.username] = created.id;
    logger.log(`Created demo account ${account.username}`);
  }
  return userIds;
}

/**
 * Production mode: demo accounts must not work. A database once started in demo mode keeps
 * the rows (the audit trail refers to them) but they are deactivated and signed out.
 */
export async function disableDemoAccounts(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE demo)`);
    const [, count] = (await tx.query(`UPDATE users SET active = false, updated_at = now() WHERE demo AND active`)) as [unknown, number];
    if (count > 0) logger.warn(`Production mode: deactivated ${count} demo account(s)`);
    return count;
  });
}
