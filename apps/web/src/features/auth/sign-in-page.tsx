import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { ApiError } from '../../lib/api-client';
import { useDeskI18n } from '../../lib/desk-i18n';
import { accountProblem } from './account-problem';
import { useSession, useSignIn } from './use-session';

/** The API's login schema, as the form checks it before sending. */
const ZCredentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totpCode: z.string().regex(/^\d{6}$/).optional(),
  recoveryCode: z.string().trim().min(1).max(32).optional(),
});

/** The second step of an account with two-factor sign-in: a one-time code, or a recovery code. */
type TSecondStep = 'none' | 'totp' | 'recovery';

export function SignInPage() {
  const { t } = useDeskI18n();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [step, setStep] = useState<TSecondStep>('none');
  const [code, setCode] = useState('');
  const next = new URLSearchParams(location.search).get('next') ?? '/desk';

  if (session.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const second = step === 'totp' ? { totpCode: code.trim() } : step === 'recovery' ? { recoveryCode: code.trim() } : {};
    const parsed = ZCredentials.safeParse({ username, password, ...second });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setProblem(null);
    signIn.mutate(parsed.data, {
      onSuccess: (answer) => void navigate(answer.user.mustEnrolTotp ? '/account/two-factor' : next, { replace: true }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
          setStep((current) => (current === 'none' ? 'totp' : current));
          return;
        }
        setProblem(accountProblem(error, t));
      },
    });
  };

  return (
    <main className="sign-in">
      <form onSubmit={onSubmit} aria-labelledby="sign-in-title" className="card">
        <h1 id="sign-in-title">{t('signIn')}</h1>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {step !== 'none' && (
          <>
            <p id="totp-prompt">{t('totpPrompt')}</p>
            <label>
              {step === 'totp' ? t('totpCode') : t('recoveryCode')}
              <input
                name={step === 'totp' ? 'totpCode' : 'recoveryCode'}
                inputMode={step === 'totp' ? 'numeric' : 'text'}
                autoComplete="one-time-code"
                aria-describedby="totp-prompt"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoFocus
              />
            </label>
            <button type="button" className="link" onClick={() => { setStep(step === 'totp' ? 'recovery' : 'totp'); setCode(''); }}>
              {step === 'totp' ? t('useRecoveryCode') : t('useTotpCode')}
            </button>
          </>
        )}
        {problem !== null && (
          <p role="alert" className="problem">
            {t('signInFailed', { reason: problem })}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {t('signIn')}
        </button>
      </form>
    </main>
  );
}
