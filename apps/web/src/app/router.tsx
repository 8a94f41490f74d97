import { lazy } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireSession, TWO_FACTOR_PATH } from '../features/auth/require-session';
import { useSession } from '../features/auth/use-session';
import { CompareDepartmentsPage } from '../features/portal/compare-departments-page';
import { CompareYearsPage } from '../features/portal/compare-years-page';
import { DisclosurePage } from '../features/portal/disclosure-page';
import { PortalListPage } from '../features/portal/portal-list-page';
import { CompliancePage } from '../features/portal/compliance-page';
import { AppShell } from '../ui/app-shell';
import { NotFoundPage } from '../ui/not-found-page';

// The public portal is what a visitor's first page loads; the signed-in desks (and their words,
// lib/desk-messages) come in chunks of their own when someone opens them. AppShell holds the
// Suspense they wait in.
const SignInPage = lazy(() => import('../features/auth/sign-in-page').then((m) => ({ default: m.SignInPage })));
const TwoFactorPage = lazy(() => import('../features/auth/two-factor-page').then((m) => ({ default: m.TwoFactorPage })));
const PasswordPage = lazy(() => import('../features/auth/password-page').then((m) => ({ default: m.PasswordPage })));
const DeskPage = lazy(() => import('../features/home/desk-page').then((m) => ({ default: m.DeskPage })));
const BudgetRoute = lazy(() => import('./budget-route').then((m) => ({ default: m.BudgetRoute })));
const AdminPage = lazy(() => import('../features/admin/admin-page').then((m) => ({ default: m.AdminPage })));
const BureauPage = lazy(() => import('../features/bureau/bureau-page').then((m) => ({ default: m.BureauPage })));
const DelegationsPage = lazy(() => import('../features/delegations/delegations-page').then((m) => ({ default: m.DelegationsPage })));

function Landing() {
  const session = useSession();
  if (session.isPending) return null;
  return <Navigate to={session.data ? '/desk' : '/portal'} replace />;
}

/** The app's pages by address (the tests open them in a memory router). */
export const routes: RouteObject[] = [
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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
