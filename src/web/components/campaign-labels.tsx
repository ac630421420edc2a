import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, BridgeLevel, CampaignStatus, TargetFields } from './campaign-types.ts';

const STATUS_COLORS: Record<CampaignStatus, string> = {
  ongoing: 'green',
  upcoming: 'blue',
  ended: 'default',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="tag-inline">
      {t(`campaigns.status.${status}`)}
    </Tag>
  );
}

const LEVEL_COLORS: Record<BridgeLevel, string> = {
  central: 'red',
  provincial: 'blue',
  grassroots: 'green',
  post_office: 'gold',
};

export function BridgeLevelTag({ level }: { level: BridgeLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} className="tag-inline">
      {t(`campaigns.level.${level}`)}
    </Tag>
  );
}

export function ActivityKindTag({ kind }: { kind: ActivityKind }) {
  const { t } = useTranslation();
  return (
    <Tag color="geekblue" className="tag-inline">
      {t(`campaigns.kind.${kind}`)}
    </Tag>
  );
}

/** Whether a target keeps up with the calendar: behind by more than ten points of time gone. */
export function PaceTag({ target }: { target: Pick<TargetFields, 'behind' | 'amount'> }) {
  const { t } = useTranslation();
  if (target.amount <= 0) return null;
  return target.behind ? (
    <Tag color="red" className="tag-inline">
      {t('campaigns.targets.behind')}
    </Tag>
  ) : (
    <Tag color="green" className="tag-inline">
      {t('campaigns.targets.onPace')}
    </Tag>
  );
}
