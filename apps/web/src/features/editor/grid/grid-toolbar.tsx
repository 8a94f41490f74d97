import { EXPENDITURE_KINDS } from '@budgetflow/domain';
import { useId, useState } from 'react';
import { useDeskI18n } from '../../../lib/desk-i18n';
import type { TGridQuery } from './grid-view';

const KIND_LABEL = {
  'basic-personnel': 'kind_basic_personnel',
  'basic-public': 'kind_basic_public',
  project: 'kind_project',
} as const;

/** Search (every cell's text) and the 支出类型 filter above the grid; sorting is on the headings. */
export function GridToolbar({
  query,
  onQuery,
  shown,
  count,
}: {
  query: TGridQuery;
  onQuery(query: TGridQuery): void;
  shown: number;
  count: number;
}) {
  const { t } = useDeskI18n();
  const searchId = useId();
  const kindId = useId();
  const [text, setText] = useState(query.text);
  return (
    <form
      className="toolbar grid-toolbar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onQuery({ ...query, text });
      }}
    >
      <label htmlFor={searchId}>{t('gridSearch')}</label>
      <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">{t('gridSearchGo')}</button>
      <label htmlFor={kindId}>{t('kind')}</label>
      <select
        id={kindId}
        value={query.kind}
        onChange={(e) => onQuery({ ...query, text, kind: e.target.value as TGridQuery['kind'] })}
      >
        <option value="">{t('gridAllKinds')}</option>
        {EXPENDITURE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_LABEL[k])}
          </option>
        ))}
      </select>
      {shown !== count && (
        <span className="muted" role="status">
          {t('gridShown', { shown, count })}
        </span>
      )}
    </form>
  );
}
