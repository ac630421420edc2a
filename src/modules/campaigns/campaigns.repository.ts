import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BridgePointTable, CampaignTable, ComplianceItemTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError } from '../../server/errors.ts';

export type CampaignStatus = 'ongoing' | 'upcoming' | 'ended';

/** The campaign record's SQL: campaigns, their launch ceremony's bridge points, and checklist items. */
export function createCampaignsRepository(db: Db) {
  /** Campaigns under way, to come or ended on `today`; every one without a status. */
  const withStatus = (status: CampaignStatus | undefined, today: string) => {
    let query = db.selectFrom('campaign');
    if (status === 'ongoing') query = query.where('starts_on', '<=', today).where('ends_on', '>=', today);
    if (status === 'upcoming') query = query.where('starts_on', '>', today);
    if (status === 'ended') query = query.where('ends_on', '<', today);
    return query;
  };

  return {
    find(id: number) {
      return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** A page of campaigns, by status on `today`, latest start first. */
    list(filter: { status?: CampaignStatus | undefined; today: string; limit: number; offset: number }) {
      return withStatus(filter.status, filter.today)
        .selectAll()
        .orderBy('starts_on', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
    },

    async count(filter: { status?: CampaignStatus | undefined; today: string }): Promise<number> {
      const count = await withStatus(filter.status, filter.today)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },

    async insert(tx: Tx, values: Insertable<CampaignTable>): Promise<number> {
      const row = await tx.insertInto('campaign').values(values).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async update(tx: Tx, id: number, values: Updateable<CampaignTable>): Promise<void> {
      await tx.updateTable('campaign').set(values).where('id', '=', id).execute();
    },

    /** A bridge point with its unit's path and name. */
    bridge(id: number) {
      return db
        .selectFrom('bridge_point as b')
        .innerJoin('org_unit as o', 'o.id', 'b.org_unit_id')
        .selectAll('b')
        .select(['o.path', 'o.name as org_unit_name'])
        .where('b.id', '=', id)
        .executeTakeFirst();
    },

    /** The campaign's central bridge point, if it has one. */
    centralBridge(campaignId: number) {
      return db
        .selectFrom('bridge_point')
        .select(['name'])
        .where('campaign_id', '=', campaignId)
        .where('level', '=', 'central')
        .executeTakeFirst();
    },

    /** A bridge point of the campaign: its level. */
    bridgeOf(campaignId: number, id: number) {
      return db
        .selectFrom('bridge_point')
        .select(['id', 'level'])
        .where('id', '=', id)
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
    },

    async insertBridge(tx: Tx, values: Insertable<BridgePointTable>): Promise<number> {
      const row = await tx
        .insertInto('bridge_point')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async updateBridge(tx: Tx, id: number, values: Updateable<BridgePointTable>): Promise<void> {
      await tx.updateTable('bridge_point').set(values).where('id', '=', id).execute();
    },

    /** How many bridge points hang under one. */
    async countChildren(bridgeId: number): Promise<number> {
      const children = await db
        .selectFrom('bridge_point')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', bridgeId)
        .executeTakeFirstOrThrow();
      return Number(children.n);
    },

    async deleteBridge(tx: Tx, id: number): Promise<void> {
      await tx.deleteFrom('bridge_point').where('id', '=', id).execute();
    },

    /** A checklist item, of an activity or a bridge point. */
    check(id: number) {
      return db.selectFrom('compliance_item').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertCheck(tx: Tx, values: Insertable<ComplianceItemTable>): Promise<number> {
      const row = await tx
        .insertInto('compliance_item')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async insertChecks(tx: Tx, values: Insertable<ComplianceItemTable>[]): Promise<void> {
      await tx.insertInto('compliance_item').values(values).execute();
    },

    async updateCheck(tx: Tx, id: number, values: Updateable<ComplianceItemTable>): Promise<void> {
      await tx.updateTable('compliance_item').set(values).where('id', '=', id).execute();
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;

/**
 * Which campaign a registration or payment counts for, when the caller names none. During the
 * Month of mobilization every enrollment and payment in the country counts toward it: an agent
 * at the door should not have to pick it, and the dashboard must see what agents do.
 */
export function createCampaignAttribution(db: Db) {
  return {
    /** The campaign under way on `date` for a product, the most recently begun if several. */
    async ongoing(product: 'vsi' | 'hhi', date: string, q: Db | Tx = db): Promise<number | null> {
      const row = await q
        .selectFrom('campaign')
        .select('id')
        .where('starts_on', '<=', date)
        .where('ends_on', '>=', date)
        .where(sql<boolean>`${product} = any(products)`)
        .orderBy('starts_on', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    /**
     * The campaign and event a caller names for a registration or payment, checked before anything
     * is written: the campaign exists, and the event is one of the campaign it counts for (`counted`,
     * the named campaign or the one attributed by default).
     */
    async checkNamed(
      named: { campaignId?: number | null; eventId?: number | null },
      counted: number | null,
      q: Db | Tx = db,
    ): Promise<void> {
      if (named.campaignId != null) {
        const campaign = await q
          .selectFrom('campaign')
          .select('id')
          .where('id', '=', named.campaignId)
          .executeTakeFirst();
        if (!campaign) throw new AppError('campaign.unknown', { id: named.campaignId }, 'campaignId');
      }
      if (named.eventId != null) {
        const event = await q
          .selectFrom('activity as a')
          .innerJoin('campaign as c', 'c.id', 'a.campaign_id')
          .select(['a.title', 'a.campaign_id', 'c.name as campaign_name'])
          .where('a.id', '=', named.eventId)
          .executeTakeFirst();
        if (!event) throw new AppError('campaign.unknown_event', { id: named.eventId }, 'eventId');
        if (Number(event.campaign_id) !== counted) {
          throw new AppError(
            'campaign.event_not_in_campaign',
            {
              title: event.title,
              eventCampaign: event.campaign_name,
              eventCampaignId: Number(event.campaign_id),
              campaign: counted ?? '—',
            },
            'eventId',
          );
        }
      }
    },

    /** A payment counts for the enrollment's (or household's) campaign only while that campaign runs. */
    async during(campaignId: number | null, date: string, q: Db | Tx = db): Promise<number | null> {
      if (campaignId === null) return null;
      const row = await q
        .selectFrom('campaign')
        .select('id')
        .where('id', '=', campaignId)
        .where('starts_on', '<=', date)
        .where('ends_on', '>=', date)
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },
  };
}
