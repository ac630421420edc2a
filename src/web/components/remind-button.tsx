/**
 * "Nhắc đóng": sends one person their payment reminder now, with the amount, the deadline and the
 * pay link, as the daily job would. Only people who agreed to be contacted can be reminded: for the
 * others the button stays disabled and says why. The server's refusals (already reminded this
 * period, the deadline passed) are shown as it words them.
 */
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayNumber } from '../../domain/law/index.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { vietnamToday } from '../format.ts';
import { errorMessage } from './error-message.ts';
import { useIdempotencyKey } from './registry-api.ts';
import type { Reminder } from './registry-types.ts';

/** How far ahead a deadline may be for a reminder now: the worklist's horizon, as the server checks. */
const HORIZON_DAYS = 62;

/** A reminder fits a deadline still to come, within the worklist's horizon; past it, a call does. */
export function remindable(dueDate: string | null, today = vietnamToday()): boolean {
  if (!dueDate) return false;
  const days = dayNumber(dueDate) - dayNumber(today);
  return days >= 0 && days <= HORIZON_DAYS;
}

/** Says how a reminder sent by hand went: sent, or waiting in the outbox with the carrier's error. */
export function announceReminder(
  message: ReturnType<typeof App.useApp>['message'],
  t: TFunction,
  reminder: Reminder,
  name: string,
) {
  if (reminder.status === 'sent') void message.success(t('registry.remind.sent', { name }));
  else void message.warning(t('registry.remind.notSent', { name, error: reminder.error ?? '' }));
}

export function RemindButton({
  path,
  who,
  consent,
  phone,
  block = false,
  size,
  explain = false,
  className,
}: {
  /** The record: '/participants/12' or '/households/3'. */
  path: string;
  /** Whom the message reaches, for the messages: the person's or the household head's name. */
  who: string;
  consent: boolean;
  phone: string | null;
  block?: boolean;
  size?: 'large';
  /** Say why under a disabled button too (a phone shows no tooltip). */
  explain?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const [done, setDone] = useState(false);
  const whyId = useId();

  const send = useMutation({
    mutationFn: () => api.post<Reminder>(`${path}/reminders`, {}, idem.headers({})),
    onSettled: (_reminder, error) => idem.settle(error),
    onSuccess: (reminder) => {
      setDone(true);
      announceReminder(message, t, reminder, who);
      // The outbox and the person's timeline have a new entry.
      return queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
    onError: (error) => void message.error({ content: errorMessage(error, t), duration: 8 }),
  });

  if (!can('payments.collect') || !phone) return null;
  const label = t('registry.remind.buttonWho', { name: who });
  if (!consent) {
    const why = t('registry.remind.noConsent', { name: who });
    return (
      <>
        <Tooltip title={why} trigger={['hover', 'click']}>
          {/* A disabled button takes no pointer events: its wrapper shows why on hover or tap. */}
          <span className={['reg-remind-off', block && 'is-block', className].filter(Boolean).join(' ')}>
            <Button
              icon={<BellOutlined />}
              disabled
              block={block}
              size={size}
              aria-label={label}
              aria-describedby={whyId}
            >
              {t('registry.remind.button')}
            </Button>
          </span>
        </Tooltip>
        <span id={whyId} className={explain ? 'muted reg-remind-why' : 'reg-remind-sr'}>
          {why}
        </span>
      </>
    );
  }
  return (
    <Button
      icon={done ? <CheckOutlined /> : <BellOutlined />}
      loading={send.isPending}
      disabled={done}
      block={block}
      className={className}
      size={size}
      title={t('registry.remind.hint')}
      aria-label={label}
      onClick={() => send.mutate()}
    >
      {done ? t('registry.remind.done') : t('registry.remind.button')}
    </Button>
  );
}
