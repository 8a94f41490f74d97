import type { TCaller } from '../../common/auth/caller';

/**
 * Who sees which budget, as one SQL condition every finder carries (so a foreign department's
 * budget is simply not found, exactly like a missing one):
 * - preparers and publishers: their own department's budgets, in every state;
 * - reviewers: the departments of their scope (all, or those assigned), never a draft that was
 *   never submitted — that is the department's own work; once the bureau has received a revision,
 *   the budget stays in its sight whatever the bureau or the department does next (下达控制数 and
 *   预算调整 make it a draft again, as a return makes it 已退回), so that the reviewer who moved it
 *   can follow it;
 * - signers (审签): the departments of their scope, never a draft (they sign approved budgets off);
 * - administrators: every budget (they manage departments and years; they do not act on budgets).
 *
 * The condition on alias `b` (budgets), with its three parameters starting at `$first`. */
export function visibleCondition(first: number): string {
  const [role, department, scope] = [`$${first}`, `$${first + 1}`, `$${first + 2}`];
  return `(CASE ${role}::text
    WHEN 'admin' THEN true
    WHEN 'reviewer' THEN (b.state <> 'draft' OR b.revision_no > 0) AND (${scope}::uuid[] IS NULL OR b.department_id = ANY(${scope}::uuid[]))
    WHEN 'signer' THEN b.state <> 'draft' AND (${scope}::uuid[] IS NULL OR b.department_id = ANY(${scope}::uuid[]))
    WHEN 'preparer' THEN b.department_id = ${department}::uuid
    WHEN 'publisher' THEN b.department_id = ${department}::uuid
    ELSE false END)`;
}

export function visibleParams(caller: TCaller): unknown[] {
  const scope = caller.reviewDepartmentIds === 'all' ? null : [...caller.reviewDepartmentIds];
  return [caller.role, caller.departmentId, scope];
}
