/**
 * The home page's campaigns: those under way in the viewer's scope, each with its pace and a way
 * into its dashboard; with none under way, the next to start or the last to have finished. An
 * agent sees their own figures and rank, everyone else their own level's (the dashboard's default).
 */
import { ArrowRightOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import { useUser } from '../auth.tsx';
import { CampaignStatusTag, PaceTag } from '../components/campaign-labels.tsx';
import {
  type CampaignItem,
  campaignKeys,
  type Dashboard,
  type DashboardLive,
} from '../components/campaign-types.ts';
import { DemoCampaignsProgress } from '../components/demo-campaigns-progress.tsx';
import { PaceBar } from '../components/pace-bar.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { formatDate, formatNumber, formatPercent, vietnamToday } from '../format.ts';
import { campaignInstead, HOME_CAMPAIGNS, registrationsOn, timingOf } from './home.model.ts';

/** The home page is glanced at, not watched: its figures refresh twice a minute. */
const REFRESH_MS = 30_000;

const listQuery = (status: CampaignItem['status'], limit: number) => ({
  queryKey: [...campaignKeys.list, 'home', status, limit],
  queryFn: () => api.get<List<CampaignItem>>('/campaigns', { status, limit }),
});

/** The campaigns under way; only when there are none, the planned and the finished ones. */
function useHomeCampaigns() {
  const ongoing = useQuery({ ...listQuery('ongoing', HOME_CAMPAIGNS), refetchInterval: REFRESH_MS });
  const none = ongoing.data?.total === 0;
  // Listed newest start first: the nearest of the planned ones is at the end of the list.
  const upcoming = useQuery({ ...listQuery('upcoming', 50), enabled: none });
  const ended = useQuery({ ...listQuery('ended', 5), enabled: none });
  const queries = none ? [ongoing, upcoming, ended] : [ongoing];
  const failed = queries.find((q) => q.error);
  return {
    isPending: queries.some((q) => q.isPending),
    error: failed?.error ?? null,
    refetch: () => {
      for (const q of queries) void q.refetch();
    },
    ongoing: ongoing.data?.items ?? [],
    /** Under way but not shown here. */
    more: Math.max(0, (ongoing.data?.total ?? 0) - HOME_CAMPAIGNS),
    instead: none ? campaignInstead(upcoming.data?.items ?? [], ended.data?.items ?? []) : null,
  };
}

export function HomeCampaigns() {
  const { t } = useTranslation();
  const user = useUser();
  const agent = user.role === 'collection_agent';
  const campaigns = useHomeCampaigns();
  const title = t(agent ? 'home.campaigns.mine' : 'home.campaigns.title');

  const body = () => {
    if (campaigns.isPending)
      return (
        <div className="home-campaigns" aria-busy="true">
          <Card>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
        </div>
      );
    if (campaigns.error) return <LoadError error={campaigns.error} onRetry={campaigns.refetch} />;
    if (campaigns.ongoing.length > 0)
      return (
        <>
          <div className="home-campaigns">
            {campaigns.ongoing.map((c) => (
              <CampaignCard key={c.id} campaign={c} agent={agent} />
            ))}
          </div>
          {campaigns.more > 0 && (
            <Link to="/chien-dich" className="home-more">
              {t('home.campaigns.more', { n: formatNumber(campaigns.more) })} <ArrowRightOutlined />
            </Link>
          )}
        </>
      );
    const instead = campaigns.instead;
    return (
      <>
        <Alert
          type="info"
          showIcon
          className="block-gap"
          title={t('home.campaigns.none')}
          description={
            instead
              ? t(instead.status === 'upcoming' ? 'home.campaigns.showNext' : 'home.campaigns.showLast')
              : undefined
          }
        />
        {instead ? (
          <div className="home-campaigns">
            <CampaignCard campaign={instead} agent={agent} />
          </div>
        ) : (
          <Card>
            <EmptyState description={t('home.campaigns.empty')} />
          </Card>
        )}
      </>
    );
  };

  return (
    <section aria-label={title} className="home-section">
      <Typography.Title level={2} className="section-title">
        {title}
      </Typography.Title>
      <DemoCampaignsProgress />
      {body()}
    </section>
  );
}

function CampaignCard({ campaign, agent }: { campaign: CampaignItem; agent: boolean }) {
  const { t } = useTranslation();
  const today = vietnamToday();
  const timing = timingOf(campaign, today);
  // An agent's rank comes only with the full answer; everyone else needs the moving figures only.
  const view = agent ? 'full' : 'live';
  const dashboard = useQuery({
    queryKey: [...campaignKeys.dashboard(campaign.id), 'home', view],
    queryFn: () => api.get<DashboardLive | Dashboard>('/dashboard', { campaignId: campaign.id, view }),
    enabled: timing.status !== 'upcoming',
    refetchInterval: REFRESH_MS,
  });
  const when =
    timing.status === 'upcoming'
      ? t('home.campaigns.startsIn', { count: timing.startsIn })
      : timing.status === 'ongoing'
        ? t('home.campaigns.daysLeft', { count: timing.daysLeft })
        : t('home.campaigns.endedAgo', { count: timing.endedAgo });

  return (
    <Card className="home-campaign" size="small">
      <div className="home-campaign-head">
        <Link to="/chien-dich/$id" params={{ id: String(campaign.id) }} className="home-campaign-name">
          {campaign.name}
        </Link>
        <CampaignStatusTag status={campaign.status} />
      </div>
      <div className="muted home-campaign-period">
        {formatDate(campaign.startsOn)} – {formatDate(campaign.endsOn)} · {when}
      </div>
      {timing.status === 'upcoming' ? (
        <p className="home-campaign-note">
          {campaign.products.map((p) => t(`registry.product.${p}`)).join(' · ')}
        </p>
      ) : dashboard.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : dashboard.error ? (
        <LoadError error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : (
        <CampaignFigures data={dashboard.data} today={today} />
      )}
      <Link
        to="/chien-dich/$id"
        params={{ id: String(campaign.id) }}
        search={timing.status === 'upcoming' ? { tab: 'thong-tin' } : {}}
        className="home-campaign-open"
        aria-label={t(timing.status === 'upcoming' ? 'home.campaigns.openRecord' : 'home.campaigns.open', {
          name: campaign.name,
        })}
      >
        {t(timing.status === 'upcoming' ? 'home.campaigns.record' : 'home.campaigns.dashboard')}{' '}
        <ArrowRightOutlined />
      </Link>
    </Card>
  );
}

function CampaignFigures({ data, today }: { data: DashboardLive | Dashboard; today: string }) {
  const { t } = useTranslation();
  const { target, scope } = data;
  const rank = 'rank' in data ? data.rank : null;
  const figures: { key: string; label: string; value: string }[] = [
    {
      key: 'enrollments',
      label: t('home.campaigns.enrollments'),
      value: formatNumber(data.totals.enrollments),
    },
    ...(target
      ? [
          {
            key: 'target',
            label: target.ofUnit
              ? t('home.campaigns.unitTarget', { name: target.ofUnit.name })
              : t('home.campaigns.target'),
            value: formatNumber(target.amount),
          },
          { key: 'forecast', label: t('home.campaigns.forecast'), value: formatNumber(target.forecast) },
        ]
      : []),
    // An agent's own figures have no daily trend.
    ...(scope.level === 'agent'
      ? []
      : [
          {
            key: 'today',
            label: t('home.campaigns.today'),
            value: formatNumber(registrationsOn(data.trend, today)),
          },
        ]),
  ];
  return (
    <>
      {/* An agent's figures are their own; anyone else's are their level's, named. */}
      {scope.level !== 'agent' && (
        <div className="muted home-campaign-scope">{t('home.campaigns.scope', { name: scope.name })}</div>
      )}
      <dl className="home-figures">
        {figures.map((f) => (
          <div key={f.key} className={`home-figure is-${f.key}`}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {rank && (
        <p className="home-campaign-note home-rank">
          {t('home.campaigns.rank', {
            position: formatNumber(rank.position),
            of: formatNumber(rank.of),
            province: rank.provinceName,
          })}
        </p>
      )}
      {target ? (
        <>
          <PaceBar reached={target.reached} elapsed={target.elapsed} />
          {target.behind ? (
            <Alert
              type="warning"
              showIcon
              icon={<WarningOutlined />}
              className="block-top"
              title={t('campaigns.targets.behind')}
              description={t('home.campaigns.behind', {
                forecast: formatNumber(target.forecast),
                share: formatPercent(target.forecast / target.amount, 1),
              })}
            />
          ) : (
            <div className="home-pace-tag">
              <PaceTag target={target} />
            </div>
          )}
        </>
      ) : (
        <p className="muted home-campaign-note">{t('home.campaigns.noTarget')}</p>
      )}
    </>
  );
}
