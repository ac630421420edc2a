/**
 * Coverage of the working-age labour force as of any day: participants and their share, the
 * voluntary ones and theirs, household HI, and the growth against the same day a year earlier.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Coverage, CoverageGrowth, CoverageRow } from '../components/campaign-types.ts';
import { LoadError } from '../components/query-state.tsx';
import { useDay } from '../components/use-day.ts';
import { DATE_FORMAT, formatDate, formatNumber, formatPercent, vietnamToday } from '../format.ts';

/** 0.0277 → "+2,77%"; nothing to compare with → "—". */
export function formatGrowth(ratio: number | null): string {
  if (ratio === null) return '—';
  return `${ratio >= 0 ? '+' : '−'}${formatPercent(Math.abs(ratio))}`;
}

/** The figures of a coverage row, as a definition list: shared by the dashboard and the bulletin. */
export function CoverageFacts({
  row,
  lastYearAsOf,
}: {
  row: Omit<CoverageRow, 'code' | 'name'>;
  lastYearAsOf: string;
}) {
  const { t } = useTranslation();
  const growth: CoverageGrowth = row.growth;
  const facts: [string, string][] = [
    [t('campaigns.coverage.labourForce'), formatNumber(row.labourForce)],
    [
      t('campaigns.coverage.participants'),
      row.participants === null
        ? '—'
        : t('campaigns.coverage.ofLabourForce', {
            n: formatNumber(row.participants),
            share: formatPercent(row.coverage),
          }),
    ],
    [t('campaigns.coverage.compulsory'), formatNumber(row.compulsory)],
    [
      t('campaigns.coverage.voluntary'),
      row.voluntaryShare === null
        ? formatNumber(row.voluntary)
        : t('campaigns.coverage.ofParticipants', {
            n: formatNumber(row.voluntary),
            share: formatPercent(row.voluntaryShare),
          }),
    ],
    [t('campaigns.coverage.householdHi'), formatNumber(row.householdHi)],
    [
      t('campaigns.coverage.growth', { date: formatDate(lastYearAsOf) }),
      row.lastYear
        ? t('campaigns.coverage.growthLine', {
            participants: formatGrowth(growth.participants),
            voluntary: formatGrowth(growth.voluntary),
            householdHi: formatGrowth(growth.householdHi),
          })
        : t('campaigns.coverage.noLastYear'),
    ],
  ];
  return (
    <dl className="camp-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CoverageCard({
  query,
  row,
  day,
  onDay,
}: {
  query: UseQueryResult<Coverage>;
  /** The place's row: the country, or a province; undefined while loading. */
  row: CoverageRow | undefined;
  day: string;
  onDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const value = useDay(day);
  return (
    <Card
      size="small"
      title={row ? t('campaigns.coverage.titleOf', { name: row.name }) : t('campaigns.coverage.title')}
      className="camp-card"
      extra={
        <DatePicker
          size="small"
          aria-label={t('campaigns.coverage.asOf')}
          format={DATE_FORMAT}
          allowClear={false}
          value={value}
          onChange={(d) => d && onDay(d.format('YYYY-MM-DD'))}
          disabledDate={(d) => d.isAfter(dayjs(vietnamToday()), 'day')}
        />
      }
    >
      {query.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 4 }} />
      ) : query.error && !query.data ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : row ? (
        <section aria-label={t('campaigns.coverage.title')}>
          {row.labourForce === null && (
            <Alert
              type="info"
              showIcon
              className="camp-note"
              title={t('campaigns.coverage.noDenominators')}
            />
          )}
          <CoverageFacts row={row} lastYearAsOf={query.data.lastYearAsOf} />
        </section>
      ) : (
        <p className="muted">{t('campaigns.coverage.outside')}</p>
      )}
    </Card>
  );
}
