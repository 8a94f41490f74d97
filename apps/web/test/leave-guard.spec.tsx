import './text-encoder.polyfill';
import './request.polyfill';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { useLeaveGuard } from '../src/features/editor/use-leave-guard';
import { I18nProvider } from '../src/lib/i18n';
import { ConfirmModal } from '../src/ui/confirm-modal';

/** A page with unsaved edits, asking as the editor does (its modal, its words). */
function EditingPage() {
  const [unsaved, setUnsaved] = useState(2);
  const leave = useLeaveGuard(unsaved > 0);
  return (
    <>
      <Link to="/desk">工作台</Link>
      <button type="button" onClick={() => setUnsaved(0)}>
        保存
      </button>
      {leave.state === 'blocked' && (
        <ConfirmModal
          title="有未保存的修改"
          confirmLabel="仍然离开"
          onConfirm={() => leave.proceed()}
          onCancel={() => leave.reset()}
        />
      )}
    </>
  );
}

function renderApp() {
  const router = createMemoryRouter(
    [
      { path: '/budgets/B1', element: <EditingPage /> },
      { path: '/desk', element: <h1>工作台页面</h1> },
    ],
    { initialEntries: ['/budgets/B1'] },
  );
  render(
    <I18nProvider initial="zh">
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

describe('leaving the editor with unsaved changes', () => {
  it('asks before following a link inside the app, and stays when told to', () => {
    const router = renderApp();
    fireEvent.click(screen.getByRole('link', { name: '工作台' }));
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(router.state.location.pathname).toBe('/budgets/B1');
    fireEvent.click(screen.getByRole('link', { name: '工作台' }));
    fireEvent.click(screen.getByRole('button', { name: '仍然离开' }));
    expect(screen.getByRole('heading', { name: '工作台页面' })).toBeTruthy();
  });

  it('has the browser ask on a reload or a closed tab, and neither once saved', () => {
    renderApp();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(unload()).toBe(false);
    fireEvent.click(screen.getByRole('link', { name: '工作台' }));
    expect(screen.getByRole('heading', { name: '工作台页面' })).toBeTruthy();
  });
});
