/**
 * The safety checklist of a bridge point or an activity: who confirmed each item and when, with
 * confirm and undo for those who log activities, and a box to add an item of their own.
 */
import { CheckCircleFilled, ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { formatVietnamDateTime } from '../format.ts';
import type { CheckItem } from './campaign-types.ts';
import { errorMessage } from './error-message.ts';

interface Props {
  items: readonly CheckItem[];
  /** What a new item belongs to. */
  owner: { activityId: number } | { bridgeId: number };
  /** Called after every change, to reload whatever shows the checklist. */
  onChanged: () => Promise<unknown>;
}

export function Checklist({ items, owner, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const editable = can('activities.log');
  const [label, setLabel] = useState('');
  const onError = (error: unknown) => void message.error(errorMessage(error, t));

  const confirm = useMutation({
    mutationFn: ({ id, confirmed }: { id: number; confirmed: boolean }) =>
      api.put<void>(`/checklist/${id}`, { confirmed }),
    onSuccess: () => onChanged(),
    onError,
  });
  const add = useMutation({
    mutationFn: (text: string) => api.post<{ id: number }>('/checklist', { ...owner, label: text }),
    onSuccess: async () => {
      setLabel('');
      await onChanged();
    },
    onError,
  });
  const busy = (id: number) => confirm.isPending && confirm.variables?.id === id;

  return (
    <div className="camp-checklist">
      {items.length === 0 ? (
        <p className="muted">{t('campaigns.checklist.empty')}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id} className="camp-check">
              <span className={item.confirmedAt ? 'camp-check-icon is-done' : 'camp-check-icon'}>
                {item.confirmedAt ? <CheckCircleFilled /> : <ClockCircleOutlined />}
              </span>
              <span className="camp-check-text">
                <span>{item.label}</span>
                <span className="muted">
                  {item.confirmedAt
                    ? t('campaigns.checklist.confirmedBy', {
                        who: item.confirmedBy ?? '—',
                        at: formatVietnamDateTime(item.confirmedAt),
                      })
                    : t('campaigns.checklist.pending')}
                </span>
              </span>
              {editable && (
                <Button
                  size="small"
                  type={item.confirmedAt ? 'default' : 'primary'}
                  loading={busy(item.id)}
                  aria-label={
                    item.confirmedAt
                      ? t('campaigns.checklist.undoOf', { label: item.label })
                      : t('campaigns.checklist.confirmOf', { label: item.label })
                  }
                  onClick={() => confirm.mutate({ id: item.id, confirmed: !item.confirmedAt })}
                >
                  {item.confirmedAt ? t('campaigns.checklist.undo') : t('campaigns.checklist.confirm')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Space.Compact className="camp-check-add">
          <Input
            aria-label={t('campaigns.checklist.newItem')}
            placeholder={t('campaigns.checklist.newItem')}
            maxLength={300}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            onPressEnter={() => label.trim() && add.mutate(label.trim())}
          />
          <Button
            icon={<PlusOutlined />}
            loading={add.isPending}
            disabled={!label.trim()}
            onClick={() => add.mutate(label.trim())}
          >
            {t('campaigns.checklist.add')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}

/** "2/3": confirmed items of all. */
export function checklistProgress(items: readonly Pick<CheckItem, 'confirmedAt'>[]): string {
  return `${items.filter((i) => i.confirmedAt).length}/${items.length}`;
}
