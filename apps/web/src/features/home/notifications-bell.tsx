import type { TNotification, WorkflowAction } from '@budgetflow/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TDeskMessageKey } from '../../lib/desk-i18n';
import { useMarkRead, useNotifications } from './use-notifications';

/** The notifications that are not a workflow step: a comment, the statutory clock, a failed check. */
type TOtherNotice = 'comment' | 'deadline-near' | 'deadline-overdue' | 'render-check-failed';

/** What the API's notification actions are called here: every workflow action (the type says so) and the others. */
const ACTION_WORDS: Readonly<Record<WorkflowAction | TOtherNotice, TDeskMessageKey>> = {
  submit: 'action_submit',
  withdraw: 'action_withdraw',
  return: 'action_return',
  approve: 'action_approve',
  publish: 'action_publish',
  revise: 'action_revise',
  'issue-ceilings': 'action_issueCeilings',
  adjust: 'action_adjust',
  'sign-off': 'action_signOff',
  comment: 'action_comment',
  'deadline-near': 'action_deadlineNear',
  'deadline-overdue': 'action_deadlineOverdue',
  'render-check-failed': 'action_renderCheckFailed',
};

/** The count of unread notifications; opens the list. */
export function NotificationsBell() {
  const { t } = useDeskI18n();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const items = notifications.data ?? [];
  const unread = items.filter((n) => !n.read).length;
  const actionLabel = (n: TNotification) => {
    // An approval that handed the budget on to another stage is not the 批复, nor is a unit's by its department.
    if (n.action === 'approve' && n.stageName !== null && n.nextStageName !== null) return t('action_approveStage', { stage: n.stageName, next: n.nextStageName });
    if (n.action === 'approve' && n.round === 'unit') return t('action_approveUnit');
    // The statutory clock of a 二级单位's 单位预算 names the unit and its last day.
    const unitDeadline = n.action === 'unit-deadline-near' ? 'action_unitDeadlineNear' : n.action === 'unit-deadline-overdue' ? 'action_unitDeadlineOverdue' : undefined;
    if (unitDeadline !== undefined && n.unitName !== null && n.dueOn !== null) return t(unitDeadline, { unit: n.unitName, deadline: n.dueOn });
    // An action newer than this client is named in general words, never by its code.
    const key = (ACTION_WORDS as Readonly<Record<string, TDeskMessageKey | undefined>>)[n.action];
    return t(key ?? 'action_other');
  };
  return (
    <div className="bell">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('notifications')}
        {unread > 0 && <span className="badge">{unread}</span>}
      </button>
      {open && (
        <div className="popover" role="region" aria-label={t('notifications')}>
          {items.length === 0 ? (
            <p>{t('noNotifications')}</p>
          ) : (
            <ul>
              {items.slice(0, 20).map((n) => (
                <li key={n.id}>
                  <Link
                    to={`/budgets/${n.budgetId}`}
                    className={n.read ? undefined : 'unread'}
                    onClick={() => {
                      setOpen(false);
                      if (!n.read) markRead.mutate(n.id);
                    }}
                  >
                    {actionLabel(n)}
                  </Link>
                  {n.reason ? `：${n.reason}` : ''} <time>{formatDateTime(n.createdAt)}</time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
