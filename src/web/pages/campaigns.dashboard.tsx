/**
 * The live campaign dashboard at every level: the country, a province (a tap on the map), a unit
 * or a commune (picked in the province), an agent (a tap in a leaderboard). The level is in the
 * address; without one the viewer sees their own. The moving figures are asked for every second,
 * the map, leaderboards and counters every few seconds, coverage once a minute.
 */
import { WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Alert, Card, Segmented, Skeleton, Statistic, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import {
  type Campaign,
  type Coverage,
  campaignKeys,
  type Dashboard,
  type DashboardLive,
} from '../components/campaign-types.ts';
import { PaceBar } from '../components/pace-bar.tsx';
import { LoadError } from '../components/query-state.tsx';
import type { Product } from '../components/registry-types.ts';
import { TileMap } from '../components/tile-map.tsx';
import { formatNumber, formatPercent, formatVietnamTime, formatVnd, vietnamToday } from '../format.ts';
import { FunnelCard, KpiCard, LeadersCard, RankCard } from './campaigns.board.tsx';
import { CoverageCard } from './campaigns.coverage.tsx';
import { type Level, LevelPicker, levelOf, ScopeHeading, ScopeTrail } from './campaigns.levels.tsx';
import { fillTrend, paceLine } from './campaigns.model.ts';

const TrendChart = lazy(() => import('../components/trend-chart.tsx'));

/** The moving figures: a new enrollment must show within two seconds, so they are asked for every second. */
export const LIVE_MS = 1_000;
/** The map, the leaderboards and the counters: context, refreshed less often. */
const BOARD_MS = 5_000;
/** Coverage moves with months of cover and dated denominators, not by the second. */
const COVERAGE_MS = 60_000;

type ProductFilter = Product | 'all';
type MapBy = 'target' | 'coverage';

function dashboardQuery(campaignId: number, product: ProductFilter, level: Level, view: 'live' | 'full') {
  return {
    queryKey: [...campaignKeys.dashboard(campaignId), { product, ...level, view }],
    queryFn: () =>
      api.get<DashboardLive | Dashboard>('/dashboard', {
        campaignId,
        product: product === 'all' ? undefined : product,
        ...level,
        view,
      }),
  };
}

export function DashboardTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/chien-dich/$id' });
  const search = useSearch({ from: '/shell/chien-dich/$id' });
  const level: Level = {
    province: search.province,
    unit: search.unit,
    commune: search.commune,
    agent: search.agent,
  };
  const [product, setProduct] = useState<ProductFilter>('all');
  const [mapBy, setMapBy] = useState<MapBy>('target');
  const [coverageDay, setCoverageDay] = useState(vietnamToday());
  const live = useQuery({
    ...dashboardQuery(campaign.id, product, level, 'live'),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
  const board = useQuery({
    ...dashboardQuery(campaign.id, product, level, 'full'),
    refetchInterval: BOARD_MS,
    placeholderData: keepPreviousData,
  });
  const coverage = useQuery({
    queryKey: [...campaignKeys.coverage, coverageDay],
    queryFn: () => api.get<Coverage>('/coverage', { asOf: coverageDay }),
    refetchInterval: COVERAGE_MS,
    placeholderData: keepPreviousData,
  });
  const open = (next: Level) => navigate({ search: (s) => ({ ...(s.tab ? { tab: s.tab } : {}), ...next }) });

  if (live.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (live.error && !live.data) return <LoadError error={live.error} onRetry={() => live.refetch()} />;
  const data = live.data;
  const { scope } = data;
  // Until the slower answer for this place arrives, the previous place's board is not shown.
  const place = (s: DashboardLive['scope']) => `${s.level}:${s.code ?? ''}:${s.id ?? ''}`;
  const full = board.data && place(board.data.scope) === place(scope) ? (board.data as Dashboard) : undefined;
  const coverageRow =
    scope.level === 'national'
      ? (coverage.data?.national ?? undefined)
      : coverage.data?.provinces.find((p) => p.code === scope.provinceCode);
  const openTile = (code: string) =>
    open(
      scope.level === 'province' && scope.code === code && scope.parent
        ? levelOf(scope.parent)
        : { province: code },
    );

  return (
    <div className="camp-board">
      <div className="camp-toolbar">
        <div className="camp-scope">
          <div className="camp-scope-where">
            <ScopeTrail scope={scope} onOpen={open} />
            <ScopeHeading scope={scope} />
          </div>
          <LevelPicker scope={scope} onOpen={open} />
        </div>
        {campaign.products.length > 1 && (
          <Segmented<ProductFilter>
            aria-label={t('campaigns.field.products')}
            size="small"
            value={product}
            onChange={setProduct}
            options={[
              { value: 'all', label: t('campaigns.dashboard.allProducts') },
              ...campaign.products.map((p) => ({ value: p, label: t(`registry.product.${p}`) })),
            ]}
          />
        )}
        <span className="camp-asof" aria-live="off">
          {live.isError ? (
            <Tag color="warning" icon={<WarningOutlined />} className="tag-inline">
              {t('campaigns.dashboard.stale')}
            </Tag>
          ) : (
            <span className={live.isFetching ? 'camp-live is-fetching' : 'camp-live'} aria-hidden="true" />
          )}
          {t('campaigns.dashboard.asOf', { time: formatVietnamTime(data.asOf) })}
        </span>
      </div>

      <PaceSummary data={data} />

      {scope.level === 'agent' ? (
        <div className="camp-split">
          {full?.rank ? <RankCard rank={full.rank} /> : <BoardPending query={board} />}
          {full?.funnel && <FunnelCard funnel={full.funnel} />}
        </div>
      ) : (
        <>
          <Card size="small" title={t('campaigns.trend.title')} className="camp-card">
            <TrendSection data={data} />
          </Card>

          {full ? (
            <>
              <div className="camp-split">
                <Card
                  size="small"
                  title={t('campaigns.map.title')}
                  className="camp-card"
                  extra={
                    <Segmented<MapBy>
                      size="small"
                      aria-label={t('campaigns.map.colourBy')}
                      value={mapBy}
                      onChange={setMapBy}
                      options={[
                        { value: 'target', label: t('campaigns.map.byTarget') },
                        { value: 'coverage', label: t('campaigns.map.byCoverage') },
                      ]}
                    />
                  }
                >
                  <TileMap
                    tiles={full.provinces}
                    coverage={mapBy === 'coverage' ? (coverage.data?.provinces ?? []) : undefined}
                    selected={scope.provinceCode}
                    onSelect={openTile}
                  />
                </Card>
                <LeadersCard data={full} onOpen={open} />
              </div>
              <div className="camp-split">
                {full.kpis && <KpiCard kpis={full.kpis} />}
                {full.funnel ? (
                  <FunnelCard funnel={full.funnel} />
                ) : (
                  <Card size="small" title={t('campaigns.funnel.title')} className="camp-card">
                    <p className="muted">{t('campaigns.funnel.byUnit')}</p>
                  </Card>
                )}
              </div>
            </>
          ) : (
            <BoardPending query={board} />
          )}
        </>
      )}

      {(coverageRow || scope.level === 'national' || scope.level === 'province') && (
        <CoverageCard query={coverage} row={coverageRow} day={coverageDay} onDay={setCoverageDay} />
      )}
    </div>
  );
}

/** The slower half while it loads, or why it did not. */
function BoardPending({ query }: { query: { isError: boolean; error: unknown; refetch: () => unknown } }) {
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return <Skeleton active paragraph={{ rows: 6 }} />;
}

function PaceSummary({ data }: { data: DashboardLive }) {
  const { t } = useTranslation();
  const { target, scope } = data;
  return (
    <section aria-label={t('campaigns.dashboard.summary')} className="camp-summary">
      <div className="stat-grid">
        <Card className="stat-card">
          <Statistic
            title={t('campaigns.dashboard.enrollments')}
            value={data.totals.enrollments}
            formatter={(v) => formatNumber(Number(v))}
          />
        </Card>
        <Card className="stat-card">
          <Statistic
            title={
              target?.ofUnit
                ? t('campaigns.dashboard.unitTarget', { name: target.ofUnit.name })
                : t('campaigns.dashboard.target')
            }
            value={target?.amount ?? '—'}
            formatter={(v) => (target ? formatNumber(Number(v)) : '—')}
          />
        </Card>
        <Card className="stat-card">
          <Statistic
            title={t('campaigns.dashboard.forecast')}
            value={target?.forecast ?? '—'}
            formatter={(v) => (target ? formatNumber(Number(v)) : '—')}
          />
        </Card>
        <Card className="stat-card">
          <Statistic
            title={t('campaigns.dashboard.amount')}
            value={data.totals.amount}
            formatter={(v) => formatVnd(Number(v))}
          />
        </Card>
      </div>
      {target ? (
        <>
          <PaceBar reached={target.reached} elapsed={target.elapsed} />
          {target.measure === 'collected' && (
            <p className="muted camp-totals-line">
              {t(target.ofUnit ? 'campaigns.dashboard.measureUnit' : 'campaigns.dashboard.measureCollected', {
                n: formatNumber(target.actual),
                name: target.ofUnit?.name,
              })}
            </p>
          )}
          {target.behind && (
            <Alert
              type="warning"
              showIcon
              className="block-top"
              title={t('campaigns.dashboard.behind')}
              description={t('campaigns.dashboard.behindText', {
                reached: formatPercent(target.reached, 1),
                elapsed: formatPercent(target.elapsed, 1),
                forecast: formatNumber(target.forecast),
                share: formatPercent(target.forecast / target.amount, 1),
              })}
            />
          )}
        </>
      ) : (
        <Alert
          type="info"
          showIcon
          className="block-top"
          title={t(
            scope.level === 'commune'
              ? 'campaigns.dashboard.noTargetCommune'
              : 'campaigns.dashboard.noTarget',
          )}
        />
      )}
      <p className="muted camp-totals-line">
        {t('campaigns.dashboard.payments', {
          first: formatNumber(data.totals.firstPayments),
          payments: formatNumber(data.totals.payments),
        })}
      </p>
    </section>
  );
}

function TrendSection({ data }: { data: DashboardLive }) {
  const { t } = useTranslation();
  const { trend, until, campaign, target } = data;
  // The query keeps unchanged parts of the answer as they were, so the chart redraws only on news.
  const points = useMemo(() => fillTrend(trend, campaign.startsOn, until), [trend, campaign.startsOn, until]);
  const amount = target?.amount;
  const pace = useMemo(
    () => (amount ? paceLine(points, amount, campaign.startsOn, campaign.endsOn) : undefined),
    [points, amount, campaign.startsOn, campaign.endsOn],
  );
  if (points.length === 0) return <p className="muted">{t('campaigns.trend.notStarted')}</p>;
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <TrendChart points={points} pace={pace} />
    </Suspense>
  );
}
