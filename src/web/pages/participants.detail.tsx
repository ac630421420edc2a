import '../registry.css';
import { EditOutlined, PhoneOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Alert, Button, Card, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINAL_STATUSES } from '../../domain/registry/periods.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RecordQuery } from '../components/query-state.tsx';
import { registryKeys } from '../components/registry-api.ts';
import { nextMonthOf, StatusTag, telHref } from '../components/registry-labels.tsx';
import type { Participant } from '../components/registry-types.ts';
import { RemindButton, remindable } from '../components/remind-button.tsx';
import { ResponsibleAgentFact } from '../components/responsible-agent.tsx';
import { formatDate, formatDateTime, formatMonth, formatVnd } from '../format.ts';
import { EditParticipantModal, EndEnrollmentModal } from './participants.edit.tsx';
import { ParticipantTimeline } from './participants.timeline.tsx';

export function ParticipantPage() {
  return (
    <RequirePermission permission="participants.read">
      <ParticipantProfile />
    </RequirePermission>
  );
}

function ParticipantProfile() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/shell/nguoi-tham-gia/$id' });
  const participantId = Number(id);
  const query = useQuery({
    queryKey: registryKeys.participant(participantId),
    queryFn: () => api.get<Participant>(`/participants/${participantId}`),
  });
  return (
    <RecordQuery
      query={query}
      notFound={t('registry.profile.notFound')}
      back={{ to: '/nguoi-tham-gia', label: t('registry.profile.backToList') }}
    >
      {(data) => <Profile p={data} />}
    </RecordQuery>
  );
}

