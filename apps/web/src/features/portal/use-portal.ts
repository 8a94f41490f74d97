import type {
  TDepartmentComparison,
  TDepartmentYears,
  TDisclosureBreakdown,
  TDisclosureSearchPage,
} from '@budgetflow/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api-client';

export interface TSearchParams {
  q?: string;
  year?: number;
  page: number;
}

const SEARCH_PAGE_SIZE = 20;

function searchQuery(params: TSearchParams, pageSize: number) {
  return queryOptions({
    queryKey: ['public', 'search', params, pageSize],
    queryFn: () =>
      api<TDisclosureSearchPage>(
        `/api/public/search${query({ q: params.q, year: params.year, page: params.page, pageSize })}`,
      ),
  });
}

/** The district search (GET /api/public/search), a page at a time. */
export function useDistrictSearch(params: TSearchParams, pageSize = SEARCH_PAGE_SIZE) {
  return useQuery({ ...searchQuery(params, pageSize), placeholderData: keepPreviousData });
}

/**
 * Every year anything was published, newest first. The search's answer says them: its first page
 * unfiltered is the one the portal's list opens on, so a visitor coming from there asks nothing more.
 */
export function usePublishedYears() {
  return useQuery({ ...searchQuery({ page: 1 }, SEARCH_PAGE_SIZE), select: (page) => page.years });
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
