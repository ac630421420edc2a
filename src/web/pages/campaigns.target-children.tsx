/**
 * The targets under one target, with their actual and pace. An officer may set a child's figure by
 * hand (the siblings absorb the difference) and take it back to the proposal.
 */
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, InputNumber, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useTargetsChanged } from '../components/campaign-api.ts';
import { PaceTag } from '../components/campaign-labels.tsx';
import type { TargetFields, TargetNode } from '../components/campaign-types.ts';
import { errorMessage } from '../components/error-message.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber, formatPercent } from '../format.ts';

interface Props {
  campaignId: number;
  node: TargetNode;
  /** May adjust the children by hand. */
  editable: boolean;
  onOpen: (child: TargetFields) => void;
  onError: (message: string | null) => void;
}

export function TargetChildren({ campaignId, node, editable, onOpen, onError }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const changed = useTargetsChanged(campaignId);
  const [editing, setEditing] = useState<{ id: number; amount: number | null } | null>(null);

  const override = useMutation({
    mutationFn: ({ id, amount }: { id: number; amount: number | null }) =>
      api.patch<TargetNode>(`/targets/${id}`, amount === null ? { overridden: false } : { amount }),
    onMutate: () => onError(null),
    onSuccess: async (_d, v) => {
      setEditing(null);
      void message.success(
        v.amount === null ? t('campaigns.targets.reverted') : t('campaigns.targets.overridden'),
      );
      await changed();
    },
    onError: (error) => onError(errorMessage(error, t)),
  });
  const saving = (id: number) => override.isPending && override.variables?.id === id;

  const name = (c: TargetFields) =>
    c.orgUnitId !== null ? (
      <button type="button" className="camp-link" onClick={() => onOpen(c)}>
        {c.name}
      </button>
    ) : (
      <span>{c.name}</span>
    );

  const amountCell = (c: TargetFields) => {
    if (editing?.id === c.id) {
      return (
        <form
          className="camp-inline-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (editing.amount !== null) override.mutate({ id: c.id, amount: editing.amount });
          }}
        >
          <InputNumber
            size="small"
            min={0}
            max={100_000_000}
            precision={0}
            inputMode="numeric"
            aria-label={t('campaigns.targets.amountOf', { name: c.name })}
            value={editing.amount}
            onChange={(v) => setEditing({ id: c.id, amount: v })}
            autoFocus
          />
          <Button size="small" type="primary" htmlType="submit" loading={saving(c.id)}>
            {t('common.save')}
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </Button>
        </form>
      );
    }
    return (
      <span className="camp-amount">
        <span className="cell-strong">{formatNumber(c.amount)}</span>
        {c.overridden && (
          <Tag color="purple" className="tag-inline">
            {t('campaigns.targets.manual')}
          </Tag>
        )}
        {editable && (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('campaigns.targets.editOf', { name: c.name })}
            onClick={() => setEditing({ id: c.id, amount: c.amount })}
          />
        )}
        {editable && c.overridden && (
          <Button
            size="small"
            type="text"
            icon={<RollbackOutlined />}
            loading={saving(c.id)}
            aria-label={t('campaigns.targets.revertOf', { name: c.name })}
            title={t('campaigns.targets.revert')}
            onClick={() => override.mutate({ id: c.id, amount: null })}
          />
        )}
      </span>
    );
  };

  if (isMobile) {
    return (
      <ul className="plain-list" aria-label={t('campaigns.targets.children')}>
        {node.children.map((c) => (
          <li key={c.id}>
            <div className="compact-title">
              {name(c)}
              <PaceTag target={c} />
            </div>
            <div className="compact-meta">{amountCell(c)}</div>
            <div className="compact-meta">
              {t('campaigns.targets.childLine', {
                actual: formatNumber(c.actual),
                reached: formatPercent(c.reached, 1),
                forecast: formatNumber(c.forecast),
              })}
            </div>
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<TargetFields> = [
    { title: t('campaigns.targets.unit'), dataIndex: 'name', render: (_, c) => name(c) },
    { title: t('campaigns.targets.amount'), key: 'amount', render: (_, c) => amountCell(c) },
    {
      title: t('campaigns.targets.proposed'),
      dataIndex: 'proposed',
      align: 'right',
      render: (n: number | null) => formatNumber(n),
    },
    {
      title: t('campaigns.targets.actual'),
      dataIndex: 'actual',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    {
      title: t('campaigns.targets.reached'),
      dataIndex: 'reached',
      align: 'right',
      render: (r: number) => formatPercent(r, 1),
    },
    {
      title: t('campaigns.targets.forecast'),
      dataIndex: 'forecast',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    { title: t('campaigns.targets.pace'), key: 'pace', render: (_, c) => <PaceTag target={c} /> },
  ];
  return (
    <section aria-label={t('campaigns.targets.children')}>
      <Table<TargetFields>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={node.children}
        pagination={node.children.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 820 }}
      />
    </section>
  );
}
