import type { TAuditEntry, TAuditPage } from '@budgetflow/domain';
import type { TTarget } from './test-app';

/**
 * A budget's audit entries, oldest first, as the 安全审计员 reads them: GET /api/audit?budgetId=,
 * page after page. Nobody else reads the audit trail (三员分立), so a test that checks what an edit
 * recorded signs in as `auditor`.
 */
export async function budgetAuditTrail(t: Pick<TTarget, 'http' | 'login'>, budgetId: string): Promise<TAuditEntry[]> {
  const auditor = await t.login('auditor');
  const entries: TAuditEntry[] = [];
  let before: string | null = null;
  do {
    const res = await t.http().get('/api/audit').query({ budgetId, limit: 200, ...(before === null ? {} : { before }) }).set(auditor.headers).expect(200);
    const page = res.body as TAuditPage;
    entries.push(...page.entries);
    before = page.next;
  } while (before !== null);
  return entries.reverse();
}
