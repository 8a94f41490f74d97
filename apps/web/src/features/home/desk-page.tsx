import { lazy, Suspense } from 'react';
import type { TSessionUser } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { Status } from '../../ui/status';
import { AdminNav } from '../admin/admin-page';
import { PreparerHome } from './preparer-home';
import { PublisherHome } from './publisher-home';
import { ReviewerHome } from './reviewer-home';
import { SeparatedAdminHome } from './separated-admin-home';
import { SignerHome } from './signer-home';

// Loaded when a department reviewer signs in, not with the portal's entry.
const DepartmentReviewerHome = lazy(() => import('../units/department-reviewer-home'));

/** Each role's home: what is waiting for this person. */
export function DeskPage({ user }: { user: TSessionUser }) {
  const { t } = useI18n();
  switch (user.role) {
    case 'preparer':
      return <PreparerHome unit={user.unit ?? null} />;
    case 'department_reviewer':
      return (
        <Suspense fallback={<Status>{t('loading')}</Status>}>
          <DepartmentReviewerHome />
        </Suspense>
      );
    case 'reviewer':
      return <ReviewerHome actsAtStages />;
    case 'publisher':
      return <PublisherHome />;
    case 'signer':
      return <SignerHome />;
    case 'admin':
      return (
        <>
          <AdminNav />
          <ReviewerHome actsAtStages={false} />
        </>
      );
    case 'security_admin':
    case 'auditor':
      return <SeparatedAdminHome user={{ ...user, role: user.role }} />;
  }
}
