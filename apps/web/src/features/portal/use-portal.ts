import type {
  TDepartmentComparison,
  TDepartmentYears,
  TDisclosureBreakdown,
  TDisclosureSearchPage,
} from '@budgetflow/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api-client';

export interface TSearchParams {
  q?: string;
  year?: number;
  page: number;
}

/** The district search (GET /api/public/search), a page at a time. */
export function useDistrictSearch(params: TSearchParams, pageSize = 20) {
  return useQuery({
    queryKey: ['public', 'search', params, pageSize],
    queryFn: () =>
      api<TDisclosureSearchPage>(
        `/api/public/search${query({ q: params.q, year: params.year, page: params.page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** A publication's lines summed for the drill-down, and its digest. */
export function useBreakdown(id: string) {
  return useQuery({
    queryKey: ['public', 'breakdown', id],
    queryFn: () => api<TDisclosureBreakdown>(`/api/public/disclosures/${encodeURIComponent(id)}/breakdown`),
    staleTime: Infinity, // a publication never changes; a correction is another publication
  });
}

export function useDepartmentYears(code: string) {
  return useQuery({
    queryKey: ['public', 'years', code],
    queryFn: () => api<TDepartmentYears>(`/api/public/departments/${encodeURIComponent(code)}/years`),
  });
}

export function useDepartmentComparison(year: number | undefined, departments: readonly string[]) {
  return useQuery({
    queryKey: ['public', 'compare', year, departments],
    queryFn: () =>
      api<TDepartmentComparison>(`/api/public/compare${query({ year, departments: departments.join(',') })}`),
    enabled: year !== undefined && departments.length > 0,
  });
}
