import type { TSessionUser } from '../../lib/api-types';
import { AdminNav } from '../admin/admin-page';
import { PreparerHome } from './preparer-home';
import { PublisherHome } from './publisher-home';
import { ReviewerHome } from './reviewer-home';
import { SeparatedAdminHome } from './separated-admin-home';
import { SignerHome } from './signer-home';

/** Each role's home: what is waiting for this person. */
export function DeskPage({ user }: { user: TSessionUser }) {
  switch (user.role) {
    case 'preparer':
      return <PreparerHome />;
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
