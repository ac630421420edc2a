/**
 * The target tree: the national figure, the provinces under it, their units and agents below,
 * each with its actual and pace. The central office sets the national figure; those who log
 * activities split a target by potential and adjust a child by hand.
 */
import { ApartmentOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, InputNumber, Segmented, Skeleton, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useNationalViewer, useTargetsChanged } from '../components/campaign-api.ts';
import { PaceTag } from '../components/campaign-labels.tsx';
import {
  type Campaign,
  type CascadeProposal,
  campaignKeys,
  type TargetFields,
  type TargetNode,
} from '../components/campaign-types.ts';
import { errorMessage } from '../components/error-message.ts';
import { EmptyState, LoadError } from '../components/query-state.tsx';
import type { Product } from '../components/registry-types.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { LegacyTargets } from './campaigns.legacy-targets.tsx';
import { TargetChildren } from './campaigns.target-children.tsx';

interface Crumb {
  id: number;
  name: string;
}

export function TargetsTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [product, setProduct] = useState<Product>(campaign.products[0] ?? 'vsi');
  // Below the national target: the targets opened on the way down, the last one on screen.
  const [path, setPath] = useState<Crumb[]>([]);
  const openedId = path.at(-1)?.id;
  const base = campaignKeys.targets(campaign.id);
  const national = useQuery({
    queryKey: [...base, 'national', product],
    queryFn: () => api.get<TargetNode | null>(`/campaigns/${campaign.id}/targets`, { product }),
  });
  const opened = useQuery({
    queryKey: [...base, 'node', openedId],
    queryFn: () => api.get<TargetNode>(`/targets/${openedId}`),
    enabled: openedId !== undefined,
  });
  const query = openedId === undefined ? national : opened;
  const chooseProduct = (p: Product) => {
    setProduct(p);
    setPath([]);
  };

  return (
    <div className="camp-board">
      {campaign.products.length > 1 && (
        <Segmented<Product>
          aria-label={t('campaigns.field.products')}
          value={product}
          onChange={chooseProduct}
          options={campaign.products.map((p) => ({ value: p, label: t(`registry.product.${p}`) }))}
        />
      )}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data === null ? (
        <Card>
          <EmptyState description={t('campaigns.targets.none')} />
          <NationalTargetForm key={product} campaignId={campaign.id} product={product} current={null} />
        </Card>
      ) : (
        <>
          <Breadcrumb
            className="camp-crumbs"
            items={[
              {
                title: (
                  <button type="button" className="camp-link" onClick={() => setPath([])}>
                    {t('campaigns.targets.national')}
                  </button>
                ),
              },
              ...path.map((c, i) => ({
                title:
                  i === path.length - 1 ? (
                    c.name
                  ) : (
                    <button type="button" className="camp-link" onClick={() => setPath(path.slice(0, i + 1))}>
                      {c.name}
                    </button>
                  ),
              })),
            ]}
          />
          <TargetView
            // A proposal or an edit in progress belongs to the target it was made on.
            key={query.data.id}
            campaignId={campaign.id}
            node={query.data}
            isNational={openedId === undefined}
            onOpen={(child) => setPath([...path, { id: child.id, name: child.name }])}
          />
          {openedId === undefined && <LegacyTargets campaignId={campaign.id} product={product} />}
        </>
      )}
    </div>
  );
}

function TargetView({
  campaignId,
  node,
  isNational,
  onOpen,
}: {
  campaignId: number;
  node: TargetNode;
  isNational: boolean;
  onOpen: (child: TargetFields) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const nationalViewer = useNationalViewer();
  const [failure, setFailure] = useState<string | null>(null);
  // The national target is split and adjusted by the central office; the server says so again.
  const governs = can('activities.log') && (nationalViewer || !isNational);
  return (
    <>
      <Card size="small" title={node.name} className="camp-card" extra={<PaceTag target={node} />}>
        <dl className="camp-kpis camp-target-facts">
          <div>
            <dt>{t('campaigns.targets.amount')}</dt>
            <dd>{formatNumber(node.amount)}</dd>
          </div>
          <div>
            <dt>{t('campaigns.targets.actual')}</dt>
            <dd>{formatNumber(node.actual)}</dd>
          </div>
          <div>
            <dt>{t('campaigns.targets.reachedVsElapsed')}</dt>
            <dd>
              {formatPercent(node.reached, 1)}{' '}
              <span className="muted">/ {formatPercent(node.elapsed, 1)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('campaigns.targets.forecast')}</dt>
            <dd>{formatNumber(node.forecast)}</dd>
          </div>
        </dl>
        {isNational && can('campaigns.manage') && (
          <NationalTargetForm
            key={`${node.product}-${node.amount}`}
            campaignId={campaignId}
            product={node.product}
            current={node.amount}
          />
        )}
      </Card>
      {failure && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          title={t('campaigns.targets.notSaved')}
          description={failure}
        />
      )}
      {governs && <CascadeCard campaignId={campaignId} node={node} onError={setFailure} />}
      <Card size="small" title={t('campaigns.targets.children')} className="camp-card">
        {node.children.length === 0 ? (
          <EmptyState description={t('campaigns.targets.noChildren')} />
        ) : (
          <TargetChildren
            campaignId={campaignId}
            node={node}
            editable={governs}
            onOpen={onOpen}
            onError={setFailure}
          />
        )}
      </Card>
    </>
  );
}

