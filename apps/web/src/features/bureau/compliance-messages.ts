/** The words of the compliance list, on the public portal and the bureau's desk (spread into lib/i18n-messages). */
export const complianceZh = {
  complianceTitle: '预算公开情况',
  complianceRule: '各部门应在财政部门批复后 20 日内公开部门预算。公开单位预算的，所属二级单位的单位预算同样自财政部门批复之日起 20 日内公开。',
  complianceCaption: '截至 {today}',
  repliedOn: '批复日期',
  publishDeadline: '公开期限',
  publishedOn: '公开日期',
  complianceStatus: '情况',
  'compliance_on-time': '按时公开',
  compliance_late: '逾期公开',
  compliance_due: '尚未公开（期限内）',
  compliance_overdue: '逾期未公开',
  'compliance_not-replied': '尚未批复',
  complianceUnit: '{unit}（单位预算）',
  complianceDaysLate: '{status}（逾期 {days} 天）',
} as const;

export const complianceEn: Record<keyof typeof complianceZh, string> = {
  complianceTitle: 'Budget publication compliance',
  complianceRule: 'Departments publish their budget within 20 days of the finance bureau’s reply. Where units’ budgets are published, each second-level unit publishes its own within the same 20 days of the bureau’s reply.',
  complianceCaption: 'As of {today}',
  repliedOn: 'Replied on',
  publishDeadline: 'Deadline',
  publishedOn: 'Published on',
  complianceStatus: 'Status',
  'compliance_on-time': 'On time',
  compliance_late: 'Late',
  compliance_due: 'Not yet (within the deadline)',
  compliance_overdue: 'Overdue',
  'compliance_not-replied': 'Not replied yet',
  complianceUnit: '{unit} (unit budget)',
  complianceDaysLate: '{status} ({days} days late)',
};
