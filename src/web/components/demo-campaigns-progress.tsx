import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Progress } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { SystemInfo } from '../types.ts';
import { campaignKeys } from './campaign-types.ts';

/**
 * While the demo campaigns are still being generated (about a minute after the first start), says
 * how far it got, and refreshes the campaigns once they are there.
 */
export function DemoCampaignsProgress() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['system', 'demo-campaigns'],
    queryFn: () => api.get<SystemInfo>('/system'),
    refetchInterval: (q) =>
      q.state.data?.demoCampaigns && !q.state.data.demoCampaigns.loaded ? 2_000 : false,
  });
  const progress = query.data?.demoCampaigns;
  const loaded = progress?.loaded ?? true;
  useEffect(() => {
    if (loaded) void client.invalidateQueries({ queryKey: campaignKeys.list });
  }, [loaded, client]);
  if (!progress || progress.loaded) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="block-gap"
      title={t('campaigns.demoProgress.title')}
      description={
        <>
          <div>{t('campaigns.demoProgress.step', { label: progress.label })}</div>
          <Progress percent={Math.round((progress.done / Math.max(1, progress.total)) * 100)} size="small" />
        </>
      }
    />
  );
}
