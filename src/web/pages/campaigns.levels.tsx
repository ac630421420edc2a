/**
 * Where the dashboard stands and where it can go: the breadcrumb back up (Toàn quốc › Tỉnh ›
 * Đơn vị/Xã › Nhân viên, as far as the viewer may go), the place's name and, in a province or a
 * unit, the pickers that open one of its units or communes.
 */
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import { api, type List } from '../api.ts';
import type { DashboardScope, ScopeRef } from '../components/campaign-types.ts';
import { RemoteSelect } from '../components/remote-select.tsx';
import type { CampaignSearch } from '../router.tsx';
import type { CommuneRef, OrgItem, UnitItem } from '../types.ts';

export type Level = Pick<CampaignSearch, 'province' | 'unit' | 'commune' | 'agent'>;

/** The search parameters that open a place; the country has none. */
export function levelOf(ref: ScopeRef): Level {
  switch (ref.level) {
    case 'national':
      return {};
    case 'province':
      return { province: ref.code! };
    case 'commune':
      return { commune: ref.code! };
    case 'unit':
      return { unit: ref.id! };
    case 'agent':
      return { agent: ref.id! };
  }
}

/** The levels above the one on screen, each a way back; nothing when the viewer is at their top. */
export function ScopeTrail({ scope, onOpen }: { scope: DashboardScope; onOpen: (level: Level) => void }) {
  const { t } = useTranslation();
  if (scope.trail.length === 0) return null;
  const name = (ref: ScopeRef) => (ref.level === 'national' ? t('campaigns.dashboard.national') : ref.name);
  return (
    <nav aria-label={t('campaigns.levels.trail')}>
      <Breadcrumb
        className="camp-trail"
        items={scope.trail.map((ref) => ({
          key: `${ref.level}:${ref.code ?? ref.id ?? ''}`,
          title: (
            <button type="button" className="camp-link" onClick={() => onOpen(levelOf(ref))}>
              {name(ref)}
            </button>
          ),
        }))}
      />
    </nav>
  );
}

/** The place on screen, with what it is: a unit's kind, "Xã, phường", "Nhân viên thu". */
export function ScopeHeading({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const what =
    scope.level === 'unit' && scope.kind
      ? t(`orgKind.${scope.kind}`)
      : scope.level === 'commune' || scope.level === 'agent'
        ? t(`campaigns.levels.${scope.level}Level`)
        : null;
  return (
    <Typography.Title level={2} className="camp-scope-name">
      {scope.level === 'national' ? t('campaigns.dashboard.national') : scope.name}
      {what && <span className="camp-scope-kind">{what}</span>}
    </Typography.Title>
  );
}

/** The units a province's dashboard opens: its grassroots VSS offices and its post offices. */
const PICKED_KINDS = ['vss_grassroots', 'post_office'] as const;

function UnitPicker({ province, onOpen }: { province: string; onOpen: (level: Level) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['campaigns', 'dashboard-units', province],
    queryFn: async () =>
      (
        await Promise.all(
          PICKED_KINDS.map((kind) => api.get<List<OrgItem>>('/org-units', { province, kind, limit: 200 })),
        )
      ).flatMap((page) => page.items),
    staleTime: 5 * 60_000,
  });
  const options = useMemo(
    () =>
      PICKED_KINDS.map((kind) => ({
        label: t(`orgKind.${kind}`),
        options: (query.data ?? [])
          .filter((u) => u.kind === kind)
          .map((u) => ({ value: u.id, label: u.name, search: normalizeSearch(u.name) })),
      })).filter((group) => group.options.length > 0),
    [query.data, t],
  );
  return (
    <Select<number>
      aria-label={t('campaigns.levels.unit')}
      placeholder={t('campaigns.levels.unitPlaceholder')}
      loading={query.isPending}
      status={query.isError ? 'error' : undefined}
      notFoundContent={query.isError ? t('common.loadFailed') : t('campaigns.levels.noUnits')}
      options={options}
      value={null}
      onChange={(unit) => unit && onOpen({ unit })}
      showSearch={{
        filterOption: (input, option) =>
          ((option as { search?: string } | undefined)?.search ?? '').includes(normalizeSearch(input)),
      }}
      popupMatchSelectWidth={false}
      className="camp-picker"
    />
  );
}

/** A province's communes, searched on the server (a province has a hundred or more). */
function ProvinceCommunePicker({ province, onOpen }: { province: string; onOpen: (level: Level) => void }) {
  const { t } = useTranslation();
  return (
    <RemoteSelect<UnitItem, string>
      path="/units"
      params={{ level: 'commune', province }}
      toOption={(c) => ({ value: c.code, label: c.name })}
      ariaLabel={t('campaigns.levels.commune')}
      placeholder={t('campaigns.levels.communePlaceholder')}
      value={undefined}
      onChange={(commune) => commune && onOpen({ commune })}
      style={{ minWidth: 200 }}
    />
  );
}

/** The communes a unit serves: a handful, listed whole. */
function UnitCommunePicker({ unit, onOpen }: { unit: number; onOpen: (level: Level) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['campaigns', 'dashboard-communes', unit],
    queryFn: () => api.get<List<CommuneRef>>(`/org-units/${unit}/communes`, { limit: 200 }),
    staleTime: 5 * 60_000,
  });
  const options = useMemo(
    () =>
      (query.data?.items ?? []).map((c) => ({
        value: c.code,
        label: c.name,
        search: normalizeSearch(c.name),
      })),
    [query.data],
  );
  return (
    <Select<string>
      aria-label={t('campaigns.levels.commune')}
      placeholder={t('campaigns.levels.communePlaceholder')}
      loading={query.isPending}
      status={query.isError ? 'error' : undefined}
      notFoundContent={query.isError ? t('common.loadFailed') : t('campaigns.levels.noCommunes')}
      options={options}
      value={null}
      onChange={(commune) => commune && onOpen({ commune })}
      showSearch={{
        filterOption: (input, option) =>
          ((option as { search?: string } | undefined)?.search ?? '').includes(normalizeSearch(input)),
      }}
      popupMatchSelectWidth={false}
      className="camp-picker"
    />
  );
}

/** In a province, a unit or a commune; in a unit, one of the communes it serves. */
export function LevelPicker({ scope, onOpen }: { scope: DashboardScope; onOpen: (level: Level) => void }) {
  if (scope.level === 'province' && scope.code) {
    return (
      <div className="camp-pickers">
        <UnitPicker province={scope.code} onOpen={onOpen} />
        <ProvinceCommunePicker province={scope.code} onOpen={onOpen} />
      </div>
    );
  }
  if (scope.level === 'unit' && scope.id) {
    return (
      <div className="camp-pickers">
        <UnitCommunePicker unit={scope.id} onOpen={onOpen} />
      </div>
    );
  }
  return null;
}
