import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import type { TSessionUser } from '../lib/api-types';
import { useDeskI18n } from '../lib/desk-i18n';
import { Status } from '../ui/status';

const EditorPage = lazy(() => import('../features/editor/editor-page'));
const ReviewPage = lazy(() => import('../features/review/review-page'));
const PublishPage = lazy(() => import('../features/publish/publish-page'));

/** One address per budget; each role sees its own desk there. */
export function BudgetRoute({ user }: { user: TSessionUser }) {
  const { id = '' } = useParams();
  const { t } = useDeskI18n();
  const desk = (() => {
    switch (user.role) {
      case 'preparer':
        return <EditorPage budgetId={id} />;
      case 'reviewer':
      case 'admin':
      case 'department_reviewer': // 主管部门审核: a unit budget read-only, approved with an opinion or returned with a reason
        return <ReviewPage budgetId={id} user={user} />;
      case 'publisher':
      case 'signer':
        // the signer's 审签 sits on the publish page, beside what it clears
        return <PublishPage budgetId={id} role={user.role} />;
      case 'security_admin':
      case 'auditor':
        // They take part in no budget (the API answers 403 to them).
        return <Status>{t('noBudgetForRole')}</Status>;
    }
  })();
  return <Suspense fallback={<Status>{t('loading')}</Status>}>{desk}</Suspense>;
}
