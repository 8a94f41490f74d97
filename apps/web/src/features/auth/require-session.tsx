import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { TRole, TSessionUser } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { Status } from '../../ui/status';
import { useSession } from './use-session';
import { problemText } from '../../lib/problem-text';

/** Where an account that must enrol two-factor sign-in is sent (the API refuses it everything else). */
export const TWO_FACTOR_PATH = '/account/two-factor';

/**
 * Renders its children for a signed-in user of one of `roles`; sends a visitor to sign in, and an
 * account that must still enrol two-factor sign-in to the enrolment page.
 */
export function RequireSession({
  roles,
  children,
}: {
  roles?: readonly TRole[];
  children: (user: TSessionUser) => ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (session.isPending) return <Status>{t('loading')}</Status>;
  if (session.isError) return <Status error>{t('error', { reason: problemText(session.error, t) })}</Status>;
  const user = session.data;
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (user.mustEnrolTotp && location.pathname !== TWO_FACTOR_PATH) return <Navigate to={TWO_FACTOR_PATH} replace />;
  if (roles !== undefined && !roles.includes(user.role)) return <Navigate to="/desk" replace />;
  return <>{children(user)}</>;
}
