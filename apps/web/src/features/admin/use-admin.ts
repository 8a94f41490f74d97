import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type TRequestOptions } from '../../lib/api-client';
import type { TAdminDepartment, TAdminUser, TDeadJob, TFiscalYear, TUserSession } from './admin-types';

export const useAdminUsers = () => useQuery({ queryKey: ['admin', 'users'], queryFn: () => api<TAdminUser[]>('/api/users') });
export const useAdminDepartments = () => useQuery({ queryKey: ['admin', 'departments'], queryFn: () => api<TAdminDepartment[]>('/api/departments') });
export const useUnits = (departmentId: string | null) =>
  useQuery({
    queryKey: ['admin', 'units', departmentId],
    queryFn: () => api<TAdminDepartment[]>(`/api/departments/${departmentId}/units`),
    enabled: departmentId !== null,
  });
export const useFiscalYears = () => useQuery({ queryKey: ['admin', 'fiscal-years'], queryFn: () => api<TFiscalYear[]>('/api/fiscal-years') });
export const useSessions = (userId: string) => useQuery({ queryKey: ['admin', 'sessions', userId], queryFn: () => api<TUserSession[]>(`/api/users/${userId}/sessions`) });
export const useFailedJobs = () => useQuery({ queryKey: ['admin', 'jobs'], queryFn: () => api<{ items: TDeadJob[] }>('/api/admin/jobs/failed') });

/** A change through the API that, once it succeeds, refreshes what the admin desk shows. */
export function useAdminChange<TInput>(request: (input: TInput) => [string, TRequestOptions]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => api<unknown>(...request(input)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}
