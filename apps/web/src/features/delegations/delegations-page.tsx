import { useState, type FormEvent } from 'react';
import type { TSessionUser } from '../../lib/api-types';
import { localDate } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ConfirmModal } from '../../ui/confirm-modal';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import { Labelled } from '../editor/forms/fields';
import { delegationProblems, delegationStatus, type TDelegationDraft } from './delegation-form-check';
import { useColleagues, useDelegate, useDelegations, useRevokeDelegation, type TDelegation } from './use-delegations';

const EMPTY: TDelegationDraft = { delegate: '', startsOn: '', endsOn: '' };

/**
 * 委托审核: a reviewer hands their stage to a colleague for a period (while away), sees what they
 * gave and received, and revokes what they gave. What a delegate does is recorded "X（代 Y）".
 */
export function DelegationsPage({ user }: { user: TSessionUser }) {
  const { t } = useDeskI18n();
  const delegations = useDelegations();
  const today = localDate(new Date());
  const [revoking, setRevoking] = useState<TDelegation | null>(null);
  const revoke = useRevokeDelegation();
  return (
    <main className="page" aria-labelledby="delegations-title">
      <h1 id="delegations-title">{t('delegationsTitle')}</h1>
      <p className="muted">{t('delegationsIntro')}</p>
      <DelegationForm today={today} />
      <ErrorBanner error={revoke.error} />
      <QueryView query={delegations} isEmpty={() => false}>
        {({ items }) => (
          <>
            <DelegationList
              title={t('delegationsGiven')}
              items={items.filter((d) => d.delegator === user.username)}
              person={(d) => d.delegateName}
              personHeader={t('delegationDelegate')}
              today={today}
              onRevoke={setRevoking}
            />
            <DelegationList
              title={t('delegationsReceived')}
              items={items.filter((d) => d.delegate === user.username)}
              person={(d) => d.delegatorName}
              personHeader={t('delegationDelegator')}
              today={today}
            />
          </>
        )}
      </QueryView>
      {revoking !== null && (
        <ConfirmModal
          title={t('delegationRevoke')}
          confirmLabel={t('delegationRevoke')}
          disabled={revoke.isPending}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
          onCancel={() => setRevoking(null)}
        >
          <p>{t('delegationRevokeQuestion', { name: revoking.delegateName, from: revoking.startsOn, to: revoking.endsOn })}</p>
        </ConfirmModal>
      )}
    </main>
  );
}

function DelegationForm({ today }: { today: string }) {
  const { t } = useDeskI18n();
  const colleagues = useColleagues();
  const create = useDelegate();
  const [draft, setDraft] = useState<TDelegationDraft>(EMPTY);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const problems = delegationProblems(draft, today);
  const errors = new Map(tried ? Object.entries(problems).map(([field, key]) => [field, t(key)]) : []);
  const set = (field: keyof TDelegationDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setDone(null);
    if (Object.keys(problems).length > 0) return;
    const name = colleagues.data?.items.find((c) => c.username === draft.delegate)?.displayName ?? draft.delegate;
    create.mutate(
      { ...draft, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) },
      {
        onSuccess: () => {
          setDone(t('delegationCreated', { name, from: draft.startsOn, to: draft.endsOn }));
          setDraft(EMPTY);
          setReason('');
          setTried(false);
        },
      },
    );
  };
  return (
    <form className="part-form" aria-labelledby="delegation-new" onSubmit={submit} noValidate>
      <h2 id="delegation-new">{t('delegationNew')}</h2>
      <Labelled path="delegate" label={t('delegationDelegate')} errors={errors}>
        {(aria) => (
          <select {...aria} value={draft.delegate} onChange={(e) => set('delegate')(e.target.value)}>
            <option value="">{t('delegationChoose')}</option>
            {(colleagues.data?.items ?? []).map((c) => (
              <option key={c.username} value={c.username}>
                {/* a display name that already says the office (财政局审核人三（科教文科）) is not told it twice */}
                {c.office === null || c.displayName.includes(c.office) ? c.displayName : `${c.displayName}（${c.office}）`}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled path="startsOn" label={t('delegationStartsOn')} errors={errors}>
        {(aria) => <input {...aria} type="date" min={today} value={draft.startsOn} onChange={(e) => set('startsOn')(e.target.value)} />}
      </Labelled>
      <Labelled path="endsOn" label={t('delegationEndsOn')} errors={errors}>
        {(aria) => <input {...aria} type="date" min={draft.startsOn || today} value={draft.endsOn} onChange={(e) => set('endsOn')(e.target.value)} />}
      </Labelled>
      <Labelled path="reason" label={t('delegationReason')} errors={errors}>
        {(aria) => <input {...aria} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
      </Labelled>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('delegationSubmit')}
      </button>
      <ErrorBanner error={create.error} />
      {done !== null && (
        <p className="banner" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

function DelegationList({
  title,
  items,
  person,
  personHeader,
  today,
  onRevoke,
}: {
  title: string;
  items: readonly TDelegation[];
  person(d: TDelegation): string;
  personHeader: string;
  today: string;
  onRevoke?: (d: TDelegation) => void;
}) {
  const { t } = useDeskI18n();
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('nothingHere')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{personHeader}</th>
              <th scope="col">{t('delegationPeriod')}</th>
              <th scope="col">{t('delegationReason')}</th>
              <th scope="col">{t('state')}</th>
              {onRevoke !== undefined && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {items.map((d) => {
              const status = delegationStatus(d, today);
              return (
                <tr key={d.id}>
                  <td>{person(d)}</td>
                  <td>{t('delegationFromTo', { from: d.startsOn, to: d.endsOn })}</td>
                  <td>{d.reason ?? ''}</td>
                  <td>{t(`delegationStatus_${status}`)}</td>
                  {onRevoke !== undefined && (
                    <td>
                      {(status === 'active' || status === 'upcoming') && (
                        <button type="button" onClick={() => onRevoke(d)} aria-label={t('delegationRevokeOf', { name: person(d), from: d.startsOn })}>
                          {t('delegationRevoke')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
