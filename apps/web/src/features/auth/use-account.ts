import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { TTotpEnrolment } from '../../lib/api-types';
import { SESSION_KEY } from './use-session';

/** Two-factor enrolment: a new secret (with its QR code), then its confirmation by a code. */
export function useTotpEnrolment() {
  const client = useQueryClient();
  const start = useMutation({ mutationFn: () => api<TTotpEnrolment>('/api/auth/totp/enrolment', { method: 'POST' }) });
  const confirm = useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('/api/auth/totp/enrolment/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
  return { start, confirm };
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api<void>('/api/auth/password', { method: 'POST', body: input }),
  });
}
