import { useDeskI18n } from '../../lib/desk-i18n';
import { ApprovedBudgets } from './approved-budgets';

/** A signer's (审签人) approved budgets in scope: each opens on its publish page, where the 审签 is given. */
export function SignerHome() {
  const { t } = useDeskI18n();
  return (
    <main className="page">
      <h1>{t('signOffBudgets')}</h1>
      <ApprovedBudgets linkLabel={() => ({ text: t('signOffButton') })} />
    </main>
  );
}
