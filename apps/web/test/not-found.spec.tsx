import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../src/app/providers';
import { routes } from '../src/app/router';
import { fakeApi, Problem } from './admin-fake-api';

/** The app's own routes at `url`, for a visitor who is not signed in. */
function openAt(url: string, locale: 'zh' | 'en' = 'zh') {
  fakeApi({ 'GET /api/auth/me': new Problem(401, 'UNAUTHENTICATED') });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <Providers client={client} locale={locale}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('an address no page answers', () => {
  it.each(['/nosuchpage', '/portal/nosuchpage/x/y'])('%s says the page does not exist, and leads back to the portal', async (url) => {
    const router = openAt(url);
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回列表' }).getAttribute('href')).toBe('/portal');
    // The address stays what was asked for: no silent jump to another page.
    expect(router.state.location.pathname).toBe(url);
  });

  it('says so in English in the English UI', async () => {
    openAt('/nosuchpage', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});
