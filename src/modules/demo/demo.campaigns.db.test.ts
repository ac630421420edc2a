import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { createRuleBook } from '../../domain/law/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import { SYSTEM_ACTOR } from '../access/access.actor.ts';
import { createCampaignsService } from '../campaigns/campaigns.service.ts';
import { createOrgsRepository } from '../orgs/orgs.repository.ts';
import { seedDemoCampaigns } from './demo.campaigns.ts';
import { seedDemo } from './demo.seed.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-11-25T09:00:00+07:00');

describe('the demo campaigns', () => {
  it('replay May 2022 and run an ongoing campaign, with a launch, activities, targets and registrations', {
    timeout: 180_000,
  }, async () => {
    await seedDemo({ db: t.db, clock });
    const result = await seedDemoCampaigns({ db: t.db, clock, book: createRuleBook(), scale: 0.01 });
    expect(result?.campaigns).toHaveLength(2);
    const [may2022, current] = result!.campaigns;

    const campaigns = await t.db.selectFrom('campaign').selectAll().orderBy('starts_on').execute();
    expect(campaigns.map((c) => [c.starts_on, c.ends_on, c.is_demo])).toEqual([
      ['2022-05-01', '2022-05-31', true],
      ['2026-11-15', '2026-12-15', true],
    ]);

    const bridges = await t.db
      .selectFrom('bridge_point')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(live_at)`.as('live')])
      .where('campaign_id', '=', may2022!)
      .groupBy('level')
      .execute();
    const byLevel = Object.fromEntries(bridges.map((b) => [b.level, Number(b.n)]));
    expect(byLevel).toMatchObject({ central: 1, provincial: 34 });
    expect(byLevel.post_office).toBeGreaterThanOrEqual(30);
    // Rebroadcast, as in 2022, at the grassroots offices (the former districts' points), under their province's.
    const offices = await t.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'vss_grassroots')
      .executeTakeFirstOrThrow();
    expect(byLevel.grassroots).toBe(Number(offices.n));
    const misplaced = await t.db
      .selectFrom('bridge_point as b')
      .innerJoin('bridge_point as p', 'p.id', 'b.parent_id')
      .innerJoin('org_unit as o', 'o.id', 'b.org_unit_id')
      .innerJoin('org_unit as po', 'po.id', 'p.org_unit_id')
      .select('b.id')
      .where('b.campaign_id', '=', may2022!)
      .where('b.level', '=', 'grassroots')
      .where((eb) =>
        eb.or([eb('p.level', '<>', 'provincial'), eb('po.province_code', '<>', eb.ref('o.province_code'))]),
      )
      .execute();
    expect(misplaced).toEqual([]);

    const targets = await t.db
      .selectFrom('target')
      .select([
        sql<number>`sum(amount) filter (where parent_id is null)`.as('national'),
        sql<number>`sum(amount) filter (where parent_id is not null)`.as('provinces'),
      ])
      .where('campaign_id', '=', may2022!)
      .executeTakeFirstOrThrow();
    expect(Number(targets.national)).toBe(10_000);
    expect(Number(targets.provinces)).toBe(10_000);
    // 2022's plan sits on the 63 provinces of the time, and rolls up into today's 34.
    const former = await t.db
      .selectFrom('target as t')
      .innerJoin('legacy_unit as u', 'u.id', 't.legacy_unit_id')
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`count(distinct u.province_code)`.as('today'),
      ])
      .where('t.campaign_id', '=', may2022!)
      .executeTakeFirstOrThrow();
    expect(Number(former.n)).toBe(63);
    expect(Number(former.today)).toBe(34);

    // At 1% scale: 220 VSI and 530 HHI on the launch day; 330 and 720 over the month.
    const day = await t.db
      .selectFrom('stat_province_day')
      .select(['product', sql<number>`sum(enrollments)`.as('n')])
      .where('campaign_id', '=', may2022!)
      .where('day', '=', '2022-05-08')
      .groupBy('product')
      .execute();
    const onDay = Object.fromEntries(day.map((d) => [d.product, Number(d.n)]));
    expect(onDay.vsi).toBe(220);
    expect(onDay.hhi).toBe(530);
    const month = await t.db
      .selectFrom('stat_province_day')
      .select(['product', sql<number>`sum(enrollments)`.as('n')])
      .where('campaign_id', '=', may2022!)
      .groupBy('product')
      .execute();
    const inMonth = Object.fromEntries(month.map((d) => [d.product, Number(d.n)]));
    expect(inMonth.vsi).toBeGreaterThanOrEqual(325);
    expect(inMonth.hhi).toBeGreaterThanOrEqual(715);
    const provinces = await t.db
      .selectFrom('stat_province_day')
      .select(sql<number>`count(distinct province_code)`.as('n'))
      .where('campaign_id', '=', may2022!)
      .executeTakeFirstOrThrow();
    expect(Number(provinces.n)).toBeGreaterThan(25);

    // The 2022 report's activity at 1% scale: 614 parades, 1,850 cars and 7,320 motorbikes, 6,600
    // door-to-door groups reaching 168,000 people, 14,000 broadcasts, 1,400 articles, 8,542 printed
    // items and 23 local launches; a conference in each province. The ongoing campaign, a third of it.
    const campaignsService = createCampaignsService({ db: t.db, clock, orgs: createOrgsRepository(t.db) });
    expect(await campaignsService.kpis(SYSTEM_ACTOR, may2022!)).toMatchObject({
      convoys: 6,
      cars: 19,
      motorbikes: 73,
      conferences: 34,
      doorToDoorGroups: 66,
      peopleReached: 1_680,
      loudspeakerBroadcasts: 140,
      articles: 14,
      printedItems: 85,
      localLaunches: 1,
    });
    expect(await campaignsService.kpis(SYSTEM_ACTOR, current!)).toMatchObject({
      convoys: 2,
      cars: 6,
      motorbikes: 24,
      conferences: 34,
      doorToDoorGroups: 22,
      peopleReached: 560,
      loudspeakerBroadcasts: 47,
      articles: 5,
      printedItems: 28,
      localLaunches: 1,
    });
    // Logged by the provinces and by their grassroots offices, in every province.
    const by = await t.db
      .selectFrom('activity as a')
      .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
      .select(['o.kind', sql<number>`count(distinct a.province_code)`.as('provinces')])
      .where('a.campaign_id', '=', may2022!)
      .groupBy('o.kind')
      .execute();
    expect(Object.fromEntries(by.map((k) => [k.kind, Number(k.provinces)]))).toMatchObject({
      vss_province: 34,
    });
    expect(by.find((k) => k.kind === 'vss_grassroots')?.provinces).toBeGreaterThan(25);
    const last = await t.db
      .selectFrom('activity')
      .select(sql<string>`max(on_date)::text`.as('d'))
      .where('campaign_id', '=', current!)
      .executeTakeFirstOrThrow();
    expect(last.d <= '2026-11-25').toBe(true);

    // Leads: met at the convoys, conferences and visits, most of those who enrolled through them, and
    // Hà Nội's lists drawn for the campaign under way; the funnel counts every step.
    const leads = await t.db
      .selectFrom('lead')
      .select(['campaign_id', 'source', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('is_demo', '=', true)
      .groupBy(['campaign_id', 'source', 'status'])
      .execute();
    const of = (campaign: number, key: 'source' | 'status') =>
      new Set(leads.filter((l) => Number(l.campaign_id) === campaign).map((l) => l[key]));
    expect([...of(may2022!, 'source')]).toEqual(expect.arrayContaining(['convoy', 'event', 'door_to_door']));
    expect([...of(may2022!, 'status')]).toEqual(
      expect.arrayContaining(['new', 'contacted', 'consulted', 'lost', 'paid']),
    );
    const lists = await t.db
      .selectFrom('job_run')
      .select(['job', 'changed', 'finished_at'])
      .where('job', 'like', `leads:${current}:list_%`)
      .execute();
    expect(lists).toHaveLength(4);
    expect(lists.every((l) => l.finished_at !== null)).toBe(true);
    const drawn = await t.db
      .selectFrom('lead')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', current!)
      .where('source', 'like', 'list_%')
      .executeTakeFirstOrThrow();
    expect(Number(drawn.n)).toBe(lists.reduce((n, l) => n + Number(l.changed), 0));
    const funnel = await t.db
      .selectFrom('stat_funnel')
      .select([
        sql<number>`sum(contacted)`.as('contacted'),
        sql<number>`sum(consulted)`.as('consulted'),
        sql<number>`sum(enrolled)`.as('enrolled'),
        sql<number>`sum(first_paid)`.as('first_paid'),
        sql<number>`sum(retained_12m)`.as('retained_12m'),
      ])
      .where('campaign_id', '=', may2022!)
      .executeTakeFirstOrThrow();
    const contacted = await t.db
      .selectFrom('lead')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', may2022!)
      .where('contacted_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(funnel.contacted)).toBe(Number(contacted.n));
    expect(Number(funnel.consulted)).toBeGreaterThan(0);
    expect(Number(funnel.enrolled)).toBe(inMonth.vsi);
    expect(Number(funnel.first_paid)).toBeGreaterThan(0);
    // Four years on, most of May 2022's payers were still paying a year after their first payment.
    expect(Number(funnel.retained_12m)).toBeGreaterThan(Number(funnel.first_paid) / 2);

    // Once only.
    expect(await seedDemoCampaigns({ db: t.db, clock, book: createRuleBook(), scale: 0.01 })).toBeNull();
  });
});
