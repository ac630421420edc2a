import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { addDays } from '../../domain/law/index.ts';
import { LIST_SOURCES } from '../../domain/leads/sources.ts';
import { LOST_REASONS } from '../../domain/leads/steps.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import type { Clock } from '../../platform/clock.ts';
import { createAccessService } from '../access/access.service.ts';
import { createCampaignsService } from '../campaigns/campaigns.service.ts';
import { createLeadJobs } from '../leads/leads.jobs.ts';
import { createLeadsService } from '../leads/leads.service.ts';
import { createOrgsRepository } from '../orgs/orgs.repository.ts';
import { createParticipantsService } from '../participants/participants.service.ts';
import { createRulesService } from '../rules/rules.service.ts';
import { personName, phoneNumber, type Random } from './demo.random.ts';

/** People met per activity at full scale: a province's convoy stops in several communes, a conference fills a hall. */
const MET = { convoy: 120, conference: 80 } as const;
/** Per parade of a grassroots office, and per person a door-to-door group reached (already scaled). */
const MET_PER_PARADE = 20;
const MET_PER_VISIT = 0.05;
const SOURCE_OF = {
  convoy: 'convoy',
  parade: 'convoy',
  conference: 'event',
  door_to_door: 'door_to_door',
} as const;
/** Of the campaign's enrollments through an event, a convoy or a visit, the share that began as a lead. */
const FROM_LEADS = 0.6;
/** Each commune's agent: the first collection agent of a unit serving it. */
const SERVING_AGENTS = sql`
  select distinct on (oc.commune_code) oc.commune_code, u.id as agent_id, u.org_unit_id
  from org_unit_commune oc join app_user u on u.org_unit_id = oc.org_unit_id
  where u.role = 'collection_agent' and u.disabled_at is null
  order by oc.commune_code, u.id`;

/**
 * A demo campaign's leads, as its agents would have them:
 * - the people its convoys, parades, conferences and door-to-door groups met who have not enrolled: most
 *   reached afterwards, some consulted, some not joining, each with a reason;
 * - most of those who enrolled through an event, a convoy or a visit, contacted and consulted in the
 *   days before, closed by their enrollment and their first payment;
 * - for a campaign under way, Hà Nội's four lists drawn by its provincial officer, given to the
 *   agents serving each commune, the first of them already called.
 * The rows are loaded as a bulk load (flagged, audited as a whole: see demo.bulk.ts), except the
 * lists, drawn through the app's own use case; the caller rebuilds the roll-ups afterwards. The
 * enrollments judged at 12 months count in the funnel's last step. Once per campaign.
 */
