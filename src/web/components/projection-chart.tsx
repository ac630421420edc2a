/**
 * "Withdraw now" against "keep paying": the money each path has brought in by the end of every year,
 * with the break-even year marked. Loaded lazily, like every echarts chart.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS one hands a module object, not the component, to a bundler.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { ProjectionPoint } from '../../domain/law/projection.ts';
import { formatNumber, formatVnd } from '../format.ts';
import { useIsMobile } from './use-is-mobile.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const WITHDRAW = '#d4380d';
const KEEP = '#0d4a8f';

interface Props {
  series: readonly ProjectionPoint[];
  breakEvenYear: number | null;
}

export default function ProjectionChart({ series, breakEvenYear }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const years = series.map((p) => String(p.year));
  const withdrawName = t('calc.projection.withdraw');
  const keepName = t('calc.projection.keepPaying');
  // Axis ticks are round: whole millions, one decimal below ten million, a bare 0.
  const millions = (v: number) =>
    v === 0 ? '0' : t('calc.projection.millions', { n: formatNumber(v / 1e6, Math.abs(v) < 1e7 ? 1 : 0) });
  const option = {
    animation: false,
    color: [WITHDRAW, KEEP],
    legend: { top: 0, left: 0, itemGap: 12, textStyle: { fontSize: 12 } },
    grid: { left: 4, right: 12, top: isMobile ? 56 : 36, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = series[params[0]?.dataIndex ?? 0];
        if (!p) return '';
        return [
          `<b>${t('calc.projection.yearAge', { year: p.year, age: p.age })}</b>`,
          `<span style="color:${WITHDRAW}">●</span> ${withdrawName}: ${formatVnd(p.withdraw)}`,
          `<span style="color:${KEEP}">●</span> ${keepName}: ${formatVnd(p.keepPaying)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: years,
      boundaryGap: false,
      axisLabel: { fontSize: 11, hideOverlap: true },
    },
    yAxis: { type: 'value', axisLabel: { fontSize: 11, formatter: millions } },
    series: [
      {
        name: withdrawName,
        type: 'line',
        step: false,
        symbol: 'none',
        lineStyle: { width: 2.5 },
        data: series.map((p) => p.withdraw),
      },
      {
        name: keepName,
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 2.5 },
        data: series.map((p) => p.keepPaying),
        markLine:
          breakEvenYear === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#389e0d', type: 'dashed', width: 1.5 },
                label: {
                  formatter: t('calc.projection.breakEvenMark', { year: breakEvenYear }),
                  color: '#237804',
                  fontWeight: 600,
                  position: 'end',
                },
                data: [{ xAxis: String(breakEvenYear) }],
              },
      },
    ],
  };
  return (
    <figure className="chart calc-chart" aria-label={t('calc.projection.chartLabel')}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: isMobile ? 300 : 340 }} />
    </figure>
  );
}
