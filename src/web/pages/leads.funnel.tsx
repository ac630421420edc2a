/** Phễu: the campaign's funnel in the caller's area, overall and by unit, agent or channel. */
import '../campaigns.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Segmented, Skeleton, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_STEPS, type FunnelStep } from '../../domain/leads/funnel.ts';
import { api } from '../api.ts';
import type { CampaignItem } from '../components/campaign-types.ts';
import { type FunnelBy, type FunnelGroup, type FunnelReport, leadKeys } from '../components/lead-types.ts';
import { LoadError } from '../components/query-state.tsx';
import { type Paging, ResponsiveList, toLimitOffset } from '../components/responsive-list.tsx';
import { formatNumber, formatPercent } from '../format.ts';
import { FunnelCard } from './campaigns.board.tsx';

type Breakdown = Exclude<FunnelBy, 'total'>;
const BREAKDOWNS: readonly Breakdown[] = ['unit', 'agent', 'channel'];

export function LeadsFunnel({ campaign }: { campaign: CampaignItem }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Breakdown>('unit');
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: another breakdown starts from its first page
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [by]);

  const query = useQuery({
    queryKey: [...leadKeys.funnel(campaign.id), { by, paging }],
    queryFn: () =>
      api.get<FunnelReport>(`/campaigns/${campaign.id}/funnel`, { by, ...toLimitOffset(paging) }),
    placeholderData: keepPreviousData,
  });

  const name = (g: FunnelGroup) =>
    by === 'channel'
      ? t(`registry.channel.${g.key}`, { defaultValue: g.key })
      : by === 'agent' && g.key === '0'
        ? t('leads.funnel.noAgent')
        : (g.label ?? g.key);
  const cell = (g: FunnelGroup, step: FunnelStep) => {
    const rate = step === 'contacted' ? null : g.rates[step];
    return (
      <span>
        <span className="cell-strong">{formatNumber(g[step])}</span>
        {rate !== null && <span className="muted"> · {formatPercent(rate, 0)}</span>}
      </span>
    );
  };
  const columns: TableColumnsType<FunnelGroup> = [
    {
      title: t(`leads.funnel.by.${by}`),
      key: 'name',
      render: (_, g) => (
        <div>
          <div className="cell-strong">{name(g)}</div>
          {by === 'agent' && g.orgUnitName && <div className="muted">{g.orgUnitName}</div>}
        </div>
      ),
    },
    ...FUNNEL_STEPS.map((step) => ({
      title: t(`campaigns.funnel.${step}`),
      key: step,
      align: 'right' as const,
      render: (_: unknown, g: FunnelGroup) => cell(g, step),
    })),
  ];

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <div className="leads-board">
      <p className="muted">{t('leads.funnel.about')}</p>
      {query.data ? <FunnelCard funnel={query.data.overall} /> : <Skeleton active paragraph={{ rows: 4 }} />}
      <div className="filters">
        <Segmented<Breakdown>
          aria-label={t('leads.funnel.breakdown')}
          className="camp-segmented"
          value={by}
          onChange={setBy}
          options={BREAKDOWNS.map((b) => ({ value: b, label: t(`leads.funnel.by.${b}`) }))}
        />
      </div>
      <ResponsiveList<FunnelGroup>
        label={t('leads.funnel.results', { by: t(`leads.funnel.by.${by}`) })}
        query={query}
        paging={paging}
        onPaging={setPaging}
        columns={columns}
        rowKey={(g) => g.key}
        emptyText={t('leads.funnel.empty')}
        renderCard={(g) => (
          <>
            <div className="compact-title">
              <span>{name(g)}</span>
            </div>
            {by === 'agent' && g.orgUnitName && <div className="compact-meta">{g.orgUnitName}</div>}
            <dl className="leads-steps">
              {FUNNEL_STEPS.map((step) => (
                <div key={step}>
                  <dt>{t(`campaigns.funnel.${step}`)}</dt>
                  <dd>{cell(g, step)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      />
    </div>
  );
}
