import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './access.actor.ts';

/**
 * The one region filter. Every list and every load of a scoped record goes through it, so no
 * endpoint can forget it: a record is visible when it belongs to the caller's org subtree or lies
 * in the communes that subtree serves.
 */
export interface ScopeRefs {
  /** Column holding an org unit's path ('/1/7/'), e.g. 'org_unit.path'. */
  orgPath?: string;
  /** Column holding the record's org unit id, e.g. 'participant.org_unit_id' (indexable, no join). */
  orgUnitId?: string;
  /** Column holding the province of the record's commune: lets whole provinces be matched by index. */
  province?: string;
  /** Column holding an org unit id whose service area counts too, e.g. 'org_unit.id'. */
  servingUnitId?: string;
  /** Column holding a commune code, e.g. 'participant.commune_code'. */
  commune?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the filter composes into queries over any tables
type AnyBuilder = ExpressionBuilder<any, any>;

const textArray = (values: readonly string[]) => sql<string[]>`${values as string[]}::text[]`;

/** One way a record can be in the caller's region: its column holds one of these values. */
export interface ScopeKey {
  column: string;
  values: readonly (string | number)[];
  type: 'text' | 'int';
}

/**
 * The caller's region as keys, any of which makes a record visible, each matching an index on its
 * own. Large lists look each key up separately, newest first, and merge the results; a single OR
 * across columns would defeat every index. Null means the whole country.
 */
export function scopeKeys(actor: Actor, refs: ScopeRefs): ScopeKey[] | null {
  if (actor.national) return null;
  const keys: ScopeKey[] = [];
  if (refs.orgUnitId && actor.orgIds.length > 0)
    keys.push({ column: refs.orgUnitId, values: actor.orgIds, type: 'int' });
  if (refs.commune && refs.province) {
    if (actor.provinces.length > 0)
      keys.push({ column: refs.province, values: actor.provinces, type: 'text' });
    if (actor.partialCommunes.length > 0)
      keys.push({ column: refs.commune, values: actor.partialCommunes, type: 'text' });
  } else if (refs.commune && actor.communes.length > 0) {
    keys.push({ column: refs.commune, values: actor.communes, type: 'text' });
  }
  return keys;
}

const anyOfKey = (eb: AnyBuilder, key: ScopeKey) =>
  eb(
    eb.ref(key.column),
    '=',
    eb.fn.any(
      key.type === 'int'
        ? sql<unknown[]>`${key.values as number[]}::int[]`
        : sql<unknown[]>`${key.values as string[]}::text[]`,
    ),
  );

export function inScope(actor: Actor, refs: ScopeRefs): (eb: AnyBuilder) => Expression<SqlBool> {
  return (eb) => {
    if (actor.national) return sql<SqlBool>`true`;
    const anyOf: Expression<SqlBool>[] = (scopeKeys(actor, refs) ?? []).map((key) => anyOfKey(eb, key));
    if (refs.orgPath) anyOf.push(eb(eb.ref(refs.orgPath), 'like', `${actor.orgPath}%`));
    if (actor.communes.length > 0) {
      const communes = textArray(actor.communes);
      if (refs.servingUnitId) {
        anyOf.push(
          eb.exists(
            eb
              .selectFrom('org_unit_commune as scope_area')
              .select(sql`1`.as('one'))
              .whereRef('scope_area.org_unit_id', '=', eb.ref(refs.servingUnitId))
              .where('scope_area.commune_code', '=', eb.fn.any(communes)),
          ),
        );
      }
    }
    return anyOf.length > 0 ? eb.or(anyOf) : sql<SqlBool>`false`;
  };
}

/** An org path no unit has (ids start at 1): the subtree of two units that do not overlap. */
const NO_SUBTREE = '/0/';

/**
 * The caller's region narrowed to one unit (a report on one office): what lies in both the caller's
 * region and the unit's. A national caller takes the unit's region whole; anyone else keeps only
 * the communes, units and provinces both hold, so choosing a unit can never widen what they see.
 * Who the caller is (user, role, own unit) is unchanged: the audit log still names them.
 */
export function narrowScope(
  actor: Actor,
  unit: { path: string; province_code: string | null; national: boolean },
  region: Pick<Actor, 'communes' | 'orgIds' | 'provinces' | 'partialCommunes'>,
): Actor {
  if (actor.national) {
    if (unit.national) return actor;
    return { ...actor, orgPath: unit.path, provinceCode: unit.province_code, national: false, ...region };
  }
  const both = <T>(a: readonly T[], b: readonly T[]) => {
    const set = new Set(b);
    return a.filter((x) => set.has(x));
  };
  const communes = both(region.communes, actor.communes);
  const partial = new Set([...region.partialCommunes, ...actor.partialCommunes]);
  const orgPath = unit.path.startsWith(actor.orgPath)
    ? unit.path
    : actor.orgPath.startsWith(unit.path)
      ? actor.orgPath
      : NO_SUBTREE;
  return {
    ...actor,
    orgPath,
    provinceCode: unit.province_code ?? actor.provinceCode,
    communes,
    orgIds: both(region.orgIds, actor.orgIds),
    provinces: both(region.provinces, actor.provinces),
    partialCommunes: communes.filter((c) => partial.has(c)),
  };
}
