import type { TPublication, TPublicationSummary } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api-client';
import type { TPage } from '../../lib/api-types';

export function useDisclosures(filter: { year?: number; department?: string }) {
  return useQuery({
    queryKey: ['public', 'disclosures', filter],
    queryFn: () =>
      api<TPage<TPublicationSummary>>(
        `/api/public/disclosures${query({ year: filter.year, department: filter.department, pageSize: 100 })}`,
      ),
  });
}

export function useDisclosure(id: string) {
  return useQuery({
    queryKey: ['public', 'disclosure', id],
    queryFn: () => api<TPublication>(`/api/public/disclosures/${encodeURIComponent(id)}`),
    // Right after publication the files are still being rendered: look again until they are listed.
    refetchInterval: (q) => (q.state.data !== undefined && q.state.data.files.length === 0 ? 5000 : false),
  });
}
