import type { TPublication } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export function useDisclosure(id: string) {
  return useQuery({
    queryKey: ['public', 'disclosure', id],
    queryFn: () => api<TPublication>(`/api/public/disclosures/${encodeURIComponent(id)}`),
    // Right after publication the files are still being rendered: look again until they are listed.
    refetchInterval: (q) => (q.state.data !== undefined && q.state.data.files.length === 0 ? 5000 : false),
  });
}
