import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditItem } from '../types.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value === '' ? '""' : value;
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
            {item.action !== 'insert' && <span className="audit-before">{show(change.before)}</span>}
            {item.action === 'update' && (
              <ArrowRightOutlined aria-label={t('audit.becomes')} className="audit-arrow" />
            )}
            {item.action !== 'delete' && <span className="audit-after">{show(change.after)}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
