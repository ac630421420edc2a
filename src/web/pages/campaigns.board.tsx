/** The dashboard's lower half: who leads, where an agent ranks, what was done on the ground, where people drop out. */
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, Funnel, Kpis } from '../components/campaign-types.ts';
import { useProvinces } from '../components/province-select.tsx';
import { formatNumber, formatPercent, formatVnd } from '../format.ts';
import type { Level } from './campaigns.levels.tsx';
import { funnelSteps } from './campaigns.model.ts';

interface LeaderRow {
  key: string | number;
  name: ReactNode;
  meta: string;
  value: string;
  onOpen?: (() => void) | undefined;
}

function LeaderList({ rows, label }: { rows: LeaderRow[]; label: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('campaigns.leaders.empty')}</p>;
  return (
    <ol className="camp-leaders" aria-label={label}>
      {rows.map((row, i) => (
        <li key={row.key}>
          <span className="camp-rank">{i + 1}</span>
          <span className="camp-leader-who">
            {row.onOpen ? (
              <button type="button" className="camp-link" onClick={row.onOpen}>
                {row.name}
              </button>
            ) : (
              <span className="cell-strong">{row.name}</span>
            )}
            {row.meta && <span className="muted">{row.meta}</span>}
          </span>
          <span className="camp-leader-value">{row.value}</span>
        </li>
      ))}
    </ol>
  );
}

/** Who leads the place on screen; a tap on a province, a post office or an agent opens their dashboard. */
export function LeadersCard({ data, onOpen }: { data: Dashboard; onOpen: (level: Level) => void }) {
  const { t } = useTranslation();
  const { names } = useProvinces();
  const province = (code: string | null) => (code ? (names.get(code) ?? code) : '');
  const people = (n: number) => t('campaigns.leaders.people', { n: formatNumber(n) });
  const provincesTab = {
    key: 'provinces',
    label: t('campaigns.leaders.provinces'),
    children: (
      <LeaderList
        label={t('campaigns.leaders.provinces')}
        rows={data.leaders.provinces.map((p) => ({
          key: p.code,
          name: p.name,
          meta:
            p.target > 0
              ? t('campaigns.leaders.ofTarget', {
                  reached: formatPercent(p.reached, 1),
                  target: formatNumber(p.target),
                })
              : '',
          value: people(p.enrollments),
          onOpen: () => onOpen({ province: p.code }),
        }))}
      />
    ),
  };
  const tabs = [
    // Ranking provinces means nothing on one province's dashboard.
    ...(data.scope.level === 'national' ? [provincesTab] : []),
    {
      key: 'offices',
      label: t('campaigns.leaders.postOffices'),
      children: (
        <LeaderList
          label={t('campaigns.leaders.postOffices')}
          rows={data.leaders.postOffices.map((o) => ({
            key: o.orgUnitId,
            name: o.name,
            meta: [province(o.provinceCode), formatVnd(o.amount)].filter(Boolean).join(' · '),
            value: people(o.enrollments),
            onOpen: () => onOpen({ unit: o.orgUnitId }),
          }))}
        />
      ),
    },
    {
      key: 'agents',
      label: t('campaigns.leaders.agents'),
      children: (
        <LeaderList
          label={t('campaigns.leaders.agents')}
          rows={data.leaders.agents.map((a) => ({
            key: a.agentUserId,
            name: a.fullName,
            meta: [a.orgUnitName, formatVnd(a.amount)].join(' · '),
            value: people(a.enrollments),
            onOpen: () => onOpen({ agent: a.agentUserId }),
          }))}
        />
      ),
    },
  ];
  return (
    <Card size="small" title={t('campaigns.leaders.title')} className="camp-card">
      <Tabs key={data.scope.level} size="small" items={tabs} />
    </Card>
  );
}

/** An agent's place among the agents of their province: a number and a count, nobody else's name. */
export function RankCard({ rank }: { rank: NonNullable<Dashboard['rank']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('campaigns.rank.title')} className="camp-card">
      <p className="camp-rank-line">
        <span className="camp-rank-big">{formatNumber(rank.position)}</span>
        <span>{t('campaigns.rank.of', { n: formatNumber(rank.of), province: rank.provinceName })}</span>
      </p>
    </Card>
  );
}

const KPI_KEYS: (keyof Kpis)[] = [
  'convoys',
  'cars',
  'motorbikes',
  'communesReached',
  'conferences',
  'conferenceAttendees',
  'doorToDoorGroups',
  'peopleReached',
  'loudspeakerBroadcasts',
  'articles',
  'printedItems',
  'localLaunches',
];

/** The counters of the 2022 report: what the campaign did on the ground. */
export function KpiCard({ kpis }: { kpis: Kpis }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('campaigns.kpi.title')}
      extra={
        <span className="muted">{t('campaigns.kpi.activities', { n: formatNumber(kpis.activities) })}</span>
      }
      className="camp-card"
    >
      <dl className="camp-kpis">
        {KPI_KEYS.map((key) => (
          <div key={key}>
            <dt>{t(`campaigns.kpi.${key}`)}</dt>
            <dd>{formatNumber(kpis[key])}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** From the first contact to a year of paying: each step as a bar, with the share that went on. */
export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const steps = funnelSteps(funnel);
  return (
    <Card size="small" title={t('campaigns.funnel.title')} className="camp-card">
      {steps.every((s) => s.value === 0) ? (
        <p className="muted">{t('campaigns.funnel.empty')}</p>
      ) : (
        <ol className="camp-funnel">
          {steps.map((s) => (
            <li key={s.key}>
              <div className="camp-funnel-label">
                <span>{t(`campaigns.funnel.${s.key}`)}</span>
                <span className="cell-strong">
                  {formatNumber(s.value)}
                  {s.conversion !== null && (
                    <span className="muted"> · {formatPercent(s.conversion, 1)}</span>
                  )}
                </span>
              </div>
              <div className="camp-funnel-track">
                <div className="camp-funnel-bar" style={{ width: `${Math.max(s.width * 100, 0.5)}%` }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
