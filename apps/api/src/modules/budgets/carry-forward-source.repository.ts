import type { TBudgetDocument } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The revision a new year starts from: last year's, of the same department, approved or published. */
@Injectable()
export class CarryForwardSourceRepository {
  /**
   * The frozen document of revision `revisionNo` of budget `budgetId`, only if that budget is the
   * department's own of `fiscalYear` and the revision was published, or is the one its budget now
   * stands approved or published at. Anything else (another department's, a draft's) is undefined.
   */
  async findApprovedRevision(
    m: EntityManager,
    source: { departmentId: string; fiscalYear: number; budgetId: string; revisionNo: number },
  ): Promise<TBudgetDocument | undefined> {
    const rows: { document: TBudgetDocument }[] = await m.query(
      `SELECT r.document FROM revisions r JOIN budgets b ON b.id = r.budget_id
       WHERE r.budget_id = $1 AND r.revision_no = $2 AND b.department_id = $3 AND b.fiscal_year = $4 AND b.unit_code IS NULL
         AND (EXISTS (SELECT 1 FROM publications p WHERE p.budget_id = r.budget_id AND p.revision_no = r.revision_no)
              OR (b.state IN ('approved', 'published') AND b.revision_no = r.revision_no))`,
      [source.budgetId, source.revisionNo, source.departmentId, source.fiscalYear],
    );
    return rows[0]?.document;
  }
}
