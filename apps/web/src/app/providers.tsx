import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { I18nProvider, type TLocale } from '../lib/i18n';

/** A client error (4xx) will not change by asking again; a network or server error may. */
function retry(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: false }, mutations: { retry: false } } });
}

export function Providers({ children, client, locale }: { children: ReactNode; client?: QueryClient; locale?: TLocale }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider {...(locale === undefined ? {} : { initial: locale })}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
