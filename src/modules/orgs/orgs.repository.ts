import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Network, OrgKind } from '../../domain/orgs/kinds.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

export interface OrgFilter {
  network?: Network;
  kind?: OrgKind;
  province?: string;
  parentId?: number;
  search?: string;
  limit: number;
  offset: number;
}

export interface NewOrg {
  code: string;
  name: string;
  kind: OrgKind;
  network: Network;
  parentId: number | null;
  parentPath: string;
  provinceCode: string | null;
  address?: string | null;
  phone?: string | null;
  isDemo?: boolean;
}

export function createOrgsRepository(db: Db) {
  const visible = (actor: Actor, q: Db | Tx = db) =>
    q
      .selectFrom('org_unit as o')
      .where('o.closed_at', 'is', null)
      .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }));

  const columns = [
    'o.id',
    'o.code',
    'o.name',
    'o.network',
    'o.kind',
    'o.parent_id',
    'o.path',
    'o.province_code',
    'o.address',
    'o.phone',
    'o.is_demo',
    sql<number>`(select count(*) from org_unit_commune oc where oc.org_unit_id = o.id)::int`.as('communes'),
  ] as const;

  /** Many units at once, ids drawn from the sequence in one round trip; returns ids in input order. */
  async function insertMany(tx: Tx, orgs: NewOrg[]): Promise<number[]> {
    if (orgs.length === 0) return [];
    const { rows } = await sql<{
      id: number;
    }>`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id
      from generate_series(1, ${orgs.length})`.execute(tx);
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < orgs.length; i += 1000) {
      await tx
        .insertInto('org_unit')
        .values(
          orgs.slice(i, i + 1000).map((org, j) => {
            const id = ids[i + j]!;
            return {
              id,
              code: org.code,
              name: org.name,
              name_search: normalizeSearch(org.name),
              network: org.network,
              kind: org.kind,
              parent_id: org.parentId,
              path: `${org.parentPath}${id}/`,
              province_code: org.provinceCode,
              address: org.address ?? null,
              phone: org.phone ?? null,
              is_demo: org.isDemo ?? false,
            };
          }),
        )
        .execute();
    }
    return ids;
  }

  return {
    async list(actor: Actor, filter: OrgFilter) {
      let query = visible(actor);
      if (filter.network) query = query.where('o.network', '=', filter.network);
      if (filter.kind) query = query.where('o.kind', '=', filter.kind);
      if (filter.province) query = query.where('o.province_code', '=', filter.province);
      if (filter.parentId) query = query.where('o.parent_id', '=', filter.parentId);
      if (filter.search?.trim()) {
        const text = normalizeSearch(filter.search);
        query = query.where((eb) =>
          eb.or([
            eb('o.name_search', 'like', `%${text}%`),
            eb('o.code', 'ilike', `${filter.search!.trim()}%`),
          ]),
        );
      }
      const [items, count] = await Promise.all([
        query.select(columns).orderBy('o.path').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: items as OrgRow[], total: Number(count.n) };
    },

    async find(actor: Actor, id: number, q: Db | Tx = db): Promise<OrgRow | undefined> {
      return visible(actor, q).select(columns).where('o.id', '=', id).executeTakeFirst();
    },

    async children(actor: Actor, id: number): Promise<OrgRow[]> {
      return visible(actor).select(columns).where('o.parent_id', '=', id).orderBy('o.name').execute();
    },

    async communes(id: number, page: { limit: number; offset: number }) {
      const base = db
        .selectFrom('org_unit_commune as oc')
        .innerJoin('commune as c', 'c.code', 'oc.commune_code')
        .where('oc.org_unit_id', '=', id);
      const [items, count] = await Promise.all([
        base
          .select(['c.code', 'c.name', 'c.kind'])
          .orderBy('c.name_search')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findByCode(code: string, q: Db | Tx = db) {
      return q
        .selectFrom('org_unit')
        .select(['id', 'name', 'path'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    findPlain(id: number, q: Db | Tx = db) {
      return q.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insertMany,

    /** Inserts one unit with its path computed from its parent. */
    insert: async (tx: Tx, org: NewOrg): Promise<number> => (await insertMany(tx, [org]))[0]!,

    async addServiceAreas(tx: Tx, rows: { org_unit_id: number; commune_code: string }[]) {
      for (let i = 0; i < rows.length; i += 5000) {
        await tx
          .insertInto('org_unit_commune')
          .values(rows.slice(i, i + 5000))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },

    update(tx: Tx, id: number, changes: { name?: string; address?: string | null; phone?: string | null }) {
      return tx
        .updateTable('org_unit')
        .set({
          ...changes,
          ...(changes.name ? { name_search: normalizeSearch(changes.name) } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    addCommunes(tx: Tx, orgUnitId: number, communeCodes: string[]) {
      if (communeCodes.length === 0) return Promise.resolve();
      return tx
        .insertInto('org_unit_commune')
        .values(communeCodes.map((commune_code) => ({ org_unit_id: orgUnitId, commune_code })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** Codes among `codes` that are not in the unit's service area (all of them if it has none). */
    async communesOutside(orgUnitId: number, codes: string[], q: Db | Tx = db): Promise<string[]> {
      if (codes.length === 0) return [];
      const inside = await q
        .selectFrom('org_unit_commune')
        .select('commune_code')
        .where('org_unit_id', '=', orgUnitId)
        .where('commune_code', 'in', codes)
        .execute();
      const set = new Set(inside.map((r) => r.commune_code));
      return codes.filter((c) => !set.has(c));
    },

    async unknownCommunes(codes: string[], q: Db | Tx = db): Promise<string[]> {
      if (codes.length === 0) return [];
      const known = await q.selectFrom('commune').select('code').where('code', 'in', codes).execute();
      const set = new Set(known.map((r) => r.code));
      return codes.filter((c) => !set.has(c));
    },

    async count(actor: Actor) {
      const row = await visible(actor)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  network: Network;
  kind: OrgKind;
  parent_id: number | null;
  path: string;
  province_code: string | null;
  address: string | null;
  phone: string | null;
  is_demo: boolean;
  communes: number;
}

export type OrgsRepository = ReturnType<typeof createOrgsRepository>;
