import { Link } from 'react-router';
import type { TSessionUser } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';

/** The home of the security administrator and the auditor (三员), who take part in no budget. */
export function SeparatedAdminHome({ role }: { role: Extract<TSessionUser['role'], 'security_admin' | 'auditor'> }) {
  const { t } = useI18n();
  return (
    <main className="card" aria-labelledby="separated-admin-title">
      <h1 id="separated-admin-title">{t(`role_${role}`)}</h1>
      <p>{role === 'auditor' ? t('deskAuditor') : t('deskSecurityAdmin')}</p>
      <p>
        <Link to="/account/two-factor">{t('totpTitle')}</Link> · <Link to="/account/password">{t('changePassword')}</Link>
      </p>
    </main>
  );
}
