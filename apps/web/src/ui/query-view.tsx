import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { Status } from './status';
import { problemText } from '../lib/problem-text';

/**
 * A query's three other states (loading, failed, nothing to show) said the same way on every page;
 * `empty` says what there is none of, where 「暂无」 alone would leave the reader guessing.
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) return <Status>{t('loading')}</Status>;
  if (query.isError) return <Status error>{t('error', { reason: problemText(query.error, t) })}</Status>;
  if (isEmpty(query.data)) return empty ?? <p>{t('nothingHere')}</p>;
  return <>{children(query.data)}</>;
}
