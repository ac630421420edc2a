/**
 * The home page's day of work: an agent's worklist counts, each a tap into that list, the three
 * things they do most, the cash they hold; a team lead's overdue and lapsed counts.
 */
import {
  ArrowRightOutlined,
  CalculatorOutlined,
  CarryOutOutlined,
  UserAddOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { LoadError } from '../components/query-state.tsx';
import type { Bucket, Ledger, Worklist } from '../components/registry-types.ts';
import { formatNumber, formatVnd } from '../format.ts';
import { TODAY_BUCKETS } from './home.model.ts';

/** The worklist's counts come with any page of it: one row is the cheapest ask. */
const useWorklistCounts = () =>
  useQuery({
    queryKey: ['registry', 'worklist', 'home'],
    queryFn: () => api.get<Worklist>('/worklist', { limit: 1 }),
  });

export function TodayWork() {
  const { t } = useTranslation();
  const counts = useWorklistCounts();
  const title = t('home.today.title');
  return (
    <section aria-label={title} className="home-section">
      <Typography.Title level={2} className="section-title">
        {title}
      </Typography.Title>
      {counts.error ? (
        <LoadError error={counts.error} onRetry={() => counts.refetch()} />
      ) : (
        <>
          <div className="home-buckets" aria-busy={counts.isPending}>
            {TODAY_BUCKETS.map((b) => (
              <Link key={b} to="/viec-can-lam" search={{ nhom: b }} className={`home-bucket is-${b}`}>
                <span className="home-bucket-count">
                  {counts.data ? formatNumber(counts.data.counts[b]) : '…'}
                </span>
                <span className="home-bucket-label">{t(`registry.bucket.${b}`)}</span>
              </Link>
            ))}
          </div>
          {counts.data && TODAY_BUCKETS.every((b) => counts.data.counts[b] === 0) && (
            <p className="muted home-note">{t('home.today.clear')}</p>
          )}
        </>
      )}
    </section>
  );
}

interface Action {
  key: 'calculator' | 'enroll' | 'worklist';
  icon: ReactNode;
  link: ReactNode;
}

/** Big targets for a thumb: the calculator for anyone, enrolling and the worklist for who may. */
export function QuickActions() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const label = (key: Action['key'], icon: ReactNode) => (
    <>
      <span className="home-action-icon">{icon}</span>
      <span>{t(`home.actions.${key}`)}</span>
    </>
  );
  const actions: ReactNode[] = [
    <Link key="calculator" to="/tinh-muc-dong" className="home-action">
      {label('calculator', <CalculatorOutlined />)}
    </Link>,
    can('participants.enroll') && (
      <Link key="enroll" to="/nguoi-tham-gia/dang-ky" className="home-action">
        {label('enroll', <UserAddOutlined />)}
      </Link>
    ),
    can('payments.collect') && (
      <Link key="worklist" to="/viec-can-lam" className="home-action">
        {label('worklist', <CarryOutOutlined />)}
      </Link>
    ),
  ];
  const title = t('home.actions.title');
  return (
    <section aria-label={title} className="home-section">
      <Typography.Title level={2} className="section-title">
        {title}
      </Typography.Title>
      <div className="home-actions">{actions}</div>
    </section>
  );
}

/** What the agent collected and has not handed in yet, with what is late. */
export function CashHeld() {
  const { t } = useTranslation();
  const ledger = useQuery({
    queryKey: ['registry', 'cash', 'ledger', 'home'],
    queryFn: () => api.get<Ledger>('/cash/ledger', { limit: 1 }),
  });
  const title = t('home.cash.title');
  return (
    <section aria-label={title} className="home-section">
      <Typography.Title level={2} className="section-title">
        {title}
      </Typography.Title>
      {ledger.isPending ? (
        <Card size="small">
          <Skeleton active title={false} paragraph={{ rows: 2 }} />
        </Card>
      ) : ledger.error ? (
        <LoadError error={ledger.error} onRetry={() => ledger.refetch()} />
      ) : (
        <Card size="small" className="home-cash">
          <div className="home-cash-line">
            <WalletOutlined className="stat-icon" />
            <span className="home-cash-amount">{formatVnd(ledger.data.balance)}</span>
          </div>
          <p className="muted home-note">
            {ledger.data.balance > 0 ? t('home.cash.held') : t('home.cash.none')}
          </p>
          {ledger.data.overdue > 0 && (
            <Alert
              type="warning"
              showIcon
              className="block-top"
              title={t('home.cash.overdue', { amount: formatVnd(ledger.data.overdue) })}
            />
          )}
          <Link to="/so-quy" className="home-campaign-open">
            {t('home.cash.open')} <ArrowRightOutlined />
          </Link>
        </Card>
      )}
    </section>
  );
}

const TEAM_BUCKETS: readonly Bucket[] = ['overdue', 'lapsed'];

/** A team lead's line: how many of the people their agents serve are late or have stopped paying. */
export function TeamWork() {
  const { t } = useTranslation();
  const counts = useWorklistCounts();
  return (
    <Card size="small" className="home-team">
      <span className="home-team-label">{t('home.team.label')}</span>{' '}
      {counts.isPending ? (
        <Skeleton.Input active size="small" />
      ) : counts.error ? (
        <LoadError error={counts.error} onRetry={() => counts.refetch()} />
      ) : (
        <span className="home-team-links">
          {TEAM_BUCKETS.map((b) => (
            <Link key={b} to="/viec-can-lam" search={{ nhom: b }} className={`home-team-link is-${b}`}>
              {t(`home.team.${b}`, { n: formatNumber(counts.data.counts[b]) })}
            </Link>
          ))}
        </span>
      )}
    </Card>
  );
}
