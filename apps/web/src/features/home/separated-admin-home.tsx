import { Link } from 'react-router';
import type { TSessionUser } from '../../lib/api-types';
import { useDeskI18n } from '../../lib/desk-i18n';
import { AuditPanel } from '../audit/audit-panel';
import { ChainCheck } from '../audit/chain-check';
import { SecurityPanel } from '../security/security-panel';

/**
 * The desk of the security administrator and of the auditor (三员), who take part in no budget:
 * the one gives roles and resets second factors, the other reads the audit trail and checks its
 * chain, and nothing else. The audit trail is on this desk alone: the 系统管理员's desk has none (三员分立).
 */
export function SeparatedAdminHome({ user }: { user: TSessionUser & { role: 'security_admin' | 'auditor' } }) {
  const { t } = useDeskI18n();
  return (
    <main className="page" aria-labelledby="separated-admin-title">
      <h1 id="separated-admin-title">{t(`role_${user.role}`)}</h1>
      <p>{user.role === 'auditor' ? t('deskAuditor') : t('deskSecurityAdmin')}</p>
      <p>
        <Link to="/account/two-factor">{t('totpTitle')}</Link> · <Link to="/account/password">{t('changePassword')}</Link>
      </p>
      {user.role === 'auditor' ? (
        <>
          <ChainCheck />
          <AuditPanel />
        </>
      ) : (
        <SecurityPanel selfId={user.id} />
      )}
    </main>
  );
}
