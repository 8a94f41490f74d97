import type { TBudgetJob } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { Providers } from '../src/app/providers';
import { budgetKey } from '../src/features/editor/use-budget-editor';
import { BudgetJobsPanel } from '../src/features/jobs/budget-jobs-panel';
import { JOBS_POLL_MS } from '../src/features/jobs/use-budget-jobs';

const BUDGET = '6f1c9a52-0d8e-4c59-9a43-1b2d3e4f5a6b';
/** The topics as the API writes them. */
const TOTALS = 'budget.totals';
const RENDER = 'budget.render-publication';

/** jsdom has no EventSource: this one records what the hook opened and sends what a test says. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  private readonly listeners = new Map<string, ((event: { data?: string }) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: { data?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** The server's `jobs` event, as the API writes it. */
  sendJobs(items: TBudgetJob[]): void {
    act(() => this.listeners.get('jobs')?.forEach((l) => l({ data: JSON.stringify({ items }) })));
  }

  fail(): void {
    act(() => this.listeners.get('error')?.forEach((l) => l({})));
  }
}

function job(
  id: string,
  topic: string,
  state: TBudgetJob['state'],
  more: Partial<TBudgetJob> = {},
): TBudgetJob {
  return {
    id,
    topic,
    state,
    createdAt: '2020-03-01T08:00:00.000Z',
    doneAt: state === 'done' ? '2020-03-01T08:00:02.000Z' : null,
    attempts: state === 'waiting' ? 0 : 1,
    failedReason: null,
    ...more,
  };
}

let client: QueryClient;

beforeEach(() => {
  FakeEventSource.opened = [];
  Object.assign(globalThis, { EventSource: FakeEventSource });
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The budget as the desk read it: the query a finished recompute must make stale.
  client.setQueryData(budgetKey(BUDGET), { id: BUDGET });
});

afterEach(() => {
  jest.useRealTimers();
  client.clear();
});

function renderPanel() {
  const view = render(
    <Providers client={client} locale="zh">
      <BudgetJobsPanel budgetId={BUDGET} />
    </Providers>,
  );
  const stream = FakeEventSource.opened.at(-1);
  if (stream === undefined) throw new Error('the panel opened no event stream');
  return { ...view, stream };
}

/** What the panel says of the jobs under way (its live region). */
const status = () => screen.getByRole('status').textContent;

describe('the background jobs panel', () => {
  it("listens to the budget's event stream while it is shown, and no longer", () => {
    const { stream, unmount } = renderPanel();
    expect(stream.url).toBe(`/api/budgets/${BUDGET}/events`);
    expect(stream.closed).toBe(false);
    unmount();
    expect(stream.closed).toBe(true);
  });

  it('says the totals are being recomputed while the job waits or runs, and stops once it is done', async () => {
    const { stream } = renderPanel();
    stream.sendJobs([job('7', TOTALS, 'waiting'), job('6', TOTALS, 'done')]);
    await waitFor(() => expect(status()).toBe('正在重新计算合计…'));
    stream.sendJobs([job('7', TOTALS, 'done'), job('6', TOTALS, 'done')]);
    await waitFor(() => expect(status()).toBe(''));
    // The next edit's recompute, already handed to a worker.
    stream.sendJobs([job('8', TOTALS, 'queued'), job('7', TOTALS, 'done'), job('6', TOTALS, 'done')]);
    await waitFor(() => expect(status()).toBe('正在重新计算合计…'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('makes the budget be read again when a recompute finishes, not before', () => {
    const { stream } = renderPanel();
    const budgetIsStale = () => client.getQueryState(budgetKey(BUDGET))?.isInvalidated;
    // What was already done when the desk opened is in the budget it read.
    stream.sendJobs([job('6', TOTALS, 'done')]);
    expect(budgetIsStale()).toBe(false);
    stream.sendJobs([job('7', TOTALS, 'queued'), job('6', TOTALS, 'done')]);
    expect(budgetIsStale()).toBe(false);
    stream.sendJobs([job('7', TOTALS, 'done'), job('6', TOTALS, 'done')]);
    expect(budgetIsStale()).toBe(true);
  });

  it('reads the budget again for a recompute that started and finished between two events', () => {
    const { stream } = renderPanel();
    stream.sendJobs([job('6', TOTALS, 'done')]);
    stream.sendJobs([job('8', TOTALS, 'done'), job('6', TOTALS, 'done')]);
    expect(client.getQueryState(budgetKey(BUDGET))?.isInvalidated).toBe(true);
  });

  it('shows a failed job and its reason as an error', async () => {
    const { stream } = renderPanel();
    stream.sendJobs([
      job('9', RENDER, 'failed', { attempts: 5, failedReason: 'PDF 字体缺失' }),
      job('7', TOTALS, 'done'),
    ]);
    const failure = await screen.findByRole('alert');
    expect(failure.textContent).toBe('后台任务失败：PDF 字体缺失（生成公开文件，已尝试 5 次）');
    expect(failure.className).toContain('error');
  });

  it('stops showing a failed recompute once a later one is done', async () => {
    const { stream } = renderPanel();
    const failed = job('7', TOTALS, 'failed', { attempts: 3, failedReason: 'deadlock detected' });
    stream.sendJobs([job('8', TOTALS, 'queued'), failed]);
    expect((await screen.findByRole('alert')).textContent).toContain('deadlock detected');
    stream.sendJobs([job('8', TOTALS, 'done'), failed]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('tells whether the publication files are being generated or ready', async () => {
    const { stream } = renderPanel();
    stream.sendJobs([job('12', RENDER, 'queued'), job('11', 'budget.notify', 'done')]);
    await waitFor(() => expect(status()).toBe('正在生成公开文件…'));
    stream.sendJobs([job('12', RENDER, 'done'), job('11', 'budget.notify', 'done')]);
    await waitFor(() => expect(status()).toMatch(/^公开文件已生成（2020-03-01 \d\d:00）$/));
  });

  it('asks for the jobs every few seconds once the stream fails', async () => {
    jest.useFakeTimers();
    const answers = [
      { items: [job('7', TOTALS, 'queued'), job('6', TOTALS, 'done')] },
      { items: [job('7', TOTALS, 'done'), job('6', TOTALS, 'done')] },
    ];
    const fetch = jest.fn(async () => ({
      ok: true,
      status: 200,
      headers: { get: () => null },
      json: async () => answers[Math.min(fetch.mock.calls.length, answers.length) - 1],
    }));
    Object.assign(globalThis, { fetch });
    const { stream } = renderPanel();
    stream.sendJobs([job('6', TOTALS, 'done')]);
    stream.fail();

    expect(stream.closed).toBe(true);
    await waitFor(() => expect(status()).toBe('正在重新计算合计…'));
    expect(fetch).toHaveBeenCalledWith(
      `/api/budgets/${BUDGET}/jobs`,
      expect.objectContaining({ method: 'GET' }),
    );

    await act(async () => jest.advanceTimersByTimeAsync(JOBS_POLL_MS));
    expect(fetch).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(status()).toBe(''));
    expect(client.getQueryState(budgetKey(BUDGET))?.isInvalidated).toBe(true);
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
