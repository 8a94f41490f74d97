import { ceilingFiguresOf, ceilingsToWire, ZCeilings, type CeilingFigures, type Fen, type TCeilings } from '@budgetflow/domain';
import { INestApplication, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TCaller } from '../../common/auth/caller';
import { CeilingsRepository } from '../../modules/ceilings/ceilings.repository';
import { CeilingsService } from '../../modules/ceilings/ceilings.service';
import { TDemoPeople } from './demo-people.seed';

const DEMO_YEAR = 2020;
/** Ceilings are issued in whole 万元 (1,000,000 分), rounded up from the budget's own figures. */
const TEN_THOUSAND_YUAN = 1_000_000;
const logger = new Logger('DemoSeed');

const roundedUp = (fen: Fen): Fen => (Math.ceil(fen / TEN_THOUSAND_YUAN) * TEN_THOUSAND_YUAN) as Fen;

/** Ceilings a little above the budget's figures: room left on each, as the preparer's panel shows. */
function ceilingsAbove(figures: CeilingFigures): TCeilings {
  return ZCeilings.parse(
    ceilingsToWire({
      total: roundedUp(figures.total),
      basic: roundedUp(figures.basic),
      project: roundedUp(figures.project),
      byFundSource: Object.fromEntries(Object.entries(figures.byFundSource).map(([source, fen]) => [source, roundedUp(fen)])),
      threePublic: { total: roundedUp(figures.threePublic.total) },
    }),
  );
}

/**
 * Demo mode: the 预算科 (its demo reviewer, reviewer2) issues the 2020 ceilings (控制数) of each demo department
 * with a budget, through CeilingsService, so they are audited like any other. A department whose
 * ceilings are issued is left alone: the seed changes nothing the second time.
 */
export async function seedDemoCeilings(app: INestApplication, dataSource: DataSource, people: TDemoPeople): Promise<void> {
  const service = app.get(CeilingsService, { strict: false });
  const repository = app.get(CeilingsRepository, { strict: false });
  const reviewer = people.userIds['reviewer2'];
  if (reviewer === undefined) throw new Error('demo account reviewer2 is missing');
  const caller: TCaller = { userId: reviewer, username: 'reviewer2', role: 'reviewer', departmentId: null, departmentCode: null, reviewDepartmentIds: 'all', sessionId: 'demo-seed' };
  const budgets: { id: string; fiscal_year: number; name: string }[] = await dataSource.query(
    `SELECT b.id, b.fiscal_year, d.name FROM budgets b JOIN departments d ON d.id = b.department_id
     LEFT JOIN department_ceilings c ON c.department_id = b.department_id AND c.fiscal_year = b.fiscal_year
     WHERE b.fiscal_year = $1 AND b.unit_code IS NULL AND b.department_id = ANY($2::uuid[]) AND c.department_id IS NULL AND b.round <> 'replied'`,
    [DEMO_YEAR, Object.values(people.departmentIds)],
  );
  for (const budget of budgets) {
    const figures = ceilingFiguresOf(await repository.lineSums(dataSource.manager, budget));
    await service.put(caller, budget.id, { ceilings: ceilingsAbove(figures), version: 0 });
    logger.log(`Issued the ${DEMO_YEAR} ceilings of ${budget.name}`);
  }
}
