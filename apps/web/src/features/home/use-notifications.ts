import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api-client';
import type { TNotification } from '../../lib/api-types';

/** The caller's notifications; an API without the route yet answers an empty list. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: async (): Promise<TNotification[]> => {
      try {
        const answer = await api<{ items: TNotification[] } | TNotification[]>('/api/notifications');
        return Array.isArray(answer) ? answer : answer.items;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    refetchInterval: 30_000,
  });
}
