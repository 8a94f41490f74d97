import type { TCaller } from '../../common/auth/caller';

/**
 * Who sees which budget, as one SQL condition every finder carries (so a foreign department's
 * budget is simply not found, exactly like a missing one):
 * - preparers: their own department's budgets, in every state; a unit's preparers only their unit's
 *   (单位预算), the department's own preparers also their units' budgets (read; the units edit them);
 * - publishers: their own department's budget, in every state, and its units' budgets once approved
 *   (where the template has a 单位 scope they publish them; elsewhere publishing one is refused);
 * - department reviewers (主管部门): their department's budget, and its units' budgets once sent to
 *   them (never a unit's draft, which is the unit's own work);
 * - reviewers: the departments of their scope (all, or those assigned), never a draft that was
 *   never submitted or taken back (撤回) — that is the department's own work; a draft the bureau
 *   made or already answered stays in its sight, so that the reviewer who moved it can follow it:
 *   the 二上 draft after 下达控制数 (round ceilings with a kept 一上), and after 批复 a correction
 *   or a 预算调整 (rounds replied and adjustment); never a unit's budget (the department consolidates it);
 * - signers (审签): the departments of their scope, never a draft (they sign approved budgets off), a unit's once approved;
 * - administrators: every budget (they manage departments and years; they do not act on budgets).
 *
 * The condition on alias `b` (budgets), with its four parameters starting at `$first`. */
export function visibleCondition(first: number): string {
  const [role, department, scope, unit] = [`$${first}`, `$${first + 1}`, `$${first + 2}`, `$${first + 3}`];
  return `(CASE ${role}::text
    WHEN 'admin' THEN true
    WHEN 'reviewer' THEN b.unit_code IS NULL AND (b.state <> 'draft' OR b.round IN ('replied', 'adjustment') OR (b.round = 'ceilings' AND b.proposal_revision_no IS NOT NULL)) AND (${scope}::uuid[] IS NULL OR b.department_id = ANY(${scope}::uuid[]))
    WHEN 'signer' THEN (b.unit_code IS NULL OR b.state IN ('approved', 'published')) AND b.state <> 'draft' AND (${scope}::uuid[] IS NULL OR b.department_id = ANY(${scope}::uuid[]))
    WHEN 'preparer' THEN b.department_id = ${department}::uuid AND (${unit}::text IS NULL OR b.unit_code = ${unit}::text)
    WHEN 'publisher' THEN b.department_id = ${department}::uuid AND (b.unit_code IS NULL OR b.state IN ('approved', 'published'))
    WHEN 'department_reviewer' THEN b.department_id = ${department}::uuid AND (b.unit_code IS NULL OR b.state <> 'draft')
    ELSE false END)`;
}

export function visibleParams(caller: TCaller): unknown[] {
  const scope = caller.reviewDepartmentIds === 'all' ? null : [...caller.reviewDepartmentIds];
  return [caller.role, caller.departmentId, scope, caller.unitCode ?? null];
}
