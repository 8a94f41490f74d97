import { NavLink, Navigate, useParams } from 'react-router';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TSessionUser } from '../../lib/api-types';
import { BureauPanel } from './bureau-panel';
import { DepartmentsPanel } from './departments-panel';
import { FiscalYearsPanel } from './fiscal-years-panel';
import { JobsPanel } from './jobs-panel';
import { UsersPanel } from './users-panel';

export const ADMIN_SECTIONS = {
  users: { label: 'adminUsers', panel: UsersPanel },
  departments: { label: 'adminDepartments', panel: DepartmentsPanel },
  'fiscal-years': { label: 'adminFiscalYears', panel: FiscalYearsPanel },
  bureau: { label: 'adminBureau', panel: BureauPanel },
  // Failed jobs are the operation of the system, not the audit trail: they stay here.
  jobs: { label: 'adminFailedJobs', panel: JobsPanel },
  // No audit trail: the 安全审计员 reads it on their own desk, not the 系统管理员 whose actions it records (三员分立).
} as const;
type TSection = keyof typeof ADMIN_SECTIONS;

/** 系统管理 under /admin/:section; the API refuses whoever is not an administrator, so does this page. */
export function AdminPage({ user }: { user: TSessionUser }) {
  const { t } = useDeskI18n();
  const { section = 'users' } = useParams();
  if (user.role !== 'admin') return <Navigate to="/desk" replace />;
  if (!(section in ADMIN_SECTIONS)) return <Navigate to="/admin/users" replace />;
  const Panel = ADMIN_SECTIONS[section as TSection].panel;
  return (
    <main className="page">
      <h1>{t('adminDesk')}</h1>
      <AdminNav />
      <Panel />
    </main>
  );
}

export function AdminNav() {
  const { t } = useDeskI18n();
  return (
    <nav aria-label={t('adminDesk')}>
      <ul className="admin-nav">
        {Object.entries(ADMIN_SECTIONS).map(([key, s]) => (
          <li key={key}>
            <NavLink to={`/admin/${key}`}>{t(s.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
