import { useQuery } from '@tanstack/react-query';
import { Select, Skeleton, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { coverageRatio } from '../components/coverage.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import type { DenominatorList } from '../types.ts';
import { DenominatorImport } from './denominators.import.tsx';
import { DenominatorTable } from './denominators.table.tsx';

const CoverageChart = lazy(() => import('../components/coverage-chart.tsx'));
const LATEST = 'latest';

export function DenominatorsPage() {
  const { can } = useAuth();
  return (
    <RequirePermission permission="denominators.read">
      <Denominators />
      {can('denominators.import') && <DenominatorImport />}
    </RequirePermission>
  );
}

function Denominators() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string>(LATEST);
  const query = useQuery({
    queryKey: ['denominators', asOf],
    queryFn: () => api.get<DenominatorList>('/denominators', { asOf: asOf === LATEST ? undefined : asOf }),
  });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const withData = items.filter((d) => coverageRatio(d) !== null);
  const totals = withData.reduce(
    (sum, d) => ({
      labourForce: sum.labourForce + (d.labourForce ?? 0),
      compulsoryParticipants: sum.compulsoryParticipants + (d.compulsoryParticipants ?? 0),
      voluntaryOutside: sum.voluntaryOutside + (d.voluntaryOutside ?? 0),
    }),
    { labourForce: 0, compulsoryParticipants: 0, voluntaryOutside: 0 },
  );

  const dateOptions = [
    { value: LATEST, label: t('denominators.latest') },
    ...(query.data?.dates ?? []).map((d) => ({
      value: d.asOf,
      label: t('denominators.dateOption', { date: formatDate(d.asOf), n: formatNumber(d.provinces) }),
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('denominators.title')}
        subtitle={t('denominators.subtitle')}
        extra={
          <Select
            aria-label={t('denominators.asOf')}
            value={asOf}
            onChange={setAsOf}
            options={dateOptions}
            popupMatchSelectWidth={false}
            className="asof-select"
          />
        }
      />
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : withData.length === 0 ? (
        <EmptyState description={t('denominators.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('denominators.national', {
              coverage: formatPercent(coverageRatio(totals)),
              compulsory: formatNumber(totals.compulsoryParticipants),
              labour: formatNumber(totals.labourForce),
              n: formatNumber(withData.length),
            })}
          </Typography.Paragraph>
          <Tabs
            destroyOnHidden
            items={[
              {
                key: 'table',
                label: t('denominators.tabTable'),
                children: <DenominatorTable items={items} totals={totals} loading={query.isFetching} />,
              },
              {
                key: 'chart',
                label: t('denominators.tabChart'),
                children: (
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                    <CoverageChart items={items} />
                  </Suspense>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
