/**
 * The campaign as it was decided: name, theme, period, products, the organisers who signed the
 * joint plan and its legal basis, the ceremony's time. The central office edits it in a drawer.
 */
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import type { Campaign } from '../components/campaign-types.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDate, formatVietnamDateTime } from '../format.ts';
import { CampaignFormDrawer } from './campaigns.form.tsx';

export function RecordTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const none = <span className="muted">{t('campaigns.record.none')}</span>;

  return (
    <Card
      size="small"
      className="camp-card"
      title={t('campaigns.record.title')}
      extra={
        can('campaigns.manage') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('campaigns.record.edit')}
          </Button>
        )
      }
    >
      <section aria-label={t('campaigns.record.title')}>
        <Descriptions
          size="small"
          column={1}
          layout={isMobile ? 'vertical' : 'horizontal'}
          styles={{ label: { width: isMobile ? undefined : 200 } }}
          items={[
            { key: 'name', label: t('campaigns.field.name'), children: campaign.name },
            { key: 'theme', label: t('campaigns.field.theme'), children: `“${campaign.theme}”` },
            {
              key: 'period',
              label: t('campaigns.field.period'),
              children: `${formatDate(campaign.startsOn)} – ${formatDate(campaign.endsOn)}`,
            },
            {
              key: 'products',
              label: t('campaigns.field.products'),
              children: campaign.products.map((p) => (
                <Tag key={p} className="tag-inline">
                  {t(`registry.product.${p}`)}
                </Tag>
              )),
            },
            {
              key: 'organisers',
              label: t('campaigns.field.organisers'),
              children: (
                <ul className="camp-record-list">
                  {campaign.organisers.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'legalBasis',
              label: t('campaigns.field.legalBasis'),
              children: campaign.legalBasis ?? none,
            },
            {
              key: 'launchAt',
              label: t('campaigns.field.launchAt'),
              children: campaign.launchAt ? formatVietnamDateTime(campaign.launchAt) : none,
            },
            {
              key: 'description',
              label: t('campaigns.field.description'),
              children: campaign.description ? (
                <span className="camp-record-text">{campaign.description}</span>
              ) : (
                none
              ),
            },
          ]}
        />
      </section>
      {editing && (
        <CampaignFormDrawer campaign={campaign} onClose={() => setEditing(false)} onSaved={() => undefined} />
      )}
    </Card>
  );
}
