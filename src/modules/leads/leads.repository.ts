import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { type LeadStatus, OPEN_STATUSES } from '../../domain/leads/steps.ts';
import { classifySearch } from '../../domain/registry/personal-id.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';
import { worksOwnLeadsOnly } from './leads.policy.ts';

export interface LeadFilter {
  campaignId?: number;
  status?: string;
  source?: string;
  assignedTo?: number;
  unassigned?: boolean;
  communeCode?: string;
  search?: string;
  limit: number;
  offset: number;
}

export interface NewLead {
  campaignId: number;
  source: string;
  eventId: number | null;
  participantId: number | null;
  enrollmentId: number | null;
  personalId: string | null;
  fullName: string;
  phone: string | null;
  communeCode: string;
  provinceCode: string;
  channel: string;
  consent: boolean;
  purpose: string;
  assignedTo: number | null;
  orgUnitId: number;
  note: string | null;
  createdBy: number | null;
  at: Date;
}

export type LeadChanges = Partial<{
  full_name: string;
  phone: string | null;
  personal_id: string | null;
  consent: boolean;
  purpose: string;
  note: string | null;
  contacted_at: Date | null;
  consulted_at: Date | null;
  lost_at: Date | null;
  lost_reason: string | null;
  updated_at: Date;
}>;

/**
 * A lead's commune lies in the area of the unit working it (capture and assignment check it), so,
 * as for participants, the commune alone decides whether a lead is in the caller's region.
 */
const SCOPE = { province: 'l.province_code', commune: 'l.commune_code' } as const;

const COLUMNS = [
  'l.id',
  'l.campaign_id',
  'l.source',
  'l.event_id',
  'l.participant_id',
  'l.enrollment_id',
  'l.personal_id',
  'l.full_name',
  'l.phone',
  'l.commune_code',
  'l.province_code',
  'l.channel',
  'l.consent',
  'l.purpose',
  'l.assigned_to',
  'l.org_unit_id',
  'l.status',
  'l.contacted_at',
  'l.consulted_at',
  'l.enrolled_at',
  'l.paid_at',
  'l.lost_at',
  'l.lost_reason',
  'l.note',
  'l.created_at',
  'l.updated_at',
  'l.is_demo',
  'c.name as commune_name',
  'o.name as org_unit_name',
  'u.full_name as assigned_name',
  'a.title as event_title',
] as const;

