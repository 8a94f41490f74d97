import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api-client';
import type { TLoginAnswer, TSessionUser } from '../../lib/api-types';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null for a visitor (401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<TSessionUser | null> => {
      try {
        return await api<TSessionUser>('/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/**
 * What one person saw must not show for the next: every query but the session goes. The session
 * query itself stays (and is set), so that the header, which observes it, follows the change.
 */
function forgetOtherQueries(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string; totpCode?: string; recoveryCode?: string }) =>
      api<TLoginAnswer>('/api/auth/login', { method: 'POST', body: credentials }),
    onSuccess: (answer) => {
      forgetOtherQueries(client);
      client.setQueryData(SESSION_KEY, answer.user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      forgetOtherQueries(client);
      client.setQueryData(SESSION_KEY, null);
    },
  });
}
