import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { formatYuan, parseFen, sumFen, TBudgetDocument, TExpenditureLine, ZBudgetDocument } from '@budgetflow/domain';
import { DataSource } from 'typeorm';
import { TCaller } from '../../common/auth/caller';
import { BudgetsService } from '../../modules/budgets/budgets.service';
import { withSessionLock } from '../migrate';
import { seedDemoCeilings } from './demo-ceilings.seed';
import { DEMO_DEPARTMENTS, DEMO_SCHOOL, TDemoPeople } from './demo-people.seed';
import { WorkflowService } from '../../modules/workflow/workflow.service';

const DEMO_BUDGET_LOCK_KEY = 7_400_202_004;
const DEMO_YEAR = 2020;
const logger = new Logger('DemoSeed');

/** The real published 2020 budget of 019001, as the domain's fixture carries it (repository root relative to src/ or dist/). */
const SEED_DOCUMENT_FILE = path.resolve(__dirname, '../../../../../packages/domain/fixtures/qiaokou-bigdata-2020.json');

/**
 * Demo mode: each demo department gets its 2020 budget as a draft, made through BudgetsService
 * (create, then import the whole document) exactly as a preparer would, so the demo data obeys
 * the same rules and leaves the same audit trail. A department that already has its 2020 budget
 * is left alone: the seed runs at every start and changes nothing the second time.
 */
export async function seedDemoBudgets(app: INestApplication, dataSource: DataSource, people: TDemoPeople): Promise<void> {
  const budgets = app.get(BudgetsService, { strict: false });
  const seed = ZBudgetDocument.parse(JSON.parse(readFileSync(SEED_DOCUMENT_FILE, 'utf8')));
  await withSessionLock(dataSource, DEMO_BUDGET_LOCK_KEY, async () => {
    await ensureDraft(budgets, dataSource, asPreparer(people, 'preparer', 'qiaokou'), seed);
    await ensureDraft(budgets, dataSource, asPreparer(people, 'preparer2', 'example'), exampleDocument(seed));
    await ensureDraft(budgets, dataSource, asPreparer(people, 'preparer3', 'education'), educationDocument(seed));
    await seedDemoCeilings(app, dataSource, people);
    await ensureUnitBudget(app, dataSource, { ...asPreparer(people, 'unitprep3', 'education'), unitCode: DEMO_SCHOOL.code });
  });
}

async function ensureDraft(budgets: BudgetsService, dataSource: DataSource, preparer: TCaller, document: TBudgetDocument): Promise<void> {
  const existing = (await dataSource.query(`SELECT 1 FROM budgets WHERE department_id = $1 AND fiscal_year = $2 AND unit_code IS NULL`, [preparer.departmentId, DEMO_YEAR])) as unknown[];
  if (existing.length > 0) return;
  const created = await budgets.create(preparer, { fiscalYear: DEMO_YEAR });
  await budgets.importDocument(preparer, created.id, document, created.version);
  logger.log(`Created the ${DEMO_YEAR} draft of ${document.department.name} (${document.expenditureLines.length} lines)`);
}

/**
 * 单位预算: 示例第一中学 starts its 2020 budget from its part of 示例教育局's and sends it to the
 * department's reviewer (leader3), whose desk then has a unit budget to approve (审核汇总).
 */
async function ensureUnitBudget(app: INestApplication, dataSource: DataSource, unitPreparer: TCaller): Promise<void> {
  const existing = (await dataSource.query(`SELECT 1 FROM budgets WHERE unit_code = $1 AND fiscal_year = $2`, [unitPreparer.unitCode, DEMO_YEAR])) as unknown[];
  if (existing.length > 0) return;
  const created = await app.get(BudgetsService, { strict: false }).create(unitPreparer, { fiscalYear: DEMO_YEAR });
  await app.get(WorkflowService, { strict: false }).act(unitPreparer, 'submit', { budgetId: created.id, idempotencyKey: undefined });
  logger.log(`Created and submitted the ${DEMO_YEAR} unit budget of ${DEMO_SCHOOL.name}`);
}

/** The seed acts as the department's demo preparer; no session exists for it. */
function asPreparer(people: TDemoPeople, username: string, department: keyof typeof DEMO_DEPARTMENTS): TCaller {
  const userId = people.userIds[username];
  if (userId === undefined) throw new Error(`demo account ${username} is missing`);
  return {
    userId,
    username,
    role: 'preparer',
    departmentId: people.departmentIds[department],
    departmentCode: DEMO_DEPARTMENTS[department].code,
    reviewDepartmentIds: [],
    sessionId: 'demo-seed',
  };
}

/**
 * 示例教育局: a fictional 主管部门 with a 二级单位 (示例第一中学): the seed's basic lines, the 人员经费
 * its own (本级), the 公用经费 the school's.
 */
function educationDocument(seed: TBudgetDocument): TBudgetDocument {
  const { code } = DEMO_DEPARTMENTS.education;
  return fictionalDocument(seed, DEMO_DEPARTMENTS.education, {
    functions: '本部门为演示用虚构部门，用于展示单位预算的编制、主管部门审核与汇总，与任何真实机构无关。',
    staffing: { authorized: 30, actual: 28, retired: 2 },
    subordinate: DEMO_SCHOOL,
    unitOf: (line) => (line.kind === 'basic-public' ? DEMO_SCHOOL.code : code),
  });
}

/**
 * 示例单位: a plainly fictional department with a small budget of its own: the seed's basic
 * (基本支出) lines under its own unit code, so that the wall between departments has something on both sides.
 */
function exampleDocument(seed: TBudgetDocument): TBudgetDocument {
  const { code } = DEMO_DEPARTMENTS.example;
  return fictionalDocument(seed, DEMO_DEPARTMENTS.example, {
    functions: '本单位为演示用虚构单位，用于展示部门之间的数据隔离，与任何真实机构无关。',
    staffing: { authorized: 5, actual: 4, retired: 0 },
    unitOf: () => code,
  });
}

/** A fictional department's budget from the seed's basic (基本支出) lines, each of its units funded by one appropriation of its own total. */
function fictionalDocument(
  seed: TBudgetDocument,
  department: { code: string; name: string },
  spec: { functions: string; staffing: { authorized: number; actual: number; retired: number }; subordinate?: { code: string; name: string }; unitOf: (line: TExpenditureLine) => string },
): TBudgetDocument {
  const { code, name } = department;
  const lines = seed.expenditureLines.filter((l) => l.kind.startsWith('basic')).map((l) => ({ ...l, unitCode: spec.unitOf(l) }));
  const totalOf = (unit: string) => formatYuan(sumFen(lines.filter((l) => l.unitCode === unit).map((l) => parseFen(l.amount))));
  const sub = spec.subordinate;
  return ZBudgetDocument.parse({
    schemaVersion: 1,
    fiscalYear: DEMO_YEAR,
    department: {
      code,
      name,
      functions: [spec.functions],
      units: [{ code, name, level: 'self' }, ...(sub === undefined ? [] : [{ ...sub, level: 'subordinate' }])],
      staffing: spec.staffing,
    },
    incomeLines: [
      { id: 'I001', source: 'general-budget-appropriation', amount: totalOf(code) },
      ...(sub === undefined ? [] : [{ id: 'I002', source: 'general-budget-appropriation', amount: totalOf(sub.code), unitCode: sub.code }]),
    ],
    expenditureLines: lines,
  });
}
