import type { TBreakdownView } from '@budgetflow/domain';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { Chart } from './chart';
import { chartPoint } from './chart-data';
import { exploreHref } from './explore-href';

/** The drill-down's rows as bars; a bar opens its row, as the row's link does. */
export default function ExploreChart({ view }: { view: TBreakdownView }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const points = useMemo(
    () => view.rows.map((r) => chartPoint(r.name, r.total)),
    [view],
  );
  const option = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 8, right: 48, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: points.map((p) => p.name),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: points,
          label: { show: true, position: 'right', formatter: (p: { data: { text: string } }) => p.data.text },
        },
      ],
    }),
    [points],
  );
  const onPick = useCallback(
    (i: number) => {
      const row = view.rows[i];
      if (row !== undefined && view.rowLevel !== undefined)
        void navigate(exploreHref(view.by, [...view.path.map((s) => s.code), row.code]));
    },
    [view, navigate],
  );
  // The drill-down's table below is this chart's table.
  return <Chart title={t('inWan', { title: t('exploreTitle') })} option={option} onPick={onPick} />;
}
