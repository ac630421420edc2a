import { AppError } from '../../server/errors.ts';
import type { Actor } from '../access/access.actor.ts';
import type { DashboardsRepository } from './dashboards.repository.ts';

export type Level = 'national' | 'province' | 'unit' | 'commune' | 'agent';

type UnitRow = NonNullable<Awaited<ReturnType<DashboardsRepository['unit']>>>;
type CommuneRow = NonNullable<Awaited<ReturnType<DashboardsRepository['commune']>>>;
type AgentRow = NonNullable<Awaited<ReturnType<DashboardsRepository['agent']>>>;

/** What a dashboard looks at, found and allowed. */
export type Place =
  | { level: 'national' }
  | { level: 'province'; province: string }
  | { level: 'unit'; unit: UnitRow }
  | { level: 'commune'; commune: CommuneRow }
  | { level: 'agent'; agent: AgentRow };

/** A place as the answer names it. */
export interface ScopeRef {
  level: Level;
  /** A province's or a commune's code. */
  code: string | null;
  /** A unit's or an agent's id. */
  id: number | null;
  name: string;
  /** A unit's kind (vss_grassroots, post_office…). */
  kind: string | null;
  /** The province it lies in, for the map. */
  provinceCode: string | null;
}

/** The place with the way back up, as far as the caller may go: the level above, and all of them from the top. */
export interface ScopeAnswer extends ScopeRef {
  parent: ScopeRef | null;
  trail: ScopeRef[];
}

interface ScopeView extends ScopeRef {
  parent: ScopeView | null;
}

function flatten(view: ScopeView): ScopeAnswer {
  const strip = ({ parent: _, ...ref }: ScopeView): ScopeRef => ref;
  const trail: ScopeRef[] = [];
  for (let up = view.parent; up; up = up.parent) trail.unshift(strip(up));
  return { ...strip(view), parent: trail.at(-1) ?? null, trail };
}

export interface PlaceRequest {
  province?: string | undefined;
  unit?: number | undefined;
  commune?: string | undefined;
  /** A user id, or 'me'. */
  agent?: number | 'me' | undefined;
}

/** National and provincial units have the national and province dashboards; the unit level is below them. */
const ABOVE_UNIT = new Set(['vss_central', 'post_central', 'vss_province', 'post_province']);
const PROVINCIAL = new Set(['vss_province', 'post_province']);

/**
 * Who may open which dashboard. A national caller opens any. Anyone else stays in their region: a
 * province they serve whole; a unit of their subtree, or any unit of a province they serve whole
 * (its officers follow the post network as well as their own offices); a commune they serve; an
 * agent working in a unit they may open. A collection agent opens only their own figures: a unit's
 * or a commune's dashboard would name the colleagues they are ranked against.
 */
export const mayOpen = {
  national: (actor: Actor) => actor.national,
  province: (actor: Actor, code: string) => actor.national || actor.provinces.includes(code),
  unit: (actor: Actor, unit: { id: number; province_code: string | null }) =>
    actor.role !== 'collection_agent' &&
    (actor.national ||
      actor.orgIds.includes(unit.id) ||
      (unit.province_code !== null && actor.provinces.includes(unit.province_code))),
  commune: (actor: Actor, code: string) =>
    actor.role !== 'collection_agent' && (actor.national || actor.communes.includes(code)),
  agent: (actor: Actor, agent: { id: number; unit_id: number; province_code: string | null }) =>
    agent.id === actor.userId ||
    mayOpen.unit(actor, { id: agent.unit_id, province_code: agent.province_code }),
};

const outside = (place: string, placeEn: string) =>
  new AppError('dashboard.scope_outside', { place, placeEn });
const notFound = (what: string, whatEn: string, field: string) =>
  new AppError('dashboard.not_found', { what, whatEn }, field);

