import type { TListedFile } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { useDeskI18n } from '../../lib/desk-i18n';
import { Downloads } from '../portal/downloads';

/** GET /api/budgets/:id/revisions/:no/files: the approved revision's files and their check. */
interface TRevisionFiles {
  items: TListedFile[];
  check: { passed: boolean; problems: { code: string; file: string; message: string }[] } | null;
}

/** The check of the approved revision's files, asked again until they are rendered and checked. */
export function useRevisionFiles(budgetId: string, revisionNo: number, enabled: boolean) {
  return useQuery({
    queryKey: ['budget', budgetId, 'revision', revisionNo, 'files'],
    enabled,
    queryFn: () => api<TRevisionFiles>(`/api/budgets/${budgetId}/revisions/${revisionNo}/files`),
    refetchInterval: (q) => (q.state.data?.check === null ? 3000 : false),
  });
}

/**
 * What publishing would make public: the files rendered at approval, and whether they passed the
 * check that publication requires. A failed check lists what failed; nothing can be published then.
 */
export function RevisionFilesCheck({ files }: { files: TRevisionFiles | undefined }) {
  const { t } = useDeskI18n();
  const check = files?.check ?? null;
  return (
    <section className="card" aria-labelledby="files-check-title">
      <h2 id="files-check-title">{t('filesCheck')}</h2>
      <div role="status">
        {check === null && <p className="banner">{t('filesChecking')}</p>}
        {check?.passed === true && <p className="muted">{t('filesCheckPassed')}</p>}
      </div>
      {check?.passed === false && (
        <div role="alert" className="banner error">
          <p>{t('filesCheckFailed', { count: check.problems.length })}</p>
          <ul>
            {check.problems.map((p) => (
              <li key={`${p.file} ${p.code} ${p.message}`}>
                {p.file}：{p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check !== null && files !== undefined && <Downloads files={files.items} />}
    </section>
  );
}
