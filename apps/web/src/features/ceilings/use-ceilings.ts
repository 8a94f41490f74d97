import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** Ceilings as the API carries them: whole 分 as digits. */
export interface TCeilingsWire {
  total?: string;
  basic?: string;
  project?: string;
  byFundSource: Record<string, string>;
  threePublic: { total?: string; overseasTravel?: string; reception?: string; vehicles?: string };
}

export interface TCeilingComparison {
  ceiling: string;
  name: string;
  ceilingFen: string;
  amountFen: string;
  roomFen: string;
}

export interface TCeilingsAnswer {
  budgetId: string;
  fiscalYear: number;
  department: { code: string; name: string };
  version: number;
  /** when the figures were last filled in */
  setAt: string | null;
  /** when they were issued (下达控制数); null before */
  issuedAt: string | null;
  ceilings: TCeilingsWire;
  comparison: TCeilingComparison[];
}

const ceilingsKey = (budgetId: string) => ['budget', budgetId, 'ceilings'] as const;

/** The budget's ceilings beside its figures; `budgetVersion` refetches them after each save. */
export function useCeilings(budgetId: string, budgetVersion: number | undefined) {
  return useQuery({
    queryKey: [...ceilingsKey(budgetId), budgetVersion],
    queryFn: () => api<TCeilingsAnswer>(`/api/budgets/${budgetId}/ceilings`),
  });
}

export function usePutCeilings(budgetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ceilings: TCeilingsWire; version: number }) =>
      api<TCeilingsAnswer>(`/api/budgets/${budgetId}/ceilings`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ceilingsKey(budgetId) }),
  });
}
