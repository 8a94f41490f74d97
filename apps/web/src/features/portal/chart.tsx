import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';

/** ECharts (only the parts the portal uses) is loaded when a chart is first shown. */
const loadEcharts = async () => (await import('./echarts-setup')).echarts;
type TEchartsInstance = ReturnType<Awaited<ReturnType<typeof loadEcharts>>['init']>;

/**
 * Calls `draw` once the element comes near the viewport (at once where the browser cannot tell).
 * A chart below the first screen is drawn when scrolled to, not while the visitor is clicking
 * through the drill-down above it; answers a function that cancels the wait.
 */
function whenNearViewport(element: Element, draw: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    draw();
    return () => undefined;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      draw();
    },
    { rootMargin: '100px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/** Runs `fn` when the browser is idle (within half a second), or in the next task where it cannot tell. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 0);
}

/**
 * One chart, drawn in SVG, with its figures as a table one click away (and read by screen
 * readers, for whom the picture is decoration). `onPick` gets the index of the clicked item.
 */
export function Chart({
  title,
  option,
  headers,
  rows,
  onPick,
}: {
  title: string;
  option: Record<string, unknown>;
  /** The chart's figures as a table; absent where the page shows that table itself (the drill-down). */
  headers?: string[];
  rows?: string[][];
  onPick?: (index: number) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // Without the chart's script (blocked, offline, failed to load) the table is the chart.
  const [unavailable, setUnavailable] = useState(false);
  // One ECharts instance for the chart's life: a new option (the drill-down's next step) is set on
  // it, not drawn by a new instance; the latest option and onPick are what it is first drawn with.
  const chart = useRef<TEchartsInstance | undefined>(undefined);
  const latest = useRef({ option, onPick });
  useEffect(() => {
    latest.current.onPick = onPick;
  }, [onPick]);
  useEffect(() => {
    latest.current.option = option;
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    let disposed = false;
    const onResize = () => chart.current?.resize();
    const draw = () =>
      void loadEcharts().then(
        // Each chart drawn in a task of its own when the page is idle: charts that come into view
        // together (the drill-down's table shrinking) leave room for a click between them.
        (echarts) =>
          whenIdle(() => {
            if (disposed) return;
            const instance = echarts.init(element, undefined, { renderer: 'svg' });
            // No animation: the charts are read, printed and captured, never watched.
            instance.setOption({ animation: false, ...latest.current.option });
            instance.on('click', (p: { dataIndex?: number }) => {
              if (p.dataIndex !== undefined) latest.current.onPick?.(p.dataIndex);
            });
            chart.current = instance;
            window.addEventListener('resize', onResize);
          }),
        () => setUnavailable(true),
      );
    const stop = whenNearViewport(element, draw);
    return () => {
      disposed = true;
      stop();
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {!unavailable && <div ref={ref} className="chart-canvas" aria-hidden="true" />}
      {headers !== undefined && rows !== undefined && (
        <details className="chart-table" open={unavailable}>
          <summary>{t('chartAsTable')}</summary>
          <table className="list">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row[0]}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
