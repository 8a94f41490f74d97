/**
 * The words of 单位预算 (unit budgets) the whole client says (roles, states, titles: the desks in the
 * entry), spread into i18n-messages. What only the lazily loaded screens say is in unit-words.ts.
 */
export const unitZh = {
  role_department_reviewer: '部门审核人',
  round_unit: '单位预算（主管部门审核）',
  // a unit budget's states, as the department reads them: its approval is no 批复, it is consolidated
  unitState_draft: '草稿',
  unitState_submitted: '审核中',
  unitState_returned: '已退回',
  unitState_approved: '已审核汇总',
  unitState_published: '已公开',
  unitState_none: '尚未编制',
  unitTodo_draft: '编制并报送主管部门',
  unitTodo_returned: '按退回意见修改后重新报送',
  unitTodo_submitted: '等待主管部门审核',
  unitTodo_approved: '已汇总到部门预算',
  unitTodo_published: '已完成',
  unitBudgetTitle: '{year}年 {unit} 单位预算',
  departmentBudgetTitle: '{year}年 {department} 部门预算',
  unitBudgetsOf: '{unit} 单位预算',
  unitBudget: '预算',
  createUnitBudget: '新建 {year} 年 {unit} 单位预算',
} as const;

export const unitEn: Record<keyof typeof unitZh, string> = {
  role_department_reviewer: 'Department reviewer',
  round_unit: 'Unit budget (department review)',
  unitState_draft: 'Draft',
  unitState_submitted: 'Under review',
  unitState_returned: 'Returned',
  unitState_approved: 'Approved and consolidated',
  unitState_published: 'Published',
  unitState_none: 'Not started',
  unitTodo_draft: 'Prepare and submit to the department',
  unitTodo_returned: 'Revise as the department asked, then submit again',
  unitTodo_submitted: 'Waiting for the department to review',
  unitTodo_approved: 'Consolidated into the department budget',
  unitTodo_published: 'Done',
  unitBudgetTitle: '{year} unit budget of {unit}',
  departmentBudgetTitle: '{year} department budget of {department}',
  unitBudgetsOf: 'Unit budgets of {unit}',
  unitBudget: 'Budget',
  createUnitBudget: 'New {year} unit budget of {unit}',
};
