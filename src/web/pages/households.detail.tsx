import '../registry.css';
import { UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Modal, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../domain/law/index.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RecordQuery } from '../components/query-state.tsx';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import type { Household, HouseholdMember } from '../components/registry-types.ts';
import { ResponsibleAgentFact } from '../components/responsible-agent.tsx';
import { formatDate, formatMonth, formatVnd, vietnamToday } from '../format.ts';
import { MemberFields, type MemberValues, memberBody } from './households.form.tsx';
import { HouseholdPay } from './households.pay.tsx';

export function HouseholdPage() {
  return (
    <RequirePermission permission="participants.read">
      <HouseholdLoader />
    </RequirePermission>
  );
}

function HouseholdLoader() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/shell/ho-gia-dinh/$id' });
  const householdId = Number(id);
  const query = useQuery({
    queryKey: registryKeys.household(householdId),
    queryFn: () => api.get<Household>(`/households/${householdId}`),
  });
  return (
    <RecordQuery
      query={query}
      notFound={t('registry.household.notFound')}
      back={{ to: '/ho-gia-dinh', label: t('registry.household.backToList') }}
    >
      {(data) => <HouseholdView h={data} />}
    </RecordQuery>
  );
}

function HouseholdView({ h }: { h: Household }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { thu } = useSearch({ from: '/shell/ho-gia-dinh/$id' });
  const [adding, setAdding] = useState(false);
  const current = h.members.filter((m) => m.toMonth === null || m.toMonth >= (h.nextPayment?.from ?? ''));
  const past = h.members.filter((m) => !current.includes(m));

  return (
    <>
      <PageHeader
        title={t('registry.household.titleOf', { name: h.head.fullName })}
        subtitle={
          <>
            {h.address ? `${h.address} · ` : ''}
            {h.orgUnitName}
          </>
        }
      />
      <div className="reg-profile-grid">
        <Card size="small" title={t('registry.household.periodTitle')}>
          <dl className="reg-facts">
            <div>
              <dt>{t('registry.profile.paidThrough')}</dt>
              <dd className="cell-strong">
                {h.paidThrough ? formatMonth(h.paidThrough) : t('registry.list.notPaidYet')}
              </dd>
            </div>
            <div>
              <dt>{t('registry.profile.dueDate')}</dt>
              <dd>{formatDate(h.dueDate)}</dd>
            </div>
            <div>
              <dt>{t('registry.household.paymentMonths')}</dt>
              <dd>{t('registry.work.hhiMonths', { n: h.paymentMonths })}</dd>
            </div>
            <div>
              <dt>{t('registry.household.headId')}</dt>
              <dd>{h.head.personalId}</dd>
            </div>
            <ResponsibleAgentFact
              path={`/households/${h.id}`}
              who={h.head.fullName}
              agent={h.responsibleAgent}
            />
          </dl>
        </Card>
        {can('payments.collect') && <HouseholdPay h={h} focus={Boolean(thu)} />}
      </div>
      <Card
        size="small"
        className="block-top"
        title={t('registry.household.membersTitle', { n: current.length })}
        extra={
          can('participants.enroll') && (
            <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('registry.household.addMember')}
            </Button>
          )
        }
      >
        <ul className="plain-list" aria-label={t('registry.household.membersTitle', { n: current.length })}>
          {current.map((m) => (
            <MemberRow key={m.id} h={h} m={m} />
          ))}
        </ul>
        {past.length > 0 && (
          <>
            <div className="muted block-top">{t('registry.household.pastMembers')}</div>
            <ul className="plain-list">
              {past.map((m) => (
                <li key={m.id} className="muted">
                  {m.fullName} · {t('registry.household.leftAfter', { month: formatMonth(m.toMonth ?? '') })}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      {adding && <AddMemberModal h={h} onClose={() => setAdding(false)} />}
    </>
  );
}

function MemberRow({ h, m }: { h: Household; m: HouseholdMember }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const isHead = m.personId === h.head.id;
  // The member stays covered through the months already paid; they leave from the next period.
  const lastMonth = addMonths(h.nextPayment?.from ?? vietnamToday().slice(0, 7), -1);
  const remove = useMutation({
    mutationFn: () =>
      api.delete<Household>(`/households/${h.id}/members/${m.id}`, idem.headers({ member: m.id })),
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (updated) => {
      queryClient.setQueryData(registryKeys.household(h.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void message.success(t('registry.household.removed', { name: m.fullName }));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  return (
    <li className="reg-member">
      <div className="reg-member-main">
        <div className="cell-strong">
          {m.nextOrder !== null && <span className="reg-order">{m.nextOrder}</span>}
          {m.fullName}{' '}
          {isHead && (
            <Tag color="blue" className="tag-inline">
              {t('registry.household.headTag')}
            </Tag>
          )}
          {m.otherSource && <Tag className="tag-inline">{t('registry.household.otherSourceTag')}</Tag>}
        </div>
        <div className="muted">
          {m.personalId} · {formatDate(m.birthDate)} ·{' '}
          {t('registry.household.since', { month: formatMonth(m.fromMonth) })}
          {m.toMonth && ` · ${t('registry.household.leftAfter', { month: formatMonth(m.toMonth) })}`}
        </div>
      </div>
      <div className="reg-member-side">
        {m.nextMonthly !== null && (
          <span>{t('registry.receipt.perMonth', { amount: formatVnd(m.nextMonthly) })}</span>
        )}
        {can('participants.enroll') && !isHead && m.toMonth === null && (
          <Popconfirm
            title={t('registry.household.removeConfirm', { name: m.fullName })}
            description={
              <div className="reg-popconfirm">
                {t('registry.household.removeText', { month: formatMonth(lastMonth) })}
              </div>
            }
            okText={t('registry.household.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          >
            <Button size="small" danger icon={<UserDeleteOutlined />} loading={remove.isPending}>
              {t('registry.household.remove')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </li>
  );
}

function AddMemberModal({ h, onClose }: { h: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const idem = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (v: MemberValues) => {
      const body = memberBody(v);
      return api.post<Household>(`/households/${h.id}/members`, body, idem.headers(body));
    },
    onSettled: (_d, error) => idem.settle(error),
    onSuccess: (updated) => {
      queryClient.setQueryData(registryKeys.household(h.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void message.success(t('registry.household.added'));
      onClose();
    },
    onError: (error) => {
      if (
        error instanceof ApiError &&
        error.field &&
        ['personalId', 'fullName', 'birthDate', 'sex', 'phone'].includes(error.field)
      ) {
        form.setFields([{ name: error.field as keyof MemberValues, errors: [error.message] }]);
        setFailure(null);
      } else setFailure(errorMessage(error, t));
    },
  });
  return (
    <Modal
      open
      title={t('registry.household.addMemberTitle')}
      okText={t('registry.household.addMember')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert
        type="info"
        showIcon
        className="block-gap"
        title={t('registry.household.addNote', {
          month: formatMonth(h.nextPayment?.from ?? vietnamToday().slice(0, 7)),
        })}
      />
      <Form<MemberValues>
        form={form}
        layout="vertical"
        name="household-member"
        onFinish={(v) => add.mutate(v)}
      >
        <MemberFields path={[]} />
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Modal>
  );
}
