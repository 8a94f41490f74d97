import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SESSION_KEY } from '../features/auth/use-session';
import { ApiError, retryTransient } from '../lib/api-client';
import { I18nProvider, type TLocale } from '../lib/i18n';

/** A session that expired (or was signed out elsewhere) sends the person to sign in again. */
function signedOutOn401(client: () => QueryClient) {
  return (error: Error) => {
    if (error instanceof ApiError && error.status === 401) client().setQueryData(SESSION_KEY, null);
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: signedOutOn401(() => client) }),
    mutationCache: new MutationCache({ onError: signedOutOn401(() => client) }),
    defaultOptions: { queries: { retry: retryTransient, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });
  return client;
}

export function Providers({
  children,
  client,
  locale,
}: {
  children: ReactNode;
  client?: QueryClient;
  locale?: TLocale;
}) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider {...(locale === undefined ? {} : { initial: locale })}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
