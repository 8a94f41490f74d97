import { createBrowserRouter, Navigate } from 'react-router';
import { PasswordPage } from '../features/auth/password-page';
import { RequireSession, TWO_FACTOR_PATH } from '../features/auth/require-session';
import { SignInPage } from '../features/auth/sign-in-page';
import { TwoFactorPage } from '../features/auth/two-factor-page';
import { useSession } from '../features/auth/use-session';
import { DeskPage } from '../features/home/desk-page';
import { CompareDepartmentsPage } from '../features/portal/compare-departments-page';
import { CompareYearsPage } from '../features/portal/compare-years-page';
import { AdminPage } from '../features/admin/admin-page';
import { DisclosurePage } from '../features/portal/disclosure-page';
import { PortalListPage } from '../features/portal/portal-list-page';
import { CompliancePage } from '../features/portal/compliance-page';
import { BureauPage } from '../features/bureau/bureau-page';
import { DelegationsPage } from '../features/delegations/delegations-page';
import { AppShell } from '../ui/app-shell';
import { BudgetRoute } from './budget-route';

function Landing() {
  const session = useSession();
  if (session.isPending) return null;
  return <Navigate to={session.data ? '/desk' : '/portal'} replace />;
}

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'login', element: <SignInPage /> },
      { path: 'desk', element: <RequireSession>{(user) => <DeskPage user={user} />}</RequireSession> },
      {
        path: 'budgets/:id',
        element: <RequireSession>{(user) => <BudgetRoute user={user} />}</RequireSession>,
      },
      { path: TWO_FACTOR_PATH.slice(1), element: <RequireSession>{(user) => <TwoFactorPage user={user} />}</RequireSession> },
      { path: 'account/password', element: <RequireSession>{() => <PasswordPage />}</RequireSession> },
      { path: 'admin/:section?', element: <RequireSession>{(user) => <AdminPage user={user} />}</RequireSession> },
      { path: 'portal', element: <PortalListPage /> },
      { path: 'portal/compare', element: <CompareDepartmentsPage /> },
      { path: 'portal/departments/:code', element: <CompareYearsPage /> },
      { path: 'portal/compliance', element: <CompliancePage /> },
      { path: 'portal/:id', element: <DisclosurePage /> },
      { path: 'bureau', element: <RequireSession roles={['reviewer']}>{(user) => <BureauPage user={user} />}</RequireSession> },
      { path: 'delegations', element: <RequireSession roles={['reviewer']}>{(user) => <DelegationsPage user={user} />}</RequireSession> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
