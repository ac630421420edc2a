/** The buttons of a lead's card: call, the one-tap steps, enroll or collect, undo, assign. */
import { PhoneOutlined, UndoOutlined, UserAddOutlined, WalletOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { type LeadStep, LOST_REASONS, type LostReason } from '../../domain/leads/steps.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { type Lead, leadKeys } from '../components/lead-types.ts';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { leadActions } from './leads.model.ts';

/** Whatever a change to a lead touches: the campaign's lists and its funnel. */
export function useLeadsChanged(campaignId: number | null) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      campaignId === null
        ? [queryClient.invalidateQueries({ queryKey: leadKeys.all })]
        : [
            queryClient.invalidateQueries({ queryKey: leadKeys.list(campaignId) }),
            queryClient.invalidateQueries({ queryKey: leadKeys.funnel(campaignId) }),
            queryClient.invalidateQueries({ queryKey: leadKeys.sources(campaignId) }),
          ],
    );
}

export function LeadActionsBar({ lead, onAssign }: { lead: Lead; onAssign?: (lead: Lead) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const navigate = useNavigate();
  const changed = useLeadsChanged(lead.campaignId);
  const idem = useIdempotencyKey();
  const actions = leadActions(lead);
  const name = lead.fullName;

  const step = useMutation({
    mutationFn: (body: { step: LeadStep; reason?: LostReason } | 'undo') =>
      body === 'undo'
        ? api.post<Lead>(`/leads/${lead.id}/undo`, {}, idem.headers({ undo: lead.id }))
        : api.post<Lead>(`/leads/${lead.id}/follow-up`, body, idem.headers({ id: lead.id, ...body })),
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (updated, body) => {
      void message.success(
        body === 'undo'
          ? t('leads.undone', { name, status: t(`leads.status.${updated.status}`) })
          : t(`leads.done.${body.step}`, { name }),
      );
      return changed();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const busy = step.isPending;

  return (
    <div className="compact-actions lead-actions">
      {actions.tel && (
        <Button icon={<PhoneOutlined />} href={actions.tel} aria-label={t('leads.action.callWho', { name })}>
          {t('leads.action.call')}
        </Button>
      )}
      {actions.steps.includes('contacted') && (
        <Button
          loading={busy}
          onClick={() => step.mutate({ step: 'contacted' })}
          aria-label={t('leads.action.contactedWho', { name })}
        >
          {t('leads.action.contacted')}
        </Button>
      )}
      {actions.steps.includes('consulted') && (
        <Button
          loading={busy}
          onClick={() => step.mutate({ step: 'consulted' })}
          aria-label={t('leads.action.consultedWho', { name })}
        >
          {t('leads.action.consulted')}
        </Button>
      )}
      {actions.steps.includes('lost') && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: LOST_REASONS.map((reason) => ({ key: reason, label: t(`leads.lostReason.${reason}`) })),
            onClick: ({ key }) => step.mutate({ step: 'lost', reason: key as LostReason }),
          }}
        >
          <Button danger loading={busy} aria-label={t('leads.action.lostWho', { name })}>
            {t('leads.action.lost')}
          </Button>
        </Dropdown>
      )}
      {actions.enroll && can('participants.enroll') && (
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => navigate({ to: '/nguoi-tham-gia/dang-ky', search: actions.enroll ?? {} })}
          aria-label={t('leads.action.enrollWho', { name })}
        >
          {t('leads.action.enroll')}
        </Button>
      )}
      {actions.collectFrom !== null && can('payments.collect') && (
        <Button
          type="primary"
          icon={<WalletOutlined />}
          onClick={() =>
            navigate({ to: '/nguoi-tham-gia/$id/thu-tien', params: { id: String(actions.collectFrom) } })
          }
          aria-label={t('leads.action.collectWho', { name })}
        >
          {t('leads.action.collect')}
        </Button>
      )}
      {onAssign && can('leads.manage') && (
        <Button onClick={() => onAssign(lead)} aria-label={t('leads.action.assignWho', { name })}>
          {t('leads.action.assign')}
        </Button>
      )}
      {actions.undo && (
        <Button
          type="text"
          icon={<UndoOutlined />}
          loading={busy}
          onClick={() => step.mutate('undo')}
          aria-label={t('leads.action.undoWho', { name })}
        >
          {t('leads.action.undo')}
        </Button>
      )}
    </div>
  );
}
