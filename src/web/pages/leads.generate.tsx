/** The registry's built-in lists: how many people each holds in the area, and making them leads, with progress. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Progress, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListSource } from '../../domain/leads/sources.ts';
import { api } from '../api.ts';
import type { CampaignItem } from '../components/campaign-types.ts';
import { errorMessage } from '../components/error-message.ts';
import { type Generation, type ListSourceCount, leadKeys } from '../components/lead-types.ts';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber } from '../format.ts';
import { useLeadsChanged } from './leads.actions.tsx';

export function GenerateDrawer({ campaign, onClose }: { campaign: CampaignItem; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const changed = useLeadsChanged(campaign.id);
  const idem = useIdempotencyKey();
  const [running, setRunning] = useState<ListSource | null>(null);
  const [result, setResult] = useState<{ source: ListSource; run: Generation } | { failure: string } | null>(
    null,
  );
  const sources = useQuery({
    queryKey: leadKeys.sources(campaign.id),
    queryFn: () => api.get<{ items: ListSourceCount[] }>(`/campaigns/${campaign.id}/lead-sources`),
  });
  // While a list runs, how far it got (a national list takes a while).
  const progress = useQuery({
    queryKey: ['leads', 'progress', campaign.id, running],
    queryFn: () => api.get<Generation>(`/campaigns/${campaign.id}/lead-sources/${running}/progress`),
    enabled: running !== null,
    refetchInterval: 1000,
  });
  const generate = useMutation({
    mutationFn: (source: ListSource) => {
      setRunning(source);
      setResult(null);
      return api.post<Generation>(
        `/campaigns/${campaign.id}/lead-sources/${source}/generate`,
        {},
        idem.headers({ campaignId: campaign.id, source }),
      );
    },
    onSettled: (_d, error) => {
      idem.settle(error);
      setRunning(null);
    },
    onSuccess: (run, source) => {
      setResult({ source, run });
      return changed();
    },
    onError: (error) => setResult({ failure: errorMessage(error, t) }),
  });

  const body = () => {
    if (sources.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (sources.error) return <LoadError error={sources.error} onRetry={() => sources.refetch()} />;
    if (!sources.data.items.length) return <EmptyState />;
    return (
      <div className="leads-sources">
        {sources.data.items.map((s) => {
          const fresh = s.people - s.already;
          const here = running === s.source;
          const done = here && progress.data ? progress.data.processed : 0;
          return (
            <Card key={s.source} size="small" title={t(`leads.source.${s.source}`)} className="leads-source">
              <p className="muted">{t(`leads.generate.about.${s.source}`)}</p>
              <p>
                {t('leads.generate.counts', {
                  people: formatNumber(s.people),
                  already: formatNumber(s.already),
                })}
              </p>
              {here && (
                <Progress
                  percent={s.people ? Math.min(100, Math.round((done / s.people) * 100)) : 0}
                  size="small"
                  aria-label={t('leads.generate.progress', { source: t(`leads.source.${s.source}`) })}
                />
              )}
              <Button
                type={fresh > 0 ? 'primary' : 'default'}
                disabled={s.people === 0 || (running !== null && !here)}
                loading={here}
                onClick={() => generate.mutate(s.source)}
              >
                {fresh > 0 ? t('leads.generate.make', { n: formatNumber(fresh) }) : t('leads.generate.again')}
              </Button>
            </Card>
          );
        })}
      </div>
    );
  };

  return (
    <Drawer open onClose={onClose} title={t('leads.generate.title')} size={isMobile ? '100%' : 560}>
      <p className="muted">{t('leads.generate.intro')}</p>
      {result &&
        ('failure' in result ? (
          <Alert type="error" showIcon className="block-gap" title={result.failure} />
        ) : (
          <Alert
            type="success"
            showIcon
            className="block-gap"
            role="status"
            title={t('leads.generate.done', {
              added: formatNumber(result.run.added),
              existing: formatNumber(result.run.existing),
              source: t(`leads.source.${result.source}`),
            })}
          />
        ))}
      {body()}
    </Drawer>
  );
}
