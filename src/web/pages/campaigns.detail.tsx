import '../campaigns.css';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { CampaignStatusTag } from '../components/campaign-labels.tsx';
import { CampaignRecord } from '../components/campaign-record.tsx';
import type { Campaign, CampaignStatus } from '../components/campaign-types.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDate, vietnamToday } from '../format.ts';
import type { CampaignTab } from '../router.tsx';
import { ActivitiesTab } from './campaigns.activities.tsx';
import { BulletinTab } from './campaigns.bulletin.tsx';
import { DashboardTab } from './campaigns.dashboard.tsx';
import { LaunchTab } from './campaigns.launch.tsx';
import { RecordTab } from './campaigns.record.tsx';
import { TargetsTab } from './campaigns.targets.tsx';

export function CampaignPage() {
  return (
    <RequirePermission permission="participants.read">
      <CampaignLoader />
    </RequirePermission>
  );
}

function CampaignLoader() {
  const { id } = useParams({ from: '/shell/chien-dich/$id' });
  return <CampaignRecord id={Number(id)}>{(data) => <CampaignView campaign={data} />}</CampaignRecord>;
}

function statusOf(c: Pick<Campaign, 'startsOn' | 'endsOn'>, today = vietnamToday()): CampaignStatus {
  return c.endsOn < today ? 'ended' : c.startsOn > today ? 'upcoming' : 'ongoing';
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/chien-dich/$id' });
  const isMobile = useIsMobile();
  const { tab = 'dieu-hanh' } = useSearch({ from: '/shell/chien-dich/$id' });
  const setTab = (key: string) =>
    navigate({ search: (s) => ({ ...s, tab: key === 'dieu-hanh' ? undefined : (key as CampaignTab) }) });

  return (
    <>
      <PageHeader
        title={campaign.name}
        subtitle={
          <span className="camp-subtitle">
            <CampaignStatusTag status={statusOf(campaign)} />
            <span>
              {formatDate(campaign.startsOn)} – {formatDate(campaign.endsOn)}
            </span>
            <span className="camp-theme">“{campaign.theme}”</span>
          </span>
        }
        extra={
          <Link to="/chien-dich">
            <Button>{t('campaigns.detail.backToList')}</Button>
          </Link>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        // On a 360-pixel phone the tabs are packed a little closer; the bar slides the last ones in.
        tabBarGutter={isMobile ? 18 : undefined}
        items={[
          {
            key: 'dieu-hanh',
            label: t('campaigns.tabs.dashboard'),
            children: <DashboardTab campaign={campaign} />,
          },
          {
            key: 'le-ra-quan',
            label: t('campaigns.tabs.launch'),
            children: <LaunchTab campaign={campaign} />,
          },
          {
            key: 'chi-tieu',
            label: t('campaigns.tabs.targets'),
            children: <TargetsTab campaign={campaign} />,
          },
          {
            key: 'hoat-dong',
            label: t('campaigns.tabs.activities'),
            children: <ActivitiesTab campaign={campaign} />,
          },
          {
            key: 'ban-tin',
            label: t('campaigns.tabs.bulletin'),
            children: <BulletinTab campaign={campaign} />,
          },
          {
            key: 'thong-tin',
            label: t('campaigns.tabs.record'),
            children: <RecordTab campaign={campaign} />,
          },
        ]}
      />
    </>
  );
}
