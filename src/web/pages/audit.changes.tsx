import { ArrowRightOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import type { AuditItem } from '../types.ts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('audit.emptyValue');
  if (typeof value === 'string') return TIMESTAMP.test(value) ? formatDateTime(value) : value;
  return JSON.stringify(value);
}

/** Each changed field as "before → after"; an insert has no before, a delete no after. */
export function AuditChanges({ item }: { item: AuditItem }) {
  const { t } = useTranslation();
  const fields = Object.entries(item.changes ?? {});
  if (fields.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <dl className="audit-changes" aria-label={t('audit.changes')}>
      {fields.map(([field, change]) => (
        <div key={field} className="audit-change">
          <dt>{field}</dt>
          <dd>
            {item.action !== 'insert' && <span className="audit-before">{show(change.before, t)}</span>}
            {item.action === 'update' && (
              <ArrowRightOutlined aria-label={t('audit.becomes')} className="audit-arrow" />
            )}
            {item.action !== 'delete' && <span className="audit-after">{show(change.after, t)}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
