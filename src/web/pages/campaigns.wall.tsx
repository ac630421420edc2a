/**
 * The launch ceremony on the big screen at the central bridge point: no menu, no buttons to press
 * by mistake, large figures that refresh on their own, and every bridge point as a tile, central →
 * provinces → grassroots offices and post offices. The same launch answer as the tab, so it shows
 * what the signed-in viewer may see. Works on a phone as well, for whoever watches from the field.
 */
import '../campaigns.css';
import '../campaigns.wall.css';
import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { Button, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { CampaignRecord } from '../components/campaign-record.tsx';
import {
  type BridgePoint,
  type Campaign,
  campaignKeys,
  type LaunchWall,
} from '../components/campaign-types.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { useDocumentTitle } from '../components/page-header.tsx';
import { LoadError } from '../components/query-state.tsx';
import { formatNumber, formatVietnamDateTime, formatVietnamTime } from '../format.ts';
import { type WallGroup, wallGroups } from './campaigns.model.ts';

const WALL_MS = 3_000;

export function LaunchWallScreen() {
  return (
    <main className="page wall-page">
      <RequirePermission permission="participants.read">
        <WallLoader />
      </RequirePermission>
    </main>
  );
}

function WallLoader() {
  const { id } = useParams({ from: '/chien-dich/$id/man-hinh-le-ra-quan' });
  return <CampaignRecord id={Number(id)}>{(campaign) => <Wall campaign={campaign} />}</CampaignRecord>;
}

function Wall({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('campaigns.wall.title')} · ${campaign.name}`);
  const query = useQuery({
    queryKey: campaignKeys.launch(campaign.id),
    queryFn: () => api.get<LaunchWall>(`/campaigns/${campaign.id}/launch`),
    refetchInterval: WALL_MS,
    // The projector's browser is often not the window in front on the control desk.
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
  });
  const wall = query.data;

  return (
    <div className="wall">
      <header className="wall-head">
        <div className="wall-title">
          <p className="wall-kicker">{t('campaigns.wall.title')}</p>
          <h1>{campaign.name}</h1>
          <p className="wall-theme">“{campaign.theme}”</p>
        </div>
        <WallTools campaignId={campaign.id} />
      </header>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !wall ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <p className="wall-status" aria-live="polite">
            <span className={`wall-dot${query.isError ? ' is-stale' : ''}`} aria-hidden />
            <span>
              {!wall.launchAt
                ? t('campaigns.launch.noTime')
                : wall.started
                  ? t('campaigns.launch.startedAt', { at: formatVietnamDateTime(wall.launchAt) })
                  : t('campaigns.launch.startsAt', { at: formatVietnamDateTime(wall.launchAt) })}
            </span>
            <span className="wall-asof">
              {query.isError
                ? t('campaigns.wall.stale', { time: formatVietnamTime(wall.asOf) })
                : t('campaigns.wall.asOf', { time: formatVietnamTime(wall.asOf) })}
            </span>
          </p>
          <Counters wall={wall} campaign={campaign} />
          {wall.items.length === 0 ? (
            <p className="wall-empty">{t('campaigns.wall.empty')}</p>
          ) : (
            wallGroups(wall.items).map((group) => (
              <TileGroup key={group.key} group={group} all={wall.items} />
            ))
          )}
        </>
      )}
    </div>
  );
}

/** Back to the campaign, and full screen where the browser allows it (not on an iPhone). */
function WallTools({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const sync = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  const canFull = typeof document.documentElement.requestFullscreen === 'function';
  return (
    <div className="wall-tools">
      {canFull && (
        <Button
          ghost
          icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
          onClick={() =>
            void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(
              () => undefined,
            )
          }
        >
          {full ? t('campaigns.wall.exitFullscreen') : t('campaigns.wall.fullscreen')}
        </Button>
      )}
      <Link to="/chien-dich/$id" params={{ id: String(campaignId) }} search={{ tab: 'le-ra-quan' }}>
        <Button ghost icon={<ArrowLeftOutlined />}>
          {t('campaigns.wall.back')}
        </Button>
      </Link>
    </div>
  );
}

function Counters({ wall, campaign }: { wall: LaunchWall; campaign: Campaign }) {
  const { t } = useTranslation();
  const counters: { key: string; label: string; value: string; main?: boolean }[] = [
    {
      key: 'registrations',
      label: t('campaigns.launch.registrations'),
      value: formatNumber(wall.registrations),
      main: true,
    },
    ...campaign.products.map((p) => ({
      key: p,
      label: t(`registry.product.${p}`),
      value: formatNumber(wall.byProduct[p]),
    })),
    {
      key: 'live',
      label: t('campaigns.launch.liveSites'),
      value: `${formatNumber(wall.live)}/${formatNumber(wall.sites)}`,
    },
    { key: 'attendance', label: t('campaigns.launch.attendance'), value: formatNumber(wall.attendance) },
  ];
  return (
    <section className="wall-counters" aria-label={t('campaigns.wall.counters')}>
      {counters.map((c) => (
        <div key={c.key} className={`wall-counter${c.main ? ' is-main' : ''}`}>
          <div className="wall-counter-label">{c.label}</div>
          <div className="wall-counter-value">{c.value}</div>
        </div>
      ))}
    </section>
  );
}

function TileGroup({ group, all }: { group: WallGroup<BridgePoint>; all: readonly BridgePoint[] }) {
  const { t } = useTranslation();
  const names = new Map(all.map((b) => [b.id, b.name]));
  const title = t(`campaigns.wall.group.${group.key}`);
  return (
    <section className="wall-group" aria-label={title}>
      <h2>
        {title}
        <span className="wall-group-count">
          {t('campaigns.wall.groupLive', {
            live: formatNumber(group.live),
            total: formatNumber(group.items.length),
          })}
        </span>
      </h2>
      <ul className={`wall-tiles is-${group.key}`}>
        {group.items.map((b) => (
          <Tile key={b.id} bridge={b} parent={b.parentId === null ? null : (names.get(b.parentId) ?? null)} />
        ))}
      </ul>
    </section>
  );
}

function Tile({ bridge: b, parent }: { bridge: BridgePoint; parent: string | null }) {
  const { t } = useTranslation();
  return (
    <li className={`wall-tile${b.liveAt ? ' is-live' : ''}`} aria-label={b.name}>
      <div className="wall-tile-state">
        {b.liveAt
          ? t('campaigns.launch.liveSince', { time: formatVietnamTime(b.liveAt).slice(0, 5) })
          : t('campaigns.launch.notLive')}
      </div>
      <div className="wall-tile-name">{b.name}</div>
      <div className="wall-tile-unit">
        {b.level === 'grassroots' || b.level === 'post_office' ? `${t(`campaigns.level.${b.level}`)} · ` : ''}
        {b.orgUnitName}
        {parent && b.level !== 'provincial' ? ` · ${t('campaigns.wall.under', { name: parent })}` : ''}
      </div>
      <dl className="wall-tile-facts">
        <div>
          <dt>{t('campaigns.bridge.form')}</dt>
          <dd>{t(`campaigns.form.${b.form}`)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.launch.attendanceShort')}</dt>
          <dd>
            {b.attendance === null ? '—' : formatNumber(b.attendance)}
            {b.plannedAttendance !== null && (
              <span className="wall-muted"> / {formatNumber(b.plannedAttendance)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('campaigns.launch.registrationsShort')}</dt>
          <dd>{formatNumber(b.registrations)}</dd>
        </div>
      </dl>
    </li>
  );
}
