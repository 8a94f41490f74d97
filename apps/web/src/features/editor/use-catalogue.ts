import { catalogueFromEdition, ZCatalogueEdition, type Catalogue } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const catalogueKey = (year: number) => ['catalogue', year] as const;

// Stable, so that react-query builds the catalogue once per answer, not once per render.
const toCatalogue = (answer: unknown): Catalogue => catalogueFromEdition(ZCatalogueEdition.parse(answer));

/**
 * The edition in force for a budget's fiscal year, as the API has it: an administrator's confirmed
 * upload, else the shipped (partial) edition. The code picker offers its codes and the editor's
 * live findings check against it, as the API's own do. null until it has arrived.
 */
export function useCatalogueInForce(fiscalYear: number | undefined): Catalogue | null {
  const query = useQuery({
    queryKey: catalogueKey(fiscalYear ?? 0),
    queryFn: () => api<unknown>(`/api/catalogue/${fiscalYear}`),
    enabled: fiscalYear !== undefined,
    staleTime: 5 * 60_000,
    select: toCatalogue,
  });
  return query.data ?? null;
}
