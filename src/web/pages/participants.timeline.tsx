import {
  BellOutlined,
  CloseCircleOutlined,
  HomeOutlined,
  SwapOutlined,
  UserAddOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Skeleton, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import { registryKeys } from '../components/registry-api.ts';
import type { TimelineItem, TimelineKind } from '../components/registry-types.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatDateTime, formatVnd } from '../format.ts';

const LOOK: Record<TimelineKind, { color: string; icon: ReactNode }> = {
  enrolled: { color: 'blue', icon: <UserAddOutlined /> },
  payment: { color: 'green', icon: <WalletOutlined /> },
  void: { color: 'red', icon: <CloseCircleOutlined /> },
  status: { color: 'gray', icon: <SwapOutlined /> },
  reminder: { color: 'orange', icon: <BellOutlined /> },
  household: { color: 'cyan', icon: <HomeOutlined /> },
};

/** The server's titles are Vietnamese; built again from the codes beside them, they read in the reader's language. */
export function readableTitle(item: TimelineItem, t: TFunction): string {
  if (item.kind === 'status' && item.status) {
    return t('registry.timeline.status', {
      status: t(`registry.status.${item.status}`, { defaultValue: item.status }),
    });
  }
  if (item.kind === 'reminder' && item.status && item.channel) {
    return t('registry.timeline.reminderTitle', {
      channel: item.channel === 'sms' ? 'SMS' : 'Zalo',
      status: t(`registry.timeline.reminder.${item.status}`),
    });
  }
  return item.title;
}

export function ParticipantTimeline({ participantId }: { participantId: number }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const query = useQuery({
    queryKey: registryKeys.timeline(participantId),
    queryFn: () => api.get<{ items: TimelineItem[] }>(`/participants/${participantId}/timeline`),
  });
  return (
    <Card size="small" title={t('registry.timeline.title')} className="block-top">
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState description={t('registry.timeline.empty')} />
      ) : (
        <Timeline
          className="reg-timeline"
          items={query.data.items.map((item, i) => ({
            key: `${item.at}-${i}`,
            color: LOOK[item.kind].color,
            icon: LOOK[item.kind].icon,
            // On a phone the date goes under the title: a date column would halve the width.
            title: isMobile ? undefined : <span className="muted">{formatDateTime(item.at)}</span>,
            content: (
              <div className={item.kind === 'void' ? 'reg-timeline-item is-void' : 'reg-timeline-item'}>
                {isMobile && <div className="muted">{formatDateTime(item.at)}</div>}
                <div className="cell-strong">{readableTitle(item, t)}</div>
                {item.detail && <div className="muted">{item.detail}</div>}
                {(item.amount !== undefined || item.receiptNumber) && (
                  <div className="reg-timeline-money">
                    {item.amount !== undefined && <span>{formatVnd(item.amount)}</span>}
                    {item.receiptNumber && (
                      <Link
                        to="/bien-lai/$number"
                        params={{ number: item.receiptNumber }}
                        search={{ nguoi: participantId }}
                      >
                        {t('registry.timeline.receipt', { number: item.receiptNumber })}
                      </Link>
                    )}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
