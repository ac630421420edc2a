/** Giving leads to an agent of the area (or taking them back), all at once. */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { errorMessage } from '../components/error-message.ts';
import type { Lead } from '../components/lead-types.ts';
import { useIdempotencyKey } from '../components/registry-api.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import type { UserItem } from '../types.ts';
import { useLeadsChanged } from './leads.actions.tsx';

export function AssignDialog({
  leads,
  onClose,
  onDone,
}: {
  leads: Lead[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [agent, setAgent] = useState<number | undefined>(
    leads.length === 1 ? leads[0]?.assignedTo?.id : undefined,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();
  const changed = useLeadsChanged(leads[0]?.campaignId ?? null);
  const known = leads.flatMap((l) =>
    l.assignedTo ? [{ value: l.assignedTo.id, label: l.assignedTo.fullName }] : [],
  );

  const assign = useMutation({
    mutationFn: (agentUserId: number | null) => {
      const body = { leadIds: leads.map((l) => l.id), agentUserId };
      return api.post<{ assigned: number }>('/leads/assign', body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (result, agentUserId) => {
      void message.success(
        agentUserId === null
          ? t('leads.assign.taken', { n: result.assigned })
          : t('leads.assign.done', { n: result.assigned }),
      );
      onDone();
      return changed();
    },
    onError: (error) => setFailure(errorMessage(error, t)),
  });

  const title =
    leads.length === 1
      ? t('leads.assign.titleOne', { name: leads[0]?.fullName })
      : t('leads.assign.title', { n: leads.length });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        leads.some((l) => l.assignedTo) && (
          <Button key="take" loading={assign.isPending} onClick={() => assign.mutate(null)}>
            {t('leads.assign.takeBack')}
          </Button>
        ),
        <Button
          key="assign"
          type="primary"
          disabled={agent === undefined}
          loading={assign.isPending}
          onClick={() => agent !== undefined && assign.mutate(agent)}
        >
          {t('leads.assign.submit')}
        </Button>,
      ]}
    >
      {failure && <Alert type="error" showIcon className="block-gap" title={failure} />}
      <Form layout="vertical">
        <Form.Item label={t('leads.assign.agent')} htmlFor="lead-agent" extra={t('leads.assign.hint')}>
          <RemoteSelect<UserItem, number>
            id="lead-agent"
            path="/users"
            params={{ role: 'collection_agent' }}
            ariaLabel={t('leads.assign.agent')}
            value={agent}
            known={known}
            onChange={(v) => {
              setFailure(null);
              setAgent(v);
            }}
            toOption={(u) => ({ value: u.id, label: `${u.fullName} · ${u.orgUnit.name}` })}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
