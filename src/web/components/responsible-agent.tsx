/**
 * "Người thu phụ trách": the collection agent whose worklist holds a person's (or a household's)
 * next payment. Managers change it with a searchable list of the agents serving the commune; the
 * message that confirms it offers to undo.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorMessage } from './error-message.ts';
import type { AgentOption, ResponsibleAgent } from './registry-types.ts';
import { RemoteSelect } from './remote-select.tsx';

interface Assigned {
  changed: boolean;
  responsibleAgent: ResponsibleAgent | null;
}

const label = (a: { fullName: string; unitName: string }) => `${a.fullName} · ${a.unitName}`;

/** One fact of a profile's `dl.reg-facts`: who collects, and for managers the way to change it. */
export function ResponsibleAgentFact({
  path,
  who,
  agent,
  editable = true,
}: {
  /** The record: '/participants/12' or '/households/3'. */
  path: string;
  /** Whose payments, for the messages: the person's or the household head's name. */
  who: string;
  agent: ResponsibleAgent | null;
  /** False when there is nothing left to collect (an ended enrollment). */
  editable?: boolean;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The picker starts empty again after each request (antd keeps an undefined value as its own).
  const [round, setRound] = useState(0);

  const put = (agentUserId: number | null) => api.put<Assigned>(`${path}/agent`, { agentUserId });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['registry'] });

  const undo = useMutation({
    mutationFn: put,
    onSuccess: (result) => {
      void message.success(
        t('registry.agent.undone', { agent: result.responsibleAgent?.fullName ?? t('registry.agent.none') }),
      );
      return refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const change = useMutation({
    mutationFn: put,
    // Undo goes back to whoever was responsible when the choice was made: the one named, or
    // nobody named (whoever enrolled the person).
    onMutate: () => ({ previous: agent?.assigned ? agent.userId : null }),
    onSettled: () => setRound((n) => n + 1),
    onSuccess: (result, _agentUserId, { previous }) => {
      const key = `agent-${path}`;
      if (result.changed) {
        void message.success({
          key,
          duration: 8,
          content: (
            <span>
              {t('registry.agent.done', { name: who, agent: result.responsibleAgent?.fullName ?? '' })}{' '}
              <Button
                type="link"
                size="small"
                onClick={() => {
                  message.destroy(key);
                  undo.mutate(previous);
                }}
              >
                {t('registry.agent.undo')}
              </Button>
            </span>
          ),
        });
      }
      return refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  return (
    <div className="reg-agent-fact">
      <dt>{t('registry.agent.label')}</dt>
      <dd>
        {agent ? (
          <>
            <span className="cell-strong">{agent.fullName}</span>
            <span className="muted"> · {agent.unitName}</span>
            {!agent.assigned && <span className="muted"> ({t('registry.agent.enrolledBy')})</span>}
            {!agent.active && (
              <Tag color="red" className="tag-inline">
                {t('registry.agent.disabled')}
              </Tag>
            )}
          </>
        ) : (
          <span className="muted">{t('registry.agent.none')}</span>
        )}
        {can('participants.status') && editable && (
          <RemoteSelect<AgentOption, number>
            key={round}
            path={`${path}/agents`}
            ariaLabel={t('registry.agent.pick')}
            placeholder={t('registry.agent.placeholder')}
            className="reg-agent-select"
            allowClear={false}
            disabled={change.isPending || undo.isPending}
            onChange={(id) => {
              if (id !== undefined && id !== agent?.userId) change.mutate(id);
            }}
            toOption={(a) => ({ value: a.id, label: label(a) })}
          />
        )}
      </dd>
    </div>
  );
}
