import { useState, type FormEvent } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { accountProblem } from './account-problem';
import { useChangePassword } from './use-account';

/** The API's default minimum (PASSWORD_MIN_LENGTH); the API's policy decides, this only tells. */
const MIN_LENGTH = 12;

/** 修改密码: the API checks the policy and signs out every other session of the account. */
export function PasswordPage() {
  const { t } = useDeskI18n();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== repeat) {
      setProblem(t('passwordMismatch'));
      return;
    }
    setProblem(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setRepeat('');
        },
        onError: (error) => setProblem(accountProblem(error, t)),
      },
    );
  };

  return (
    <main className="account card" aria-labelledby="password-title">
      <h1 id="password-title">{t('changePassword')}</h1>
      <form onSubmit={onSubmit}>
        <p id="password-rule">{t('passwordRule', { n: MIN_LENGTH })}</p>
        <label>
          {t('currentPassword')}
          <input name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label>
          {t('newPassword')}
          <input name="newPassword" type="password" autoComplete="new-password" aria-describedby="password-rule" value={newPassword} onChange={(e) => setNew(e.target.value)} required />
        </label>
        <label>
          {t('repeatPassword')}
          <input name="repeatPassword" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
        </label>
        {problem !== null && (
          <p role="alert" className="problem">
            {t('actionFailed', { reason: problem })}
          </p>
        )}
        {change.isSuccess && <p role="status">{t('passwordChanged')}</p>}
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('changePassword')}
        </button>
      </form>
    </main>
  );
}
