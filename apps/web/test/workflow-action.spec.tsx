import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { Providers } from '../src/app/providers';
import { useWorkflowAction } from '../src/lib/use-workflow-action';

interface TPost {
  path: string;
  key: string | undefined;
  answer(status: number): void;
}

/** A fetch whose answers the test gives, one POST at a time, keeping each request's Idempotency-Key. */
function heldApi(): TPost[] {
  const posts: TPost[] = [];
  const fetch = (path: string, init: RequestInit = {}) =>
    new Promise((resolve) => {
      const headers = init.headers as Record<string, string>;
      posts.push({
        path,
        key: headers['Idempotency-Key'],
        answer: (status) =>
          resolve({
            ok: status < 300,
            status,
            headers: { get: () => null },
            json: async () => (status < 300 ? { id: 'b1', action: 'submit', state: 'submitted', version: 4, revisionNo: 0 } : { status, code: status < 500 ? 'CONFLICT' : 'INTERNAL', detail: status < 500 ? '预算已被他人修改' : '服务暂不可用' }),
          }),
      });
    });
  Object.assign(globalThis, { fetch });
  return posts;
}

function SubmitButton() {
  const workflow = useWorkflowAction('b1');
  const [done, setDone] = useState(0);
  return (
    <>
      <button type="button" disabled={workflow.isPending} onClick={() => workflow.mutate({ action: 'submit', version: 3 }, { onSuccess: () => setDone((n) => n + 1) })}>
        提交
      </button>
      <output>{`已提交 ${done} 次`}</output>
      {workflow.error !== null && <p role="alert">{workflow.error.message}</p>}
    </>
  );
}

function renderButton() {
  render(
    <Providers client={new QueryClient()} locale="zh">
      <SubmitButton />
    </Providers>,
  );
  return screen.getByRole('button', { name: '提交' });
}

describe('a workflow button', () => {
  it('sends one POST for a double click, and a later click is a new action with a new key', async () => {
    const posts = heldApi();
    const button = renderButton();
    // Both clicks land before React Query tells the button it is pending.
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.doubleClick(button);
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ path: '/api/budgets/b1/submit', key: expect.stringMatching(/^[\w-]{8,}$/) });
    posts[0]!.answer(200);
    await screen.findByText('已提交 1 次');
    expect(posts).toHaveLength(1);

    fireEvent.click(button);
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]!.key).not.toBe(posts[0]!.key);
  });

  it('tries a failed action again under the same Idempotency-Key, so the API acts once', async () => {
    const posts = heldApi();
    fireEvent.click(renderButton());
    await waitFor(() => expect(posts).toHaveLength(1));
    posts[0]!.answer(503);
    await waitFor(() => expect(posts).toHaveLength(2), { timeout: 5000 });
    expect(posts[1]!.key).toBe(posts[0]!.key);
    posts[1]!.answer(200);
    await screen.findByText('已提交 1 次');
  });

  it('does not try again what the API refused (4xx): the person sees why', async () => {
    const posts = heldApi();
    fireEvent.click(renderButton());
    await waitFor(() => expect(posts).toHaveLength(1));
    posts[0]!.answer(409);
    expect((await screen.findByRole('alert')).textContent).toBe('预算已被他人修改');
    expect(posts).toHaveLength(1);
    expect(screen.getByText('已提交 0 次')).toBeTruthy();
  });
});
