import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link, MemoryRouter, useLocation } from 'react-router';
import { Providers } from '../src/app/providers';
import { Chart } from '../src/features/portal/chart';
import DisclosureCharts from '../src/features/portal/disclosure-charts';
import { seedDocument } from './budget-fixture';

/** ECharts stood in for: what the chart asked of it. */
const instances: {
  options: unknown[];
  notMerge: boolean[];
  disposed: boolean;
  click?: (p: { dataIndex?: number }) => void;
}[] = [];
jest.mock('../src/features/portal/echarts-setup', () => ({
  echarts: {
    init: () => {
      const instance: (typeof instances)[number] = { options: [], notMerge: [], disposed: false };
      instances.push(instance);
      return {
        setOption: (option: unknown, opts?: { notMerge?: boolean }) => {
          instance.options.push(option);
          instance.notMerge.push(opts?.notMerge === true);
        },
        on: (_event: string, handler: (p: { dataIndex?: number }) => void) => {
          instance.click = handler;
        },
        resize: () => undefined,
        dispose: () => {
          instance.disposed = true;
        },
      };
    },
  },
}));

const client = new QueryClient();
const ui = (option: Record<string, unknown>, onPick?: (i: number) => void) => (
  <Providers client={client} locale="zh">
    <Chart title="图" option={option} onPick={onPick} />
  </Providers>
);
/** The chart's script loads and its drawing, put off until the page is idle, runs. */
const drawn = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

beforeEach(() => {
  instances.length = 0;
});

describe('a portal chart', () => {
  it('is drawn once and takes a new option on the same instance: a drill-down step redraws no chart from scratch', async () => {
    const first = { series: [{ type: 'bar', data: [1] }] };
    const picked: string[] = [];
    const view = render(ui(first, (i) => picked.push(`a${i}`)));
    await drawn();
    expect(instances).toHaveLength(1);
    expect(instances[0]?.options).toEqual([{ animation: false, ...first }]);

    // The same option again (a page rendering again around it) asks nothing of ECharts.
    view.rerender(ui(first, (i) => picked.push(`a${i}`)));
    await drawn();
    expect(instances[0]?.options).toHaveLength(1);

    const next = { series: [{ type: 'bar', data: [2, 3] }] };
    view.rerender(ui(next, (i) => picked.push(`b${i}`)));
    await drawn();
    expect(instances).toHaveLength(1);
    expect(instances[0]?.options.at(-1)).toEqual({ animation: false, ...next });
    expect(instances[0]?.notMerge.at(-1)).toBe(true);
    // A click on a bar goes to the onPick of the view now shown.
    instances[0]?.click?.({ dataIndex: 1 });
    expect(picked).toEqual(['b1']);

    view.unmount();
    expect(instances[0]?.disposed).toBe(true);
  });

  it('waits until it comes near the viewport where the browser can tell', async () => {
    let enter: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    const observed: Element[] = [];
    const original = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        enter = callback;
      }
      observe(element: Element) {
        observed.push(element);
      }
      disconnect() {}
    };
    try {
      render(ui({ series: [] }));
      await drawn();
      expect(observed).toHaveLength(1);
      expect(instances).toHaveLength(0);
      act(() => enter?.([{ isIntersecting: false }]));
      await drawn();
      expect(instances).toHaveLength(0);
      act(() => enter?.([{ isIntersecting: true }]));
      await drawn();
      expect(instances).toHaveLength(1);
    } finally {
      (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = original;
    }
  });

  it("of the disclosure's three, none is drawn again when the drill-down's address changes", async () => {
    const seed = seedDocument();
    const disclosure = deriveDisclosure(seed, catalogueForYear(seed.fiscalYear));
    function Where() {
      return <p data-testid="where">{useLocation().search}</p>;
    }
    render(
      <Providers client={client} locale="zh">
        <MemoryRouter initialEntries={['/portal/x']}>
          <Link to="?by=function&path=201#explore">201</Link>
          <Where />
          <DisclosureCharts disclosure={disclosure} />
        </MemoryRouter>
      </Providers>,
    );
    await drawn();
    expect(instances).toHaveLength(3);
    fireEvent.click(screen.getByRole('link', { name: '201' }));
    await drawn();
    expect(screen.getByTestId('where').textContent).toBe('?by=function&path=201');
    expect(instances).toHaveLength(3);
    expect(instances.map((i) => i.options.length)).toEqual([1, 1, 1]);
  });
});
