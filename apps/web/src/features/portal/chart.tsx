import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';

/** ECharts (only the parts the portal uses) is loaded when a chart is first shown. */
const loadEcharts = async () => (await import('./echarts-setup')).echarts;

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
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void loadEcharts().then(
      (echarts) => {
        if (disposed || ref.current === null) return;
        const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
        // No animation: the charts are read, printed and captured, never watched.
        instance.setOption({ animation: false, ...option });
        if (onPick !== undefined)
          instance.on(
            'click',
            (p: { dataIndex?: number }) => p.dataIndex !== undefined && onPick(p.dataIndex),
          );
        chart = instance;
        window.addEventListener('resize', onResize);
      },
      () => setUnavailable(true),
    );
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option, onPick]);
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
