import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ActivityTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';

/** Where the 2022 counters are counted: a province, a unit's subtree, one commune reached. */
export interface KpiArea {
  province: string | null;
  unitPath?: string | undefined;
  commune?: string | undefined;
}

/** The SQL of the activities on the ground: the log, the 2022 report's counters, each one's checklist. */
export function createActivitiesRepository(db: Db) {
  /** The campaign's activities logged by the caller's subtree (every one for a national caller), of a kind. */
  const logged = (actor: Actor, campaignId: number, kind: string | undefined) => {
    let query = db
      .selectFrom('activity as a')
      .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
      .where('a.campaign_id', '=', campaignId);
    if (!actor.national) query = query.where('o.path', 'like', `${actor.orgPath}%`);
    if (kind) query = query.where('a.kind', '=', kind);
    return query;
  };

  return {
    /** An activity with its unit's path. */
    find(id: number) {
      return db
        .selectFrom('activity as a')
        .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
        .selectAll('a')
        .select(['o.path'])
        .where('a.id', '=', id)
        .executeTakeFirst();
    },

    /** A page of the activities, latest first, each with its unit and its checklist's counts. */
    list(
      actor: Actor,
      campaignId: number,
      filter: { kind?: string | undefined; limit: number; offset: number },
    ) {
      return logged(actor, campaignId, filter.kind)
        .selectAll('a')
        .select(['o.name as org_unit_name'])
        .select((eb) => [
          eb
            .selectFrom('compliance_item as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.activity_id', '=', 'a.id')
            .as('checks'),
          eb
            .selectFrom('compliance_item as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.activity_id', '=', 'a.id')
            .where('c.confirmed_at', 'is not', null)
            .as('confirmed'),
        ])
        .orderBy('a.on_date', 'desc')
        .orderBy('a.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
    },

    async count(actor: Actor, campaignId: number, filter: { kind?: string | undefined }): Promise<number> {
      const count = await logged(actor, campaignId, filter.kind)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },

    /** Those of these commune codes that exist. */
    async knownCommunes(codes: readonly string[]): Promise<string[]> {
      const known = await db.selectFrom('commune').select('code').where('code', 'in', codes).execute();
      return known.map((k) => k.code);
    },

    async insert(tx: Tx, values: Insertable<ActivityTable>): Promise<number> {
      const row = await tx.insertInto('activity').values(values).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async delete(tx: Tx, id: number): Promise<void> {
      await tx.deleteFrom('activity').where('id', '=', id).execute();
    },

    /**
     * The 2022 report's counters over the campaign's activities the caller's subtree logged (every
     * one for a national caller), within an area; each entry counts for its `quantity`.
     */
    kpis(actor: Actor, campaignId: number, area: KpiArea) {
      const { province, unitPath, commune } = area;
      return db
        .selectFrom('activity as a')
        .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
        .where('a.campaign_id', '=', campaignId)
        .$if(!actor.national, (q) => q.where('o.path', 'like', `${actor.orgPath}%`))
        .$if(province !== null, (q) => q.where('a.province_code', '=', province!))
        .$if(unitPath !== undefined, (q) => q.where('o.path', 'like', `${unitPath}%`))
        .$if(commune !== undefined, (q) => q.where(sql<boolean>`${commune} = any(a.communes)`))
        .select([
          sql<number>`coalesce(sum(a.quantity) filter (where a.kind in ('convoy', 'parade')), 0)`.as(
            'convoys',
          ),
          sql<number>`coalesce(sum(a.cars) filter (where a.kind in ('convoy', 'parade')), 0)`.as('cars'),
          sql<number>`coalesce(sum(a.motorbikes) filter (where a.kind in ('convoy', 'parade')), 0)`.as(
            'motorbikes',
          ),
          sql<number>`(select count(distinct c) from activity x join org_unit xo on xo.id = x.org_unit_id
                       cross join lateral unnest(x.communes) c where x.campaign_id = ${campaignId}
                       ${actor.national ? sql`` : sql`and xo.path like ${`${actor.orgPath}%`}`}
                       ${province === null ? sql`` : sql`and x.province_code = ${province}`}
                       ${unitPath === undefined ? sql`` : sql`and xo.path like ${`${unitPath}%`}`}
                       ${commune === undefined ? sql`` : sql`and ${commune} = any(x.communes)`})`.as(
            'communes_reached',
          ),
          sql<number>`coalesce(sum(a.quantity) filter (where a.kind = 'conference'), 0)`.as('conferences'),
          sql<number>`coalesce(sum(a.attendees) filter (where a.kind = 'conference'), 0)`.as(
            'conference_attendees',
          ),
          sql<number>`coalesce(sum(a.quantity) filter (where a.kind = 'door_to_door'), 0)`.as(
            'door_to_door_groups',
          ),
          sql<number>`coalesce(sum(a.people_reached), 0)`.as('people_reached'),
          sql<number>`coalesce(sum(a.quantity) filter (where a.kind = 'loudspeaker'), 0)`.as('loudspeaker'),
          sql<number>`coalesce(sum(a.quantity) filter (where a.kind = 'article'), 0)`.as('articles'),
          sql<number>`coalesce(sum(a.items) filter (where a.kind = 'printed'), 0)`.as('printed_items'),
          sql<number>`coalesce(sum(a.quantity) filter (where a.kind = 'local_launch'), 0)`.as(
            'local_launches',
          ),
          sql<number>`count(*)`.as('activities'),
        ])
        .executeTakeFirstOrThrow();
    },

    /** An activity's checklist, in the order it was made, with who confirmed each item. */
    checklist(activityId: number) {
      return db
        .selectFrom('compliance_item as c')
        .leftJoin('app_user as u', 'u.id', 'c.confirmed_by')
        .select(['c.id', 'c.label', 'c.confirmed_at', 'c.note', 'u.full_name as confirmed_by'])
        .where('c.activity_id', '=', activityId)
        .orderBy('c.id')
        .execute();
    },
  };
}

export type ActivitiesRepository = ReturnType<typeof createActivitiesRepository>;
