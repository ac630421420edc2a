import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { type Campaign, campaignKeys } from './campaign-types.ts';
import { RecordQuery } from './query-state.tsx';

/** A campaign loaded by id, with the loading, error and not-found states of every campaign screen. */
export function CampaignRecord({
  id,
  children,
}: {
  id: number;
  children: (campaign: Campaign) => ReactNode;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: () => api.get<Campaign>(`/campaigns/${id}`),
  });
  return (
    <RecordQuery
      query={query}
      notFound={t('campaigns.detail.notFound')}
      back={{ to: '/chien-dich', label: t('campaigns.detail.backToList') }}
    >
      {children}
    </RecordQuery>
  );
}
