import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface TDelegation {
  id: string;
  delegator: string;
  delegatorName: string;
  delegate: string;
  delegateName: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  revoked: boolean;
}

export interface TColleague {
  username: string;
  displayName: string;
  office: string | null;
}

export interface TNewDelegation {
  delegate: string;
  startsOn: string;
  endsOn: string;
  reason?: string;
}

const KEY = ['delegations'] as const;

/** The delegations the reviewer gave or received. */
export function useDelegations() {
  return useQuery({ queryKey: KEY, queryFn: () => api<{ items: TDelegation[] }>('/api/delegations') });
}

/** The colleagues of the reviewer's finance bureau they may delegate to. */
export function useColleagues() {
  return useQuery({ queryKey: [...KEY, 'colleagues'], queryFn: () => api<{ items: TColleague[] }>('/api/delegations/colleagues') });
}

export function useDelegate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewDelegation) => api<TDelegation>('/api/delegations', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/delegations/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