function NationalTargetForm({
  campaignId,
  product,
  current,
}: {
  campaignId: number;
  product: Product;
  current: number | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const changed = useTargetsChanged(campaignId);
  const [amount, setAmount] = useState<number | null>(current);
  const save = useMutation({
    mutationFn: (value: number) =>
      api.put<TargetNode>(`/campaigns/${campaignId}/targets`, { product, amount: value }),
    onSuccess: async (node) => {
      void message.success(t('campaigns.targets.nationalSaved', { n: formatNumber(node.amount) }));
      await changed();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (!can('campaigns.manage')) return null;
  return (
    <form
      className="camp-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (amount !== null) save.mutate(amount);
      }}
    >
      <label htmlFor="national-target">{t('campaigns.targets.nationalField')}</label>
      <div className="camp-inline-row">
        <InputNumber
          id="national-target"
          min={0}
          max={100_000_000}
          precision={0}
          inputMode="numeric"
          value={amount}
          onChange={(v) => setAmount(typeof v === 'number' ? v : null)}
          formatter={(v: number | string | undefined) =>
            v === undefined || v === '' ? '' : formatNumber(Number(v))
          }
          parser={(text) => Number((text ?? '').replace(/\D/g, ''))}
        />
        <Button
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined />}
          loading={save.isPending}
          disabled={amount === null || amount === current}
        >
          {t('campaigns.targets.saveNational')}
        </Button>
      </div>
    </form>
  );
}

/** The proposal by potential, shown before it is given; "give" stores it as the children's targets. */
function CascadeCard({
  campaignId,
  node,
  onError,
}: {
  campaignId: number;
  node: TargetNode;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const changed = useTargetsChanged(campaignId);
  const [proposal, setProposal] = useState<CascadeProposal | null>(null);
  const cascade = useMutation({
    mutationFn: (apply: boolean) => api.post<CascadeProposal>(`/targets/${node.id}/cascade`, { apply }),
    onMutate: () => onError(null),
    onSuccess: async (result) => {
      setProposal(result.applied ? null : result);
      if (result.applied) {
        void message.success(t('campaigns.targets.applied', { n: formatNumber(result.items.length) }));
        await changed();
      }
    },
    onError: (error) => onError(errorMessage(error, t)),
  });
  const busy = (apply: boolean) => cascade.isPending && cascade.variables === apply;

  return (
    <Card size="small" title={t('campaigns.targets.cascadeTitle')} className="camp-card">
      <p className="muted camp-hint">{t('campaigns.targets.cascadeHint')}</p>
      <div className="compact-actions camp-cascade-actions">
        <Button icon={<ApartmentOutlined />} loading={busy(false)} onClick={() => cascade.mutate(false)}>
          {t('campaigns.targets.propose')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy(true)}
          onClick={() => cascade.mutate(true)}
        >
          {t('campaigns.targets.apply')}
        </Button>
      </div>
      {proposal && (
        <section aria-label={t('campaigns.targets.proposalTable')} className="block-top">
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={proposal.items}
            scroll={isMobile ? { x: 520 } : undefined}
            summary={() => (
              <Table.Summary.Row className="summary-row">
                <Table.Summary.Cell index={0}>{t('campaigns.targets.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {formatNumber(proposal.items.reduce((s, i) => s + i.potential, 0))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatNumber(proposal.items.reduce((s, i) => s + i.pastRegistrations, 0))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatNumber(proposal.items.reduce((s, i) => s + i.proposed, 0))}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
            columns={[
              { title: t('campaigns.targets.unit'), dataIndex: 'name' },
              {
                title: t('campaigns.targets.potential'),
                dataIndex: 'potential',
                align: 'right',
                render: (n: number) => formatNumber(n),
              },
              {
                title: t('campaigns.targets.past'),
                dataIndex: 'pastRegistrations',
                align: 'right',
                render: (n: number) => formatNumber(n),
              },
              {
                title: t('campaigns.targets.proposed'),
                dataIndex: 'proposed',
                align: 'right',
                render: (n: number) => <strong>{formatNumber(n)}</strong>,
              },
            ]}
          />
        </section>
      )}
    </Card>
  );
}
