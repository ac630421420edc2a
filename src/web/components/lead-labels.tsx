import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from '../../domain/leads/steps.ts';

const STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  consulted: 'geekblue',
  enrolled: 'green',
  paid: 'success',
  lost: 'default',
};

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="tag-inline">
      {t(`leads.status.${status}`)}
    </Tag>
  );
}
