/**
 * A campaign day by day: registrations each day as bars, the running total as a line and, when a
 * target is set, the straight line the total should follow to reach it on the last day. Loaded
 * lazily, like every echarts chart.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS one hands a module object, not the component, to a bundler.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../format.ts';
import type { TrendPoint } from '../pages/campaigns.model.ts';
import { useIsMobile } from './use-is-mobile.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const DAILY = '#7aa7d9';
const TOTAL = '#0d4a8f';
const PACE = '#d4380d';

interface Props {
  points: readonly TrendPoint[];
  /** The running total on track for the target, one value per point; absent without a target. */
  pace?: readonly number[] | undefined;
}

export default function TrendChart({ points, pace }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const option = useMemo(() => {
    const dailyName = t('campaigns.trend.daily');
    const totalName = t('campaigns.trend.cumulative');
    const paceName = t('campaigns.trend.pace');
    return {
      animation: false,
      color: [DAILY, TOTAL, PACE],
      legend: { top: 0, left: 0, itemGap: 12, textStyle: { fontSize: 12 } },
      grid: { left: 4, right: 4, top: isMobile ? 52 : 32, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const i = params[0]?.dataIndex ?? 0;
          const p = points[i];
          if (!p) return '';
          return [
            `<b>${formatDate(p.day)}</b>`,
            `${dailyName}: ${formatNumber(p.enrollments)}`,
            `${totalName}: ${formatNumber(p.cumulative)}`,
            ...(pace?.[i] !== undefined ? [`${paceName}: ${formatNumber(pace[i])}`] : []),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: points.map((p) => formatDate(p.day).slice(0, 5)),
        axisLabel: { fontSize: 11, hideOverlap: true },
      },
      yAxis: [
        {
          type: 'value',
          minInterval: 1,
          axisLabel: { fontSize: 11, formatter: (v: number) => formatNumber(v) },
        },
        {
          type: 'value',
          minInterval: 1,
          splitLine: { show: false },
          axisLabel: { fontSize: 11, formatter: (v: number) => formatNumber(v) },
        },
      ],
      series: [
        { name: dailyName, type: 'bar', data: points.map((p) => p.enrollments), barMaxWidth: 18 },
        {
          name: totalName,
          type: 'line',
          yAxisIndex: 1,
          symbol: 'none',
          lineStyle: { width: 2.5 },
          data: points.map((p) => p.cumulative),
        },
        ...(pace
          ? [
              {
                name: paceName,
                type: 'line',
                yAxisIndex: 1,
                symbol: 'none',
                lineStyle: { width: 1.5, type: 'dashed' },
                data: pace,
              },
            ]
          : []),
      ],
    };
  }, [points, pace, isMobile, t]);
  return (
    <figure className="chart" aria-label={t('campaigns.trend.label')}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: isMobile ? 260 : 300 }} />
    </figure>
  );
}
