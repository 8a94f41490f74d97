import {
  diffByKey,
  type TBudgetDocument,
  type TExpenditureLine,
  type TKeyedDiff,
} from '@budgetflow/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, apiRequest } from '../../lib/api-client';
import type { TBudgetView } from '../../lib/api-types';
import { useCatalogueInForce } from './use-catalogue';
import { useDerivation } from './derive/use-derivation';
import { useLocalDraft } from './use-local-draft';
import {
  changeCount,
  commitSaved,
  currentDocument,
  linesPatch,
  needsWholeDocument,
  rebase,
  startWorkingCopy,
  type TWorkingCopy,
} from './working-copy';

export interface TConflict {
  seenVersion: number;
  currentVersion: number;
  latest: TBudgetDocument;
  /** What the other person changed, from the version this editor started from to the latest. */
  theirs: TKeyedDiff<TExpenditureLine>;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const budgetKey = (id: string) => ['budget', id] as const;
export const documentKey = (id: string) => ['budget', id, 'document'] as const;

/** The budget's state, workflow facts and the findings the API computed for its current version. */
export function useBudgetView(budgetId: string) {
  return useQuery({
    queryKey: budgetKey(budgetId),
    queryFn: () => api<TBudgetView>(`/api/budgets/${budgetId}?linePageSize=1`),
  });
}

function useDocument(budgetId: string) {
  return useQuery({
    queryKey: documentKey(budgetId),
    queryFn: async () => {
      const answer = await apiRequest<TBudgetDocument>(`/api/budgets/${budgetId}/document`);
      if (answer.version === null) throw new Error('the document came without its version (ETag)');
      return { document: answer.data, version: answer.version };
    },
    staleTime: Infinity,
  });
}

/**
 * The editor's state: the working copy, the document as the person sees it, its tables and
 * findings derived live by the domain (the same functions the API runs), and saving with the
 * version last seen. A refused save keeps every edit and says what the other person changed.
 */
export function useBudgetEditor(budgetId: string) {
  const client = useQueryClient();
  const loaded = useDocument(budgetId);
  const [copy, setCopy] = useState<TWorkingCopy | null>(null);
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | Error | null>(null);

  useEffect(() => {
    if (
      loaded.data !== undefined &&
      (copy === null || (changeCount(copy) === 0 && copy.baseVersion < loaded.data.version))
    ) {
      setCopy(startWorkingCopy(loaded.data.document, loaded.data.version));
    }
  }, [loaded.data, copy]);

  // Unsaved edits kept in the browser as they are made, and put back after a reload or a crash.
  const draft = useLocalDraft(budgetId, copy, setCopy);

  const document = useMemo(() => (copy === null ? null : currentDocument(copy)), [copy]);
  // The year's catalogue is asked for as soon as the budget's (small) view has come, while its
  // 10,000 lines are still on their way: the editor and its first derivation do not wait for both in turn.
  const view = useBudgetView(budgetId);
  const fiscalYear = document?.fiscalYear ?? view.data?.fiscalYear;
  const catalogue = useCatalogueInForce(fiscalYear);
  // The tables and findings follow the typing without holding it up: derived in a worker by the
  // domain (the API's own derivation), the answer to the latest edit shown.
  const { derived, stale } = useDerivation(copy, catalogue);

  const reload = useCallback(async (): Promise<{ document: TBudgetDocument; version: number }> => {
    const fresh = await client.fetchQuery({
      queryKey: documentKey(budgetId),
      staleTime: 0,
      queryFn: async () => {
        const answer = await apiRequest<TBudgetDocument>(`/api/budgets/${budgetId}/document`);
        return { document: answer.data, version: answer.version ?? 0 };
      },
    });
    await client.invalidateQueries({ queryKey: budgetKey(budgetId), exact: true });
    return fresh;
  }, [client, budgetId]);

  const save = useCallback(async () => {
    if (copy === null || changeCount(copy) === 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      if (needsWholeDocument(copy)) {
        await api(`/api/budgets/${budgetId}/document`, {
          method: 'PUT',
          body: currentDocument(copy),
          ifMatch: copy.baseVersion,
        });
      } else {
        // Only the changed lines go; what was sent is the new base, without reading 10,000 lines back.
        const saved = await api<{ version: number }>(`/api/budgets/${budgetId}/lines`, {
          method: 'PATCH',
          body: { version: copy.baseVersion, ...linesPatch(copy) },
        });
        client.setQueryData(documentKey(budgetId), {
          document: currentDocument(copy),
          version: saved.version,
        });
        setCopy((c) => (c === null ? c : commitSaved(c, copy, saved.version)));
        void client.invalidateQueries({ queryKey: budgetKey(budgetId), exact: true });
        return;
      }
      const fresh = await reload();
      setCopy(startWorkingCopy(fresh.document, fresh.version));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === 'VERSION_CONFLICT') {
        const latest = await reload();
        setConflict({
          seenVersion: copy.baseVersion,
          currentVersion: latest.version,
          latest: latest.document,
          theirs: diffByKey(copy.base.expenditureLines, latest.document.expenditureLines, (l) => l.id),
        });
      } else {
        setSaveError(error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      setSaving(false);
    }
  }, [copy, budgetId, reload, client]);

  /** After a conflict: the person's edits on top of the latest version (saved with the next save). */
  const keepMine = useCallback(() => {
    if (conflict === null) return;
    setCopy((c) => (c === null ? c : rebase(c, conflict.latest, conflict.currentVersion)));
    setConflict(null);
  }, [conflict]);

  const discardMine = useCallback(() => {
    if (conflict === null) return;
    setCopy(startWorkingCopy(conflict.latest, conflict.currentVersion));
    setConflict(null);
  }, [conflict]);

  /** Replaces the whole working copy by an imported document (PUT at the version seen). */
  const importDocument = useCallback(
    async (imported: TBudgetDocument) => {
      if (copy === null) return;
      await api(`/api/budgets/${budgetId}/document`, {
        method: 'PUT',
        body: imported,
        ifMatch: copy.baseVersion,
      });
      const fresh = await reload();
      setCopy(startWorkingCopy(fresh.document, fresh.version));
    },
    [copy, budgetId, reload],
  );

  /**
   * Applies a workbook preview the person confirmed (the API read the workbook and named any bad
   * cell); refused (409) if the budget changed since the preview. Answers the line count.
   */
  const importWorkbook = useCallback(
    async (previewId: string): Promise<number> => {
      if (copy === null) return 0;
      await api(`/api/budgets/${budgetId}/workbook/previews/${previewId}/confirm`, { method: 'POST' });
      const fresh = await reload();
      setCopy(startWorkingCopy(fresh.document, fresh.version));
      return fresh.document.expenditureLines.length;
    },
    [copy, budgetId, reload],
  );

  return {
    loaded,
    copy,
    setCopy,
    draft,
    document,
    catalogue,
    derived,
    stale,
    save,
    saving,
    saveError,
    conflict,
    keepMine,
    discardMine,
    importDocument,
    importWorkbook,
    reload,
  };
}
