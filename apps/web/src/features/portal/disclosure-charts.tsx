import type { TDisclosure } from '@budgetflow/domain';
import { memo, useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { basicAgainstProject, expenditureByFunction, yearOverYear } from './chart-data';
import { Chart } from './chart';
import { exploreHref } from './explore-href';

const label = { show: true, formatter: (p: { data: { text: string } }) => p.data.text };

/** The disclosure's three charts; a bar of the 功能 chart opens that 类 in the drill-down. */
export default memo(function DisclosureCharts({ disclosure }: { disclosure: TDisclosure }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // The options as well as the figures are memoised: this component reads the route (useNavigate),
  // so it renders again on every step of the drill-down, and a new option redraws its chart.
  const { byFunction, split, years, options } = useMemo(() => {
    const byFunction = expenditureByFunction(disclosure);
    const split = basicAgainstProject(disclosure, { basic: t('basic'), project: t('projectSpend') });
    const years = yearOverYear(disclosure, t('totalExpenditure'));
    return { byFunction, split, years, options: chartOptions(byFunction, split, years, t) };
  }, [disclosure, t]);
  const pickFunction = useCallback(
    (i: number) => {
      const code = byFunction[i]?.code;
      if (code !== undefined) void navigate(exploreHref('function', [code]));
    },
    [byFunction, navigate],
  );
  return (
    <section className="charts" aria-label={t('charts')}>
      <Chart
        title={t('inWan', { title: t('chartByFunction') })}
        option={options.byFunction}
        headers={[t('functionCode'), t('unitWan')]}
        rows={byFunction.map((p) => [p.name, p.text])}
        onPick={pickFunction}
      />
      <Chart
        title={t('inWan', { title: t('chartBasicProject') })}
        option={options.split}
        headers={[t('kind'), t('unitWan')]}
        rows={split.map((p) => [p.name, p.text])}
      />
      {years.length > 0 && (
        <Chart
          title={t('inWan', { title: t('chartYearOverYear') })}
          option={options.years}
          headers={['', t('lastYear'), t('thisYear')]}
          rows={years.map((y) => [y.name, y.lastYear.text, y.thisYear.text])}
        />
      )}
    </section>
  );
});

/** The three charts' ECharts options, made once per disclosure. */
function chartOptions(
  byFunction: ReturnType<typeof expenditureByFunction>,
  split: ReturnType<typeof basicAgainstProject>,
  years: ReturnType<typeof yearOverYear>,
  t: ReturnType<typeof useI18n>['t'],
) {
  return {
    byFunction: {
      tooltip: {},
      grid: { left: 160, right: 40 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: byFunction.map((p) => p.name) },
      series: [{ type: 'bar', data: byFunction, label: { ...label, position: 'right' } }],
    },
    split: {
      tooltip: {},
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: split, label }],
    },
    years: {
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
    },
  };
}