/** The one way a dashboard, the coverage figures or the bulletin learn what the caller may look at. */
export function createDashboardScopes(repo: DashboardsRepository) {
  let names: Map<string, string> | null = null;
  /** The 34 provinces' names: the map of 1 July 2025, read once it has been imported. */
  async function provinceNames(): Promise<Map<string, string>> {
    if (names) return names;
    const read = new Map((await repo.provinces()).map((r) => [r.code, r.name]));
    if (read.size > 0) names = read;
    return read;
  }

  async function provinceName(code: string, field = 'province'): Promise<string> {
    const name = (await provinceNames()).get(code);
    if (name === undefined) throw notFound(`tỉnh, thành phố mã ${code}`, `province ${code}`, field);
    return name;
  }

  /** What the caller sees when they name nothing: their own level. */
  async function own(actor: Actor): Promise<PlaceRequest> {
    if (actor.national) return {};
    if (actor.role === 'collection_agent' || actor.orgUnitId === null) return { agent: 'me' };
    const unit = await repo.unit(actor.orgUnitId);
    if (unit && PROVINCIAL.has(unit.kind) && unit.province_code) return { province: unit.province_code };
    return { unit: actor.orgUnitId };
  }

  async function find(actor: Actor, asked: PlaceRequest): Promise<Place> {
    if (asked.province !== undefined) {
      const name = await provinceName(asked.province);
      if (!mayOpen.province(actor, asked.province)) throw outside(name, name);
      return { level: 'province', province: asked.province };
    }
    if (asked.unit !== undefined) {
      const unit = await repo.unit(asked.unit);
      if (!unit) throw notFound(`đơn vị mã ${asked.unit}`, `unit ${asked.unit}`, 'unit');
      if (ABOVE_UNIT.has(unit.kind)) throw new AppError('dashboard.unit_level', { name: unit.name }, 'unit');
      if (!mayOpen.unit(actor, unit)) throw outside(unit.name, unit.name);
      return { level: 'unit', unit };
    }
    if (asked.commune !== undefined) {
      const commune = await repo.commune(asked.commune);
      if (!commune) throw notFound(`xã, phường mã ${asked.commune}`, `commune ${asked.commune}`, 'commune');
      if (!mayOpen.commune(actor, commune.code)) throw outside(commune.name, commune.name);
      return { level: 'commune', commune };
    }
    if (asked.agent !== undefined) {
      const id = asked.agent === 'me' ? actor.userId : asked.agent;
      const agent = id === null ? undefined : await repo.agent(id);
      if (!agent) throw notFound(`nhân viên mã ${asked.agent}`, `user ${asked.agent}`, 'agent');
      // An agent outside is named by number only: their name is not the caller's to learn.
      if (!mayOpen.agent(actor, agent)) throw outside(`Nhân viên mã ${agent.id}`, `Agent ${agent.id}`);
      return { level: 'agent', agent };
    }
    if (!mayOpen.national(actor)) throw outside('Số liệu toàn quốc', 'The national figures');
    return { level: 'national' };
  }

  const nationalView = (): ScopeView => ({
    level: 'national',
    code: null,
    id: null,
    name: 'Toàn quốc',
    kind: null,
    provinceCode: null,
    parent: null,
  });

  async function provinceView(actor: Actor, code: string): Promise<ScopeView> {
    return {
      level: 'province',
      code,
      id: null,
      name: await provinceName(code),
      kind: null,
      provinceCode: code,
      parent: mayOpen.national(actor) ? nationalView() : null,
    };
  }

  /** Above a province, the province if the caller may open it. */
  const up = async (actor: Actor, province: string | null) =>
    province !== null && mayOpen.province(actor, province) ? provinceView(actor, province) : null;

  /** A unit, then the unit above it while that is a unit the caller may open, then the province. */
  async function unitView(actor: Actor, unit: UnitRow): Promise<ScopeView> {
    const ancestors = await repo.ancestors(unit.path);
    async function view(u: UnitRow, depth: number): Promise<ScopeView> {
      const above = ancestors[depth - 1];
      const parent =
        above && !ABOVE_UNIT.has(above.kind) && mayOpen.unit(actor, above)
          ? await view(above, depth - 1)
          : await up(actor, u.province_code);
      return {
        level: 'unit',
        code: null,
        id: u.id,
        name: u.name,
        kind: u.kind,
        provinceCode: u.province_code,
        parent,
      };
    }
    return view(unit, ancestors.length);
  }

  /** Below the province, a commune is reached from the caller's own unit, which serves it. */
  async function ownUnitView(actor: Actor): Promise<ScopeView | null> {
    const unit = actor.orgUnitId === null ? undefined : await repo.unit(actor.orgUnitId);
    return unit && !ABOVE_UNIT.has(unit.kind) && mayOpen.unit(actor, unit) ? unitView(actor, unit) : null;
  }

  return {
    mayOpen,
    provinceNames,
    provinceName,

    /** The place asked for (at most one of province, unit, commune, agent), else the caller's own. */
    async resolve(actor: Actor, asked: PlaceRequest): Promise<Place> {
      const named = (['province', 'unit', 'commune', 'agent'] as const).filter((k) => asked[k] !== undefined);
      if (named.length > 1) throw new AppError('dashboard.one_level', { fields: named.join(', ') });
      return find(actor, named.length ? asked : await own(actor));
    },

    /**
     * The province of the bulletin and the coverage figures: the one asked for, else the whole
     * country for a national caller and the caller's own province (one they serve whole) for others.
     */
    async province(actor: Actor, asked: string | undefined): Promise<string | null> {
      if (asked !== undefined)
        return ((await find(actor, { province: asked })) as { province: string }).province;
      if (actor.national) return null;
      const own =
        actor.provinceCode && actor.provinces.includes(actor.provinceCode) ? actor.provinceCode : null;
      const province = own ?? actor.provinces[0];
      if (!province) throw outside('Số liệu toàn quốc', 'The national figures');
      return province;
    },

    /**
     * The bulletin's place: `scope` is a province's code (two digits) or a unit's code, `unit` a
     * unit's id, at most one of them. A national or provincial unit stands for the country or its
     * province; a unit below the province is opened as its dashboard would be, and its coverage is
     * its province's. Nothing asked: as `province` says.
     */
    async bulletinScope(
      actor: Actor,
      asked: { scope?: string | undefined; unit?: number | undefined },
    ): Promise<{ province: string | null; unit: UnitRow | null }> {
      if (asked.scope !== undefined && asked.unit !== undefined)
        throw new AppError('dashboard.one_level', { fields: 'scope, unit' });
      const byCode = asked.scope !== undefined && !/^\d{2}$/.test(asked.scope);
      if (!byCode && asked.unit === undefined)
        return { province: await this.province(actor, asked.scope), unit: null };
      const unit = byCode ? await repo.unitByCode(asked.scope!) : await repo.unit(asked.unit!);
      const named = byCode ? asked.scope! : `mã ${asked.unit}`;
      if (!unit)
        throw notFound(
          `đơn vị ${named}`,
          `unit ${byCode ? asked.scope : asked.unit}`,
          byCode ? 'scope' : 'unit',
        );
      if (unit.kind === 'vss_central' || unit.kind === 'post_central') {
        if (!mayOpen.national(actor)) throw outside('Số liệu toàn quốc', 'The national figures');
        return { province: null, unit: null };
      }
      if (PROVINCIAL.has(unit.kind) && unit.province_code)
        return { province: await this.province(actor, unit.province_code), unit: null };
      if (!mayOpen.unit(actor, unit) || unit.province_code === null) throw outside(unit.name, unit.name);
      return { province: unit.province_code, unit };
    },

    async view(actor: Actor, place: Place): Promise<ScopeAnswer> {
      return flatten(await viewOf(actor, place));
    },
  };

  async function viewOf(actor: Actor, place: Place): Promise<ScopeView> {
    switch (place.level) {
      case 'national':
        return nationalView();
      case 'province':
        return provinceView(actor, place.province);
      case 'unit':
        return unitView(actor, place.unit);
      case 'commune':
        return {
          level: 'commune',
          code: place.commune.code,
          id: null,
          name: place.commune.name,
          kind: null,
          provinceCode: place.commune.province_code,
          parent: (await up(actor, place.commune.province_code)) ?? (await ownUnitView(actor)),
        };
      case 'agent': {
        const { agent } = place;
        const unit = mayOpen.unit(actor, { id: agent.unit_id, province_code: agent.province_code })
          ? await repo.unit(agent.unit_id)
          : undefined;
        return {
          level: 'agent',
          code: null,
          id: agent.id,
          name: agent.full_name,
          kind: null,
          provinceCode: agent.province_code,
          parent:
            unit && !ABOVE_UNIT.has(unit.kind)
              ? await unitView(actor, unit)
              : await up(actor, agent.province_code),
        };
      }
    }
  }
}

export type DashboardScopes = ReturnType<typeof createDashboardScopes>;
