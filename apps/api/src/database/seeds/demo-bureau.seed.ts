import type { ReviewChain } from '@budgetflow/domain';
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationRepository } from '../../modules/bureau/organisation.repository';
import { ReviewChainsRepository } from '../../modules/bureau/review-chains.repository';

const logger = new Logger('DemoSeed');

/** The demo district's finance bureau (硚口区 is 420104). */
export const DEMO_BUREAU = { code: '420104', name: '武汉市硚口区财政局（演示）' } as const;

/** Its offices: the 预算科 for every department, two 业务科室 sharing the departments between them. */
const DEMO_OFFICES = [
  { code: 'yusuanke', name: '预算科', kind: 'budget', departments: ['019001', '999001', '998001'], reviewers: ['reviewer2'] },
  { code: 'yewu-1', name: '行政政法科', kind: 'business', departments: ['019001', '999001'], reviewers: ['reviewer'] },
  { code: 'yewu-2', name: '科教文科', kind: 'business', departments: ['998001'], reviewers: ['reviewer3'] },
] as const;

/** The year whose budgets go through the whole 两上两下 with two review stages, and wait for a 审签 before publication. */
export const DEMO_CHAIN_YEAR = 2021;
const DEMO_CHAIN: ReviewChain = {
  proposalRound: true,
  stages: [
    { key: 'business', name: '业务科室审核', role: 'reviewer', office: { by: 'kind', kind: 'business' } },
    { key: 'budget', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } },
  ],
};

/**
 * Demo mode: the bureau, its offices (with their departments and reviewers) and the review chain
 * of DEMO_CHAIN_YEAR. Runs once: a bureau that exists is left as the administrator keeps it.
 */
export async function seedDemoBureau(tx: EntityManager, adminId: string): Promise<void> {
  const organisation = new OrganisationRepository();
  const existing = await organisation.bureauId(tx, DEMO_BUREAU.code);
  if (existing !== undefined) return seedDemoPolicy(tx, existing, adminId);
  const bureauId = await organisation.putBureau(tx, DEMO_BUREAU.code, DEMO_BUREAU.name);
  await organisation.assignDepartments(tx, bureauId, DEMO_OFFICES[0].departments);
  for (const office of DEMO_OFFICES) await organisation.putOffice(tx, { bureauId, ...office });
  await new ReviewChainsRepository().put(tx, bureauId, DEMO_CHAIN_YEAR, DEMO_CHAIN, adminId);
  await seedDemoPolicy(tx, bureauId, adminId);
  logger.log(`Created the demo bureau ${DEMO_BUREAU.name} with ${DEMO_OFFICES.length} offices and its ${DEMO_CHAIN_YEAR} review chain`);
}

/**
 * 公开前须审签 for DEMO_CHAIN_YEAR (2020 has no policy, so its story publishes without one). Also for
 * a bureau seeded before policies existed; a policy the administrator set is left as it is.
 */
async function seedDemoPolicy(tx: EntityManager, bureauId: string, adminId: string): Promise<void> {
  await tx.query(
    `INSERT INTO publication_policies (bureau_id, fiscal_year, sign_off_required, updated_by) VALUES ($1, $2, true, $3) ON CONFLICT (bureau_id, fiscal_year) DO NOTHING`,
    [bureauId, DEMO_CHAIN_YEAR, adminId],
  );
}