export function createLeadsRepository(db: Db) {
  /** The leads the caller may see: their region, and for an agent only those given to them. */
  const visible = (actor: Actor, q: Db | Tx = db) =>
    q
      .selectFrom('lead as l')
      .where(inScope(actor, SCOPE))
      .$if(worksOwnLeadsOnly(actor), (w) => w.where('l.assigned_to', '=', actor.userId ?? 0));

  const detailed = (actor: Actor, q: Db | Tx = db) =>
    visible(actor, q)
      .innerJoin('commune as c', 'c.code', 'l.commune_code')
      .innerJoin('org_unit as o', 'o.id', 'l.org_unit_id')
      .leftJoin('app_user as u', 'u.id', 'l.assigned_to')
      .leftJoin('activity as a', 'a.id', 'l.event_id')
      .select(COLUMNS);

  function filtered(actor: Actor, filter: LeadFilter) {
    let q = visible(actor);
    if (filter.campaignId) q = q.where('l.campaign_id', '=', filter.campaignId);
    if (filter.status === 'open') q = q.where('l.status', 'in', OPEN_STATUSES);
    else if (filter.status) q = q.where('l.status', '=', filter.status as never);
    if (filter.source) q = q.where('l.source', '=', filter.source);
    if (filter.assignedTo) q = q.where('l.assigned_to', '=', filter.assignedTo);
    if (filter.unassigned) q = q.where('l.assigned_to', 'is', null);
    if (filter.communeCode) q = q.where('l.commune_code', '=', filter.communeCode);
    const term = filter.search?.trim() ? classifySearch(filter.search) : null;
    if (term?.kind === 'phone') q = q.where('l.phone', '=', term.value);
    else if (term?.kind === 'personal_id') {
      const id = term.value;
      q = q.where((eb) =>
        eb.or([
          eb('l.personal_id', '=', id),
          eb(
            'l.participant_id',
            'in',
            eb.selectFrom('participant').select('id').where('personal_id', '=', id),
          ),
        ]),
      );
    } else if (term) q = q.where('l.name_search', 'like', `%${normalizeSearch(term.value)}%`);
    return q;
  }

  return {
    visible,

    /** Open leads first (the work still to do), newest first. */
    async list(actor: Actor, filter: LeadFilter) {
      const ids = filtered(actor, filter);
      const [rows, count] = await Promise.all([
        ids
          .select('l.id')
          .orderBy(sql`l.status in ('new', 'contacted', 'consulted')`, 'desc')
          .orderBy('l.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        ids.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const wanted = rows.map((r) => Number(r.id));
      const items = wanted.length ? await detailed(actor).where('l.id', 'in', wanted).execute() : [];
      const byId = new Map(items.map((r) => [Number(r.id), r]));
      return { items: wanted.map((id) => byId.get(id)!), total: Number(count.n) };
    },

    find(actor: Actor, id: number, q: Db | Tx = db) {
      return detailed(actor, q).where('l.id', '=', id).executeTakeFirst();
    },

    /** Visible leads among `ids`, with what assigning them needs to know. */
    findMany(actor: Actor, ids: number[], q: Db | Tx = db) {
      return visible(actor, q)
        .innerJoin('commune as c', 'c.code', 'l.commune_code')
        .select(['l.id', 'l.commune_code', 'c.name as commune_name'])
        .where('l.id', 'in', ids)
        .execute();
    },

    /** The campaign's lead of a person (by the participant or the personal ID written on it), or with this phone. */
    duplicateOf(
      campaignId: number,
      who: { participantId?: number | null; personalId?: string | null; phone?: string | null },
      exceptId = 0,
    ) {
      return db
        .selectFrom('lead')
        .select(['id', 'full_name', 'phone'])
        .where('campaign_id', '=', campaignId)
        .where('id', '<>', exceptId)
        .where((eb) => {
          const any: Expression<SqlBool>[] = [sql<SqlBool>`false`];
          if (who.participantId) any.push(eb('participant_id', '=', who.participantId));
          if (who.personalId) any.push(eb('personal_id', '=', who.personalId));
          if (who.phone) any.push(eb('phone', '=', who.phone));
          return eb.or(any);
        })
        .orderBy('id')
        .executeTakeFirst();
    },

    async insert(tx: Tx, lead: NewLead): Promise<number> {
      const row = await tx
        .insertInto('lead')
        .values({
          campaign_id: lead.campaignId,
          source: lead.source,
          event_id: lead.eventId,
          participant_id: lead.participantId,
          enrollment_id: lead.enrollmentId,
          personal_id: lead.personalId,
          full_name: lead.fullName,
          name_search: normalizeSearch(lead.fullName),
          phone: lead.phone,
          commune_code: lead.communeCode,
          province_code: lead.provinceCode,
          channel: lead.channel,
          consent: lead.consent,
          purpose: lead.purpose,
          assigned_to: lead.assignedTo,
          org_unit_id: lead.orgUnitId,
          note: lead.note,
          created_by: lead.createdBy,
          created_at: lead.at,
          updated_at: lead.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** Changes a lead; with `status`, only while it still has that status. Returns the rows changed. */
    async update(tx: Tx, id: number, changes: LeadChanges, status?: LeadStatus) {
      const search = changes.full_name ? { name_search: normalizeSearch(changes.full_name) } : {};
      const result = await tx
        .updateTable('lead')
        .set({ ...changes, ...search })
        .where('id', '=', id)
        .$if(status !== undefined, (q) => q.where('status', '=', status!))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Gives leads to an agent, who works them for their unit; null takes them back. */
    async assign(tx: Tx, ids: number[], agent: { userId: number; orgUnitId: number } | null, at: Date) {
      const result = await tx
        .updateTable('lead')
        .set(
          agent
            ? { assigned_to: agent.userId, org_unit_id: agent.orgUnitId, updated_at: at }
            : { assigned_to: null, updated_at: at },
        )
        .where('id', 'in', ids)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    remove(tx: Tx, id: number) {
      return tx.deleteFrom('lead').where('id', '=', id).execute();
    },

    /** An activity of the campaign held in a province: where a lead met there must live. */
    activityOf(campaignId: number, eventId: number, provinceCode: string) {
      return db
        .selectFrom('activity')
        .select(['id', 'kind', 'title'])
        .where('id', '=', eventId)
        .where('campaign_id', '=', campaignId)
        .where('province_code', '=', provinceCode)
        .executeTakeFirst();
    },

    /**
     * The campaign's activities where leads are met (events, convoys, door-to-door groups), in the
     * provinces the caller serves, latest first: whoever meets a person there may record them.
     */
    activitiesFor(actor: Actor, campaignId: number, kinds: readonly string[]) {
      return db
        .selectFrom('activity as a')
        .select(['a.id', 'a.kind', 'a.title', 'a.on_date', 'a.province_code'])
        .where('a.campaign_id', '=', campaignId)
        .where('a.kind', 'in', kinds)
        .$if(!actor.national, (q) =>
          q.where('a.province_code', 'in', (eb) =>
            eb
              .selectFrom('commune')
              .select('province_code')
              .where('code', '=', eb.fn.any(sql<string[]>`${actor.communes as string[]}::text[]`)),
          ),
        )
        .orderBy('a.on_date', 'desc')
        .orderBy('a.id', 'desc')
        .limit(200)
        .execute();
    },

    /** A user leads may be given to, with the unit they work for. */
    userById(id: number) {
      return db
        .selectFrom('app_user')
        .select(['id', 'full_name', 'role', 'org_unit_id'])
        .where('id', '=', id)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
    },

    /** A commune by code, with its name and province. */
    commune(code: string) {
      return db
        .selectFrom('commune')
        .select(['code', 'name', 'province_code'])
        .where('code', '=', code)
        .executeTakeFirst();
    },
  };
}

export type LeadsRepository = ReturnType<typeof createLeadsRepository>;
export type LeadRow = NonNullable<Awaited<ReturnType<LeadsRepository['find']>>>;
