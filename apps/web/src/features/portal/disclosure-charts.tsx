import type { TDisclosure } from '@budgetflow/domain';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../lib/i18n';
import { basicAgainstProject, expenditureByFunction, yearOverYear } from './chart-data';

/** ECharts (only the parts the portal uses) is loaded when the charts are first shown. */
const loadEcharts = async () => (await import('./echarts-setup')).echarts;

const label = { show: true, formatter: (p: { data: { text: string } }) => p.data.text };

/**
 * One chart, drawn in SVG; the figures it draws are also in a table that screen readers read
 * (the picture itself is decoration for them).
 */
function Chart({
  title,
  option,
  headers,
  rows,
}: {
  title: string;
  option: Record<string, unknown>;
  headers: string[];
  rows: string[][];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void loadEcharts().then((echarts) => {
      if (disposed || ref.current === null) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
      // No animation: the charts are read, printed and captured, never watched.
      instance.setOption({ animation: false, ...option });
      chart = instance;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} className="chart-canvas" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{title}</caption>
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
              {row.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export default function DisclosureCharts({ disclosure }: { disclosure: TDisclosure }) {
  const { t } = useI18n();
  const { byFunction, split, years } = useMemo(
    () => ({
      byFunction: expenditureByFunction(disclosure),
      split: basicAgainstProject(disclosure, { basic: t('basic'), project: t('projectSpend') }),
      years: yearOverYear(disclosure, t('totalExpenditure')),
    }),
    [disclosure, t],
  );
  return (
    <section className="charts" aria-label={t('charts')}>
      <Chart
        title={t('inWan', { title: t('chartByFunction') })}
        option={{
          tooltip: {},
          grid: { left: 160, right: 40 },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: byFunction.map((p) => p.name) },
          series: [{ type: 'bar', data: byFunction, label: { ...label, position: 'right' } }],
        }}
        headers={[t('functionCode'), t('unitWan')]}
        rows={byFunction.map((p) => [p.name, p.text])}
      />
      <Chart
        title={t('inWan', { title: t('chartBasicProject') })}
        option={{
          tooltip: {},
          legend: { bottom: 0 },
          series: [{ type: 'pie', radius: ['35%', '65%'], data: split, label }],
        }}
        headers={[t('kind'), t('unitWan')]}
        rows={split.map((p) => [p.name, p.text])}
      />
      {years.length > 0 && (
        <Chart
          title={t('inWan', { title: t('chartYearOverYear') })}
          option={{
            tooltip: {},
            legend: { bottom: 0 },
            xAxis: { type: 'category', data: years.map((y) => y.name) },
            yAxis: { type: 'value' },
            series: [
              {
                type: 'bar',
                name: t('lastYear'),
                data: years.map((y) => y.lastYear),
                label: { ...label, position: 'top' },
              },
              {
                type: 'bar',
                name: t('thisYear'),
                data: years.map((y) => y.thisYear),
                label: { ...label, position: 'top' },
              },
            ],
          }}
          headers={['', t('lastYear'), t('thisYear')]}
          rows={years.map((y) => [y.name, y.lastYear.text, y.thisYear.text])}
        />
      )}
    </section>
  );
}
