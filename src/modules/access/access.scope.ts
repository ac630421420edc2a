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
  /** Column holding an org unit id whose service area counts too, e.g. 'org_unit.id'. */
  servingUnitId?: string;
  /** Column holding a commune code, e.g. 'participant.commune_code'. */
  commune?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the filter composes into queries over any tables
type AnyBuilder = ExpressionBuilder<any, any>;

export function inScope(actor: Actor, refs: ScopeRefs): (eb: AnyBuilder) => Expression<SqlBool> {
  return (eb) => {
    if (actor.national) return sql<SqlBool>`true`;
    const anyOf: Expression<SqlBool>[] = [];
    if (refs.orgPath) anyOf.push(eb(eb.ref(refs.orgPath), 'like', `${actor.orgPath}%`));
    if (actor.communes.length > 0) {
      const communes = sql<string[]>`${actor.communes as string[]}::text[]`;
      if (refs.commune) anyOf.push(eb(eb.ref(refs.commune), '=', eb.fn.any(communes)));
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
