import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession, useSignOut } from '../features/auth/use-session';
import { takesPartInBudgets } from '../lib/api-types';
import { useI18n } from '../lib/i18n';
import { Status } from './status';

// Only signed-in people who take part in budgets have notifications: a visitor never loads the bell.
const NotificationsBell = lazy(() => import('../features/home/notifications-bell').then((m) => ({ default: m.NotificationsBell })));

/** Header (navigation, notifications, language, sign-out) above every page. */
export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const signOut = useSignOut();
  const user = session.data ?? null;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header no-print">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <nav aria-label="main">
          {user !== null && <NavLink to="/desk">{t('home')}</NavLink>}
          {user?.role === 'reviewer' && <NavLink to="/bureau">{t('bureauNav')}</NavLink>}
          {user?.role === 'reviewer' && <NavLink to="/delegations">{t('delegationsNav')}</NavLink>}
          {user !== null && <NavLink to="/account/two-factor">{t('totpTitle')}</NavLink>}
          {user !== null && <NavLink to="/account/password">{t('changePassword')}</NavLink>}
          <NavLink to="/portal">{t('portal')}</NavLink>
        </nav>
        <div className="header-tools">
          {user !== null && takesPartInBudgets(user.role) && (
            <Suspense fallback={null}>
              <NotificationsBell />
            </Suspense>
          )}
          <button
            type="button"
            onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
            // The spoken name holds the visible one (WCAG 2.5.3): 切换语言：English.
            aria-label={`${t('languageLabel')}：${t('language')}`}
          >
            {t('language')}
          </button>
          {user !== null ? (
            <>
              <span className="who">
                {user.username} · {t(`role_${user.role}`)}
              </span>
              <button type="button" onClick={() => signOut.mutate()}>
                {t('signOut')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('signIn')}</Link>
          )}
        </div>
      </header>
      <div id="main" className="app-main">
        {/* the desks' pages come in chunks of their own (app/router) */}
        <Suspense fallback={<Status>{t('loading')}</Status>}>
          <Outlet />
        </Suspense>
      </div>
    </>
  );
}