function Profile({ p }: { p: Participant }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { moi } = useSearch({ from: '/shell/nguoi-tham-gia/$id' });
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  const e = p.enrollment;
  const ended = e ? FINAL_STATUSES.includes(e.status) : false;
  const canCollect = can('payments.collect') && e !== null && !ended;
  const pay = () => navigate({ to: '/nguoi-tham-gia/$id/thu-tien', params: { id: String(p.id) } });

  return (
    <>
      <PageHeader
        title={p.fullName}
        subtitle={
          <>
            {p.personalId} · {t('registry.profile.born', { date: formatDate(p.birthDate) })} ·{' '}
            {t(`registry.sex.${p.sex}`)}
          </>
        }
        extra={
          p.phone && (
            <Button icon={<PhoneOutlined />} href={telHref(p.phone)}>
              {t('registry.profile.call')}
            </Button>
          )
        }
      />
      {moi && (
        <Alert
          type="success"
          showIcon
          className="block-gap"
          title={t('registry.profile.enrolled', { name: p.fullName })}
          description={
            canCollect && (
              <>
                <div>{t('registry.profile.enrolledText')}</div>
                <Button type="primary" size="large" className="block-top reg-cta" onClick={pay}>
                  {t('registry.profile.collectNow')}
                </Button>
              </>
            )
          }
        />
      )}
      <div className="reg-profile-grid">
        <Card
          size="small"
          title={t('registry.profile.enrollment')}
          extra={e && <StatusTag status={e.status} />}
          className="reg-profile-enrollment"
        >
          {e ? (
            <dl className="reg-facts">
              <div>
                <dt>{t('registry.profile.paidThrough')}</dt>
                <dd className="cell-strong">
                  {e.paidThrough ? formatMonth(e.paidThrough) : t('registry.list.notPaidYet')}
                </dd>
              </div>
              {!ended && (
                <div>
                  <dt>{t('registry.profile.nextPeriod')}</dt>
                  <dd>{formatMonth(nextMonthOf(e))}</dd>
                </div>
              )}
              {e.dueDate && (
                <div>
                  <dt>{t('registry.profile.dueDate')}</dt>
                  <dd className="cell-strong">{formatDate(e.dueDate)}</dd>
                </div>
              )}
              <div>
                <dt>{t('registry.field.monthlyIncome')}</dt>
                <dd>{formatVnd(e.monthlyIncome)}</dd>
              </div>
              <div>
                <dt>{t('registry.field.paymentMode')}</dt>
                <dd>{t(`registry.mode.${e.paymentMode}`)}</dd>
              </div>
              <div>
                <dt>{t('registry.field.startMonth')}</dt>
                <dd>{formatMonth(e.startMonth)}</dd>
              </div>
              <div>
                <dt>{t('registry.profile.monthsPaid')}</dt>
                <dd>{e.monthsPaid}</dd>
              </div>
              <div>
                <dt>{t('registry.profile.supportedUsed')}</dt>
                <dd>{e.supportedMonthsUsed}</dd>
              </div>
              <div>
                <dt>{t('registry.profile.statusSince')}</dt>
                <dd>{formatDate(e.statusSince)}</dd>
              </div>
              <ResponsibleAgentFact
                path={`/participants/${p.id}`}
                who={p.fullName}
                agent={e.responsibleAgent}
                editable={!ended}
              />
            </dl>
          ) : (
            <Alert type="info" showIcon title={t('registry.profile.noEnrollment')} />
          )}
          {canCollect && (
            <Button type="primary" block size="large" className="block-top" onClick={pay}>
              {t('registry.profile.collect')}
            </Button>
          )}
          {/* A reminder asks for the next period before its deadline; a lapsed person needs a call. */}
          {e && !ended && e.status !== 'lapsed' && remindable(e.dueDate) && (
            <RemindButton
              path={`/participants/${p.id}`}
              who={p.fullName}
              consent={p.contactConsent}
              phone={p.phone}
              block
              size="large"
              explain
              className="block-top"
            />
          )}
        </Card>
        <Card
          size="small"
          title={t('registry.profile.person')}
          extra={
            can('participants.enroll') && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )
          }
        >
          <dl className="reg-facts">
            <div>
              <dt>{t('registry.field.commune')}</dt>
              <dd>
                {p.commune.name}, {p.province.name}
              </dd>
            </div>
            <div>
              <dt>{t('registry.field.phone')}</dt>
              <dd>{p.phone ? <a href={telHref(p.phone)}>{p.phone}</a> : '—'}</dd>
            </div>
            <div>
              <dt>{t('registry.field.ethnicity')}</dt>
              <dd>{p.ethnicity ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('registry.profile.categories')}</dt>
              <dd>
                {p.categories.length === 0
                  ? t('registry.category.other')
                  : p.categories.map((c) => (
                      <div key={c}>
                        <Tag className="tag-inline">{t(`registry.category.${c}`)}</Tag>
                        {p.categoryEvidence[c] && <span className="muted"> {p.categoryEvidence[c]}</span>}
                      </div>
                    ))}
              </dd>
            </div>
            <div>
              <dt>{t('registry.profile.consent')}</dt>
              <dd>
                {p.contactConsent
                  ? t('registry.profile.consentYes', { at: formatDateTime(p.contactConsentAt) })
                  : t('registry.profile.consentNo')}
              </dd>
            </div>
            <div>
              <dt>{t('registry.list.unit')}</dt>
              <dd>{p.orgUnit.name}</dd>
            </div>
            {e && (
              <div>
                <dt>{t('registry.field.channel')}</dt>
                <dd>{t(`registry.channel.${e.channel}`, { defaultValue: e.channel })}</dd>
              </div>
            )}
            {p.deceasedOn && (
              <div>
                <dt>{t('registry.status.deceased')}</dt>
                <dd>{formatDate(p.deceasedOn)}</dd>
              </div>
            )}
          </dl>
          {can('participants.status') && e && !ended && (
            <Button
              danger
              block
              icon={<StopOutlined />}
              className="block-top"
              onClick={() => setEnding(true)}
            >
              {t('registry.end.open')}
            </Button>
          )}
        </Card>
      </div>
      <ParticipantTimeline participantId={p.id} />
      {editing && <EditParticipantModal participant={p} onClose={() => setEditing(false)} />}
      {ending && <EndEnrollmentModal participant={p} onClose={() => setEnding(false)} />}
    </>
  );
}
