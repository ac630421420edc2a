/**
 * Coverage of the labour force by compulsory social insurance, one bar per province. Loaded
 * lazily: echarts is large and only this chart needs it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS one hands a module object, not the component, to a bundler.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../format.ts';
import type { DenominatorItem } from '../types.ts';
import { coverageRatio } from './coverage.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function CoverageChart({ items }: { items: DenominatorItem[] }) {
  const { t } = useTranslation();
  const rows = items
    .flatMap((d) => {
      const ratio = coverageRatio(d);
      return ratio === null ? [] : [{ name: d.provinceName, ratio, d }];
    })
    .sort((a, b) => a.ratio - b.ratio);
  const option = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        if (!row) return '';
        return [
          `<b>${row.name}</b>`,
          `${t('denominators.coverage')}: ${formatPercent(row.ratio)}`,
          `${t('denominators.compulsory')}: ${formatNumber(row.d.compulsoryParticipants)}`,
          `${t('denominators.labourForce')}: ${formatNumber(row.d.labourForce)}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumber(v * 100)}%` } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.ratio),
        itemStyle: { color: '#0d4a8f', borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => formatPercent(p.value, 1),
        },
        barMaxWidth: 18,
      },
    ],
  };
  return (
    <figure className="chart" aria-label={t('denominators.chartLabel')}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: Math.max(320, rows.length * 24 + 40) }}
      />
    </figure>
  );
}