export async function seedDemoLeads(
  { db, clock, random, scale }: { db: Db; clock: Clock; random: Random; scale: number },
  campaign: { id: number; today: string; underWay: boolean },
) {
  const has = await db
    .selectFrom('lead')
    .select('id')
    .where('campaign_id', '=', campaign.id)
    .where('is_demo', '=', true)
    .executeTakeFirst();
  if (has) return;

  const activities = await db
    .selectFrom('activity')
    .select([
      'id',
      'kind',
      'on_date',
      'province_code',
      'org_unit_id',
      'communes',
      'quantity',
      'people_reached',
    ])
    .where('campaign_id', '=', campaign.id)
    .where('kind', 'in', Object.keys(SOURCE_OF))
    .orderBy('id')
    .execute();
  const communes = await db.selectFrom('commune').select(['code', 'province_code']).orderBy('code').execute();
  const byProvince = new Map<string, string[]>();
  for (const c of communes)
    byProvince.set(c.province_code, [...(byProvince.get(c.province_code) ?? []), c.code]);
  const agents = await sql<{
    commune_code: string;
    agent_id: number;
    org_unit_id: number;
  }>`${SERVING_AGENTS}`.execute(db);
  const agentOf = new Map(agents.rows.map((a) => [a.commune_code, a]));

  const at = (day: string, minutes: number) =>
    new Date(Date.parse(`${day}T08:00:00+07:00`) + minutes * 60_000).toISOString();
  const notAfterToday = (day: string) => (day > campaign.today ? campaign.today : day);
  const met: Record<string, unknown>[] = [];
  for (const a of activities) {
    const kind = a.kind as keyof typeof SOURCE_OF;
    const places = a.communes.length ? a.communes : (byProvince.get(a.province_code) ?? []);
    const people =
      kind === 'parade'
        ? a.quantity * MET_PER_PARADE
        : kind === 'door_to_door'
          ? a.people_reached * MET_PER_VISIT
          : MET[kind] * scale;
    for (let i = 0; i < Math.max(1, Math.round(people)); i++) {
      const sex = random.next() < 0.55 ? 'F' : 'M';
      const commune = places[random.int(0, places.length - 1)]!;
      const agent = agentOf.get(commune);
      const consent = random.next() < 0.85;
      const contacted = random.next() < 0.8;
      const consulted = contacted && random.next() < 0.5;
      const lost = contacted && random.next() < 0.25;
      const contactedOn = notAfterToday(addDays(a.on_date, random.int(1, 3)));
      const name = personName(random, sex);
      met.push({
        source: SOURCE_OF[kind],
        event_id: Number(a.id),
        full_name: name,
        name_search: normalizeSearch(name),
        phone: consent ? phoneNumber(random) : null,
        commune_code: commune,
        province_code: a.province_code,
        channel: SOURCE_OF[kind],
        consent,
        assigned_to: agent?.agent_id ?? null,
        org_unit_id: agent?.org_unit_id ?? a.org_unit_id,
        created_at: at(a.on_date, random.int(0, 540)),
        contacted_at: contacted ? at(contactedOn, random.int(0, 540)) : null,
        consulted_at: consulted ? at(notAfterToday(addDays(contactedOn, random.int(0, 4))), 600) : null,
        lost_at: lost ? at(notAfterToday(addDays(contactedOn, 5)), 600) : null,
        lost_reason: lost ? LOST_REASONS[random.int(0, LOST_REASONS.length - 1)]! : null,
      });
    }
  }

  await db.transaction().execute(async (tx) => {
    await sql`select set_config('diemtua.bulk_load', 'demo', true)`.execute(tx);
    for (let i = 0; i < met.length; i += 2000) {
      const rows = met.slice(i, i + 2000);
      const column = <T>(key: string) => rows.map((r) => r[key] as T);
      await sql`
        insert into lead (campaign_id, source, event_id, full_name, name_search, phone, commune_code, province_code,
                          channel, consent, purpose, assigned_to, org_unit_id, contacted_at, consulted_at, lost_at,
                          lost_reason, created_at, updated_at, is_demo)
        select ${campaign.id}, r.source, r.event_id, r.full_name, r.name_search, r.phone, r.commune_code, r.province_code,
               r.channel, r.consent, 'vsi_enroll', r.assigned_to, r.org_unit_id, r.contacted_at, r.consulted_at, r.lost_at,
               r.lost_reason, r.created_at, greatest(r.created_at, r.contacted_at, r.consulted_at, r.lost_at), true
        from unnest(${column('source')}::text[], ${column('event_id')}::bigint[], ${column('full_name')}::text[],
                    ${column('name_search')}::text[], ${column('phone')}::text[], ${column('commune_code')}::text[],
                    ${column('province_code')}::text[], ${column('channel')}::text[], ${column('consent')}::boolean[],
                    ${column('assigned_to')}::int[], ${column('org_unit_id')}::int[], ${column('contacted_at')}::timestamptz[],
                    ${column('consulted_at')}::timestamptz[], ${column('lost_at')}::timestamptz[],
                    ${column('lost_reason')}::text[], ${column('created_at')}::timestamptz[])
          as r(source, event_id, full_name, name_search, phone, commune_code, province_code, channel, consent,
               assigned_to, org_unit_id, contacted_at, consulted_at, lost_at, lost_reason, created_at)
        on conflict do nothing`.execute(tx);
    }
    // Those who enrolled after being met: reached two days before, consulted the day before.
    await sql`
      insert into lead (campaign_id, source, event_id, participant_id, enrollment_id, payment_id, full_name, name_search,
                        phone, commune_code, province_code, channel, consent, purpose, assigned_to, org_unit_id,
                        contacted_at, consulted_at, enrolled_at, paid_at, created_at, updated_at, is_demo)
      select e.campaign_id, e.channel,
             (select a.id from activity a where a.campaign_id = e.campaign_id and a.province_code = p.province_code
                and a.kind = case e.channel when 'event' then 'conference' else e.channel end order by a.id limit 1),
             p.id, e.id, f.id, p.full_name, p.name_search, case when p.contact_consent then p.phone end,
             p.commune_code, p.province_code, e.channel, p.contact_consent, 'vsi_enroll', e.agent_user_id, e.org_unit_id,
             e.created_at - interval '2 days', e.created_at - interval '1 day', e.created_at, f.created_at,
             e.created_at - interval '2 days', coalesce(f.created_at, e.created_at), true
      from vsi_enrollment e
      join participant p on p.id = e.participant_id
      left join lateral (select q.id, q.created_at from payment q where q.enrollment_id = e.id and q.voided_at is null
                         order by q.id limit 1) f on true
      where e.campaign_id = ${campaign.id} and e.channel in ('event', 'convoy', 'door_to_door')
        and (e.id * 7919) % 100 < ${Math.round(FROM_LEADS * 100)}
      on conflict do nothing`.execute(tx);
  });

  await createLeadJobs({ db, clock }).retentionOf(campaign.id, campaign.today);
  if (campaign.underWay) await drawHanoiLists(db, clock, campaign.id);
}

/** Hà Nội's provincial officer draws the four lists; the agents serving each commune get theirs and call a third. */
async function drawHanoiLists(db: Db, clock: Clock, campaignId: number) {
  const officer = await createAccessService({ db, clock }).actorForUsername('demo.tinh');
  if (!officer) return;
  const rules = createRulesService({ db, clock });
  const orgs = createOrgsRepository(db);
  const leads = createLeadsService({
    db,
    clock,
    rules,
    orgs,
    participants: createParticipantsService({ db, clock, rules, orgs }),
    campaigns: createCampaignsService({ db, clock, orgs }),
  });
  for (const source of LIST_SOURCES) await leads.generate(officer, campaignId, source);
  await db.transaction().execute(async (tx) => {
    await sql`select set_config('diemtua.bulk_load', 'demo', true)`.execute(tx);
    await sql`
      update lead set is_demo = true where campaign_id = ${campaignId} and source like 'list_%'`.execute(tx);
    await sql`
      update lead l set assigned_to = a.agent_id, org_unit_id = a.org_unit_id,
             contacted_at = case when l.id % 3 = 0 then l.created_at + interval '2 hours' end,
             consulted_at = case when l.id % 6 = 0 then l.created_at + interval '3 hours' end
      from (${SERVING_AGENTS}) a
      where l.campaign_id = ${campaignId} and l.source like 'list_%' and l.commune_code = a.commune_code`.execute(
      tx,
    );
  });
}
