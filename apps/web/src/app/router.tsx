import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from '../features/auth/require-session';
import { SignInPage } from '../features/auth/sign-in-page';
import { useSession } from '../features/auth/use-session';
import { DeskPage } from '../features/home/desk-page';
import { AdminPage } from '../features/admin/admin-page';
import { DisclosurePage } from '../features/portal/disclosure-page';
import { PortalListPage } from '../features/portal/portal-list-page';
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
      { path: 'admin/:section?', element: <RequireSession>{(user) => <AdminPage user={user} />}</RequireSession> },
      { path: 'portal', element: <PortalListPage /> },
      { path: 'portal/:id', element: <DisclosurePage /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
