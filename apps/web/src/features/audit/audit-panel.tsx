import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, query } from '../../lib/api-client';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import type { TAuditEntry, TAuditPage } from '@budgetflow/domain';
import { factLabel, factLines, factValue, type TFactContext } from './audit-facts';
import { auditWordsZh } from './audit-messages';

const FILTERS = ['actor', 'action', 'entity', 'entityId'] as const;
type TFilter = Partial<Record<(typeof FILTERS)[number] | 'from' | 'to', string>>;
const FILTER_LABELS = { actor: 'auditWho', action: 'auditWhat', entity: 'auditObject', entityId: 'auditObjectId' } as const;

/** A day typed in the form as the instant the API filters by (local midnight). */
const dayStart = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString();

/** 审计日志, the 安全审计员's: who did what to which object when, with each changed field's old → new value. */
export function AuditPanel() {
  const { t, locale } = useDeskI18n();
  const [filter, setFilter] = useState<TFilter>({});
  const trail = useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => api<TAuditPage>(`/api/audit${query({ ...filter, before: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const next: TFilter = Object.fromEntries(FILTERS.map((f) => [f, text(f)]));
    if (text('fromDay') !== '') next.from = dayStart(text('fromDay'));
    if (text('toDay') !== '') next.to = dayStart(text('toDay'), 1);
    setFilter(next);
  };
  return (
    <section aria-labelledby="audit-trail-title">
      <h2 id="audit-trail-title">{t('auditTrail')}</h2>
      <form onSubmit={submit} role="search" aria-label={t('auditSearch')}>
        {FILTERS.map((f) => (
          <label key={f}>
            {t(FILTER_LABELS[f])} <input name={f} />
          </label>
        ))}
        <label>
          {t('auditFrom')} <input name="fromDay" type="date" />
        </label>
        <label>
          {t('auditTo')} <input name="toDay" type="date" />
        </label>
        <button type="submit">{t('auditSearch')}</button>
      </form>
      <QueryView query={trail} isEmpty={(data) => data.pages[0]?.entries.length === 0}>
        {(data) => (
          <table className="audit-table">
            <caption>{t('auditTrail')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditWho')}</th>
                <th scope="col">{t('auditWhat')}</th>
                <th scope="col">{t('auditObject')}</th>
                <th scope="col">{t('auditChanges')}</th>
              </tr>
            </thead>
            <tbody>
              {data.pages.flatMap((p) => {
                const c: TFactContext = { t, locale, names: p.names };
                return p.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{actorName(t, e.actor)}</td>
                    <td>{auditText(t, e.action)}</td>
                    <td>
                      {auditText(t, `entity_${e.entity}`)} {factValue(e.entityId, c)}
                    </td>
                    <td>
                      <Changes entry={e} context={c} />
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        )}
      </QueryView>
      {trail.hasNextPage && (
        <button type="button" onClick={() => void trail.fetchNextPage()} disabled={trail.isFetchingNextPage}>
          {t('auditMore')}
        </button>
      )}
    </section>
  );
}

/** Who acted: a username, or the system itself and an anonymous sign-in attempt in words. */
function actorName(t: TDeskTranslate, actor: string): string {
  return actor === 'system' ? t('auditSystem') : actor === 'anonymous' ? t('auditAnonymous') : actor;
}

/** An action (`budget.submit`) or a kind of object (`entity_budget`) in the reader's words; one the list does not know yet, as recorded. */
export function auditText(t: TDeskTranslate, recorded: string): string {
  const key = `audit_${recorded}`;
  return key in auditWordsZh ? t(key as keyof typeof auditWordsZh) : recorded.replace(/^entity_/, '');
}

/** An entry's `changes` as old → new per field, its other facts one per line: labels and values in words, ids by name. */
function Changes({ entry, context }: { entry: TAuditEntry; context: TFactContext }) {
  const { changes, ...facts } = entry.payload as { changes?: Record<string, { from: unknown; to: unknown }> };
  const lines = factLines(facts, context);
  return (
    <ul className="audit-facts">
      {Object.entries(changes ?? {}).map(([field, c]) => (
        <li key={`change-${field}`}>
          {factLabel(field, context)}：<del>{factValue(c.from, context)}</del> → <ins>{factValue(c.to, context)}</ins>
        </li>
      ))}
      {lines.map(([label, value], i) => (
        <li key={i}>
          {label}：{value}
        </li>
      ))}
    </ul>
  );
}
