import '../campaigns.css';
import { ApartmentOutlined, EnvironmentOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth, useUser } from '../auth.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { formatNumber } from '../format.ts';
import type { NavPath } from '../shell/nav-items.ts';
import type { Overview } from '../types.ts';
import { HomeCampaigns } from './home.campaigns.tsx';
import { TEAM_LEADS } from './home.model.ts';
import { CashHeld, QuickActions, TeamWork, TodayWork } from './home.work.tsx';

interface CardSpec {
  key: 'provinces' | 'communes' | 'orgUnits' | 'users';
  icon: ReactNode;
  to: NavPath | null;
}

const CARDS: CardSpec[] = [
  { key: 'provinces', icon: <GlobalOutlined />, to: '/don-vi-hanh-chinh' },
  { key: 'communes', icon: <EnvironmentOutlined />, to: '/don-vi-hanh-chinh' },
  { key: 'orgUnits', icon: <ApartmentOutlined />, to: '/to-chuc' },
  { key: 'users', icon: <TeamOutlined />, to: '/nguoi-dung' },
];

/**
 * The first screen, by role: an agent's day of work and quick actions, their own campaign
 * figures and cash; an officer's, manager's or viewer's campaigns under way with their pace; an
 * administrator's scope and counts first. The scope and counts stay, lower, for everyone else.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const campaigns = can('participants.read') && <HomeCampaigns />;
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: user.fullName })}
        subtitle={
          <>
            {t(`role.${user.role}`)} · {user.orgUnit.name}
          </>
        }
      />
      {user.role === 'system_admin' ? (
        <>
          <ScopeOverview counts />
          {campaigns}
        </>
      ) : user.role === 'collection_agent' ? (
        <>
          {can('participants.read') && <TodayWork />}
          <QuickActions />
          {campaigns}
          {can('cash.read') && <CashHeld />}
          <ScopeOverview counts={false} />
        </>
      ) : (
        <>
          {TEAM_LEADS.includes(user.role) && can('payments.collect') && <TeamWork />}
          {campaigns}
          <ScopeOverview counts />
        </>
      )}
    </>
  );
}

/** The scope the user works in, and (counts) how many provinces, communes, units and users it holds. */
function ScopeOverview({ counts }: { counts: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => api.get<Overview>('/overview') });
  const data = overview.data;
  const scope = data
    ? data.scope.national
      ? t('home.scopeNational')
      : t('home.scopeUnit', { unit: data.scope.orgUnitName, communes: formatNumber(data.scope.communes) })
    : user.orgUnit.name;
  const linkAllowed = (to: NavPath | null) =>
    to === '/to-chuc' ? can('orgs.read') : to === '/nguoi-dung' ? can('users.read') : to !== null;

  return (
    <section aria-label={t('home.scopeLabel')} className="home-section">
      <Card className="home-scope">
        <Typography.Text type="secondary">{t('home.scopeLabel')}</Typography.Text>
        <div className="home-scope-value">
          {overview.isPending ? <Skeleton.Input active size="small" /> : scope}
        </div>
      </Card>
      {counts && (
        <>
          <Typography.Title level={2} className="section-title">
            {t('home.summary')}
          </Typography.Title>
          {overview.isPending ? (
            <div className="stat-grid" aria-busy="true">
              {CARDS.map((c) => (
                <Card key={c.key}>
                  <Skeleton active title={false} paragraph={{ rows: 2 }} />
                </Card>
              ))}
            </div>
          ) : overview.error ? (
            <LoadError error={overview.error} onRetry={() => overview.refetch()} />
          ) : !data || CARDS.every((c) => !data[c.key]) ? (
            <Card>
              <EmptyState description={t('home.empty')} />
            </Card>
          ) : (
            <div className="stat-grid">
              {CARDS.map((c) => {
                const body = (
                  <Card key={c.key} className="stat-card" hoverable={linkAllowed(c.to)}>
                    <Statistic
                      title={t(`home.cards.${c.key}`)}
                      value={data[c.key]}
                      formatter={(v) => formatNumber(Number(v))}
                      prefix={<span className="stat-icon">{c.icon}</span>}
                    />
                  </Card>
                );
                return c.to && linkAllowed(c.to) ? (
                  <Link key={c.key} to={c.to} className="stat-link">
                    {body}
                  </Link>
                ) : (
                  <div key={c.key}>{body}</div>
                );
              })}
            </div>
          )}
        </>
      )}
    </section>
  );
}
