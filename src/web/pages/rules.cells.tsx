import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../domain/law/index.ts';
import { formatDate } from '../format.ts';

const CONFIDENCE_COLORS: Record<Confidence, string> = { H: 'green', M: 'gold', L: 'red' };

export function ConfidenceTag({ value }: { value: Confidence }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`rules.confidence.${value}`)}>
      <Tag
        color={CONFIDENCE_COLORS[value]}
        className="tag-inline"
        aria-label={t(`rules.confidence.${value}`)}
      >
        {value}
      </Tag>
    </Tooltip>
  );
}

export function PeriodText({ row }: { row: { validFrom: string; validTo: string | null } }) {
  const { t } = useTranslation();
  return (
    <span className="nowrap">
      {t('rules.period', {
        from: formatDate(row.validFrom),
        to: row.validTo ? formatDate(row.validTo) : t('rules.now'),
      })}
    </span>
  );
}

export function InForceTag() {
  const { t } = useTranslation();
  return (
    <Tag color="blue" className="tag-inline">
      {t('rules.inForce')}
    </Tag>
  );
}
