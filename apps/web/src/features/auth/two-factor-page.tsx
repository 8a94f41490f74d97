import { useState, type FormEvent } from 'react';
import type { TSessionUser } from '../../lib/api-types';
import { useDeskI18n } from '../../lib/desk-i18n';
import { accountProblem } from './account-problem';
import { useTotpEnrolment } from './use-account';

/** 双因素认证: scan the QR code of a new secret, confirm with a code, keep the recovery codes shown once. */
export function TwoFactorPage({ user }: { user: TSessionUser }) {
  const { t } = useDeskI18n();
  const { start, confirm } = useTotpEnrolment();
  const [code, setCode] = useState('');
  const enrolment = start.data;
  const recoveryCodes = confirm.data?.recoveryCodes;
  const failure = start.error ?? confirm.error;

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };

  return (
    <main className="account card" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">{t('totpTitle')}</h1>
      {user.mustEnrolTotp && recoveryCodes === undefined && (
        <p role="status" className="notice">
          {t('totpMustEnrol')}
        </p>
      )}
      {recoveryCodes !== undefined ? (
        <section aria-labelledby="recovery-title">
          <p role="status">{t('totpIsOn')}</p>
          <h2 id="recovery-title">{t('recoveryCodesTitle')}</h2>
          <p>{t('recoveryCodesHint')}</p>
          <ul className="recovery-codes" aria-label={t('recoveryCodesTitle')}>
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : user.totpEnabled ? (
        <p>{t('totpIsOn')}</p>
      ) : enrolment === undefined ? (
        <>
          <p>{t('totpIsOff')}</p>
          <button type="button" className="primary" onClick={() => start.mutate()} disabled={start.isPending}>
            {t('totpStart')}
          </button>
        </>
      ) : (
        <form onSubmit={onConfirm} aria-label={t('totpConfirm')}>
          <p>{t('totpScan')}</p>
          <img src={enrolment.qrCode} alt={t('totpQrAlt')} width={240} height={240} />
          <p>
            {t('totpSecret')}：<code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <label>
            {t('totpCode')}
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} required />
          </label>
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {t('totpConfirm')}
          </button>
        </form>
      )}
      {failure !== null && (
        <p role="alert" className="problem">
          {t('actionFailed', { reason: accountProblem(failure, t) })}
        </p>
      )}
    </main>
  );
}
