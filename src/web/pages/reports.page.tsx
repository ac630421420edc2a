import '../reports.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type List } from '../api.ts';
import type { CampaignItem } from '../components/campaign-types.ts';
import { campaignKeys } from '../components/campaign-types.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ExportsList } from './reports.exports.tsx';
import { ReportForm } from './reports.form.tsx';

export function ReportsPage() {
  return (
    <RequirePermission permission="reports.export">
      <Reports />
    </RequirePermission>
  );
}

function Reports() {
  const { t } = useTranslation();
  // The campaigns to choose from, newest first; the list also names them on past exports.
  const campaigns = useQuery({
    queryKey: [...campaignKeys.list, { report: true }],
    queryFn: () => api.get<List<CampaignItem>>('/campaigns', { limit: 200 }),
    staleTime: 60_000,
  });
  const items = campaigns.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <ReportForm campaigns={items} />
      <ExportsList campaigns={items} />
    </>
  );
}
