import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { proposeSplit } from '../../domain/campaigns/targets.ts';
import { addDays, type RuleBook } from '../../domain/law/index.ts';
import { type Clock, fixedClock, vietnamDate } from '../../platform/clock.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { createCampaignsService, DEFAULT_CHECKLIST } from '../campaigns/campaigns.service.ts';
import { createOrgsRepository } from '../orgs/orgs.repository.ts';
import { VSS_CENTRAL_CODE } from '../orgs/orgs.seed.ts';
import { createSettingsRepository, type DemoCampaignsSetting } from '../system/system.repository.ts';
import { createLegacyTargets } from '../targets/targets.legacy.ts';
import { createTargetsService } from '../targets/targets.service.ts';
import { reportAt, seedDemoActivities } from './demo.activities.ts';
import { type BulkBatch, bulkLoad } from './demo.bulk.ts';
import { seedDemoLeads } from './demo.leads.ts';
import { createRandom, type Random } from './demo.random.ts';

type Progress = (label: string, done: number, total: number) => void;

export const THEME = 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình';

/**
 * The campaigns of the demo, so the dashboards are alive on first sight: a replay shaped like the
 * Month of mobilization launched on 8 May 2022 (a target of 10,000; about 22,000 VSI and 53,000
 * household HI registrations on the day, 33,000 and 72,000 over the month; a launch ceremony with a
 * central bridge point, one per province and grassroots ones under them; the report's parades,
 * door-to-door groups, broadcasts, articles, leaflets and local launches), and an ongoing campaign
 * that started ten days ago.
 */
export async function seedDemoCampaigns(
  { db, clock, book, scale = 1 }: { db: Db; clock: Clock; book: RuleBook; scale?: number },
  progress: Progress = () => {},
) {
  const settings = createSettingsRepository(db);
  if ((await settings.get<DemoCampaignsSetting>('demo.campaigns'))?.loaded) return null;
  const today = vietnamDate(clock);
  const random = createRandom(20220508);
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const total = 3;
  const step = async (done: number, label: string, loaded = false) => {
    await settings.set(db, 'demo.campaigns', { loaded, done, total, label } satisfies DemoCampaignsSetting);
    progress(label, done, total);
  };

  await step(0, 'Tháng vận động năm 2022');
  const may2022 = await replay(db, book, random, {
    name: 'Tháng vận động triển khai BHXH toàn dân năm 2022',
    startsOn: '2022-05-01',
    endsOn: '2022-05-31',
    launchAt: '2022-05-08T08:00:00+07:00',
    legalBasis:
      'Kế hoạch phối hợp giữa Bảo hiểm xã hội Việt Nam và Tổng công ty Bưu điện Việt Nam (minh họa)',
    target: 10_000,
    // Planned, as it was in 2022, on the 63 provinces of the time.
    onFormerProvinces: true,
    activity: reportAt(scale),
    today,
    batches: [
      { date: '2022-05-08', vsi: n(22_000), hhi: n(53_000), channel: 'event' },
      ...spread('2022-05-09', '2022-05-31', n(11_000), n(19_000)),
    ],
  });

  await step(1, 'Chiến dịch đang diễn ra');
  const start = addDays(today, -10);
  const current = await replay(db, book, random, {
    name: `Tháng vận động phát triển người tham gia BHXH tự nguyện, BHYT hộ gia đình năm ${today.slice(0, 4)}`,
    startsOn: start,
    endsOn: addDays(today, 20),
    launchAt: `${start}T08:00:00+07:00`,
    legalBasis: 'Kế hoạch phối hợp (minh họa)',
    target: 10_000,
    // A third of the way through, a third of 2022's activity.
    activity: reportAt(scale / 3),
    today,
    // Yesterday's and older days only: today's registrations are the ones people make in the app.
    batches: spread(start, addDays(today, -1), n(3_600), n(6_500)),
  });

  // The loads above leave the roll-ups to the end: the leads join them, then one rebuild.
  await step(2, 'Khách hàng tiềm năng');
  for (const [id, underWay] of [
    [may2022, false],
    [current, true],
  ] as const) {
    await seedDemoLeads({ db, clock, random, scale }, { id, today, underWay });
  }
  await sql`select stats_rebuild_all()`.execute(db);

  await step(3, 'Xong', true);
  return { campaigns: [may2022, current] };
}

interface Replay {
  name: string;
  startsOn: string;
  endsOn: string;
  launchAt: string;
  legalBasis: string;
  target: number;
  /** Split the target over the pre-2025 provinces instead of today's. */
  onFormerProvinces?: boolean;
  /** The activity counters to reproduce (the 2022 report's, scaled). */
  activity: ReturnType<typeof reportAt>;
  today: string;
  batches: BulkBatch[];
}

async function replay(db: Db, book: RuleBook, random: Random, plan: Replay): Promise<number> {
  // The ceremony's records carry the ceremony's time, not the time the demo was generated.
  const ceremony = fixedClock(plan.launchAt);
  const orgs = createOrgsRepository(db);
  const campaigns = createCampaignsService({ db, clock: ceremony, orgs });
  const targets = createTargetsService({ db, clock: ceremony });
  const actor = SYSTEM_ACTOR;

  // A replay cut short (the process stopped) left a campaign without registrations: start it again.
  // One with registrations was finished, since they are written last, in one transaction.
  const previous = await db
    .selectFrom('campaign')
    .select([
      'id',
      (eb) =>
        eb
          .exists(eb.selectFrom('vsi_enrollment').select('id').whereRef('campaign_id', '=', 'campaign.id'))
          .as('done'),
    ])
    .where('name', '=', plan.name)
    .where('is_demo', '=', true)
    .executeTakeFirst();
  if (previous?.done) return Number(previous.id);
  if (previous) await db.deleteFrom('campaign').where('id', '=', previous.id).execute();

  const campaign = await campaigns.create(actor, {
    name: plan.name,
    theme: THEME,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    products: ['vsi', 'hhi'],
    organisers: ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'],
    legalBasis: plan.legalBasis,
    launchAt: plan.launchAt,
  });
  await db.updateTable('campaign').set({ is_demo: true }).where('id', '=', campaign.id).execute();

  await stageLaunch(db, campaigns, random, campaign.id, 0.9, { grassroots: true });

  // What was done on the ground, shaped like the 2022 report, dated within the campaign and not after today.
  await seedDemoActivities(
    { db, clock: ceremony, random },
    {
      id: campaign.id,
      launchDay: plan.launchAt.slice(0, 10),
      last: [plan.endsOn, plan.today].sort()[0]!,
      figures: plan.activity,
    },
  );

  // The target: 10,000 nationally, split by potential to the provinces (of the time).
  const national = await targets.setNational(actor, campaign.id, { product: 'vsi', amount: plan.target });
  if (plan.onFormerProvinces) {
    // Their weight: how many communes each had, the people there being what a plan went by.
    const former = await db
      .selectFrom('legacy_unit as p')
      .innerJoin('legacy_unit as d', 'd.parent_id', 'p.id')
      .innerJoin('legacy_unit as c', 'c.parent_id', 'd.id')
      .select(['p.code', (eb) => eb.fn.countAll<number>().as('communes')])
      .where('p.level', '=', 'province')
      .groupBy('p.code')
      .orderBy('p.code')
      .execute();
    const split = proposeSplit(
      plan.target,
      former.map((f) => ({ id: f.code, potential: Number(f.communes) })),
    );
    await createLegacyTargets({ db, clock: ceremony }).set(actor, campaign.id, {
      product: 'vsi',
      level: 'province',
      items: former.map((f) => ({ code: f.code, amount: split.get(f.code) ?? 0 })),
    });
  } else {
    await targets.cascade(actor, national.id, { apply: true });
  }

  await bulkLoad(
    db,
    plan.batches.map((b) => ({ ...b, campaignId: campaign.id })),
    { today: plan.today, book, seed: 0.08, retention: 0.7, rebuildStats: false },
  );
  return campaign.id;
}

type CampaignsService = ReturnType<typeof createCampaignsService>;

/**
 * A campaign's launch ceremony as the demo and the benchmarks stage it: a central bridge point
 * that went live, one per province under it, and the province's first post office under that,
 * which joined live with the probability `siteLiveShare`. With `grassroots`, as in 2022, the
 * ceremony is also rebroadcast at every grassroots office of the province (the former districts'
 * bridge points), loaded at once. Returns the units it looked at.
 */
export async function stageLaunch(
  db: Db,
  campaigns: CampaignsService,
  random: Random,
  campaignId: number,
  siteLiveShare: number,
  { grassroots = false }: { grassroots?: boolean } = {},
) {
  const actor = SYSTEM_ACTOR;
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'code', 'province_code'])
    .where('kind', 'in', [
      'vss_central',
      'vss_province',
      'post_office',
      ...(grassroots ? (['vss_grassroots'] as const) : []),
    ])
    .where('closed_at', 'is', null)
    .orderBy('code')
    .execute();
  const central = units.find((u) => u.code === VSS_CENTRAL_CODE)!;
  const root = await campaigns.addBridge(actor, campaignId, {
    level: 'central',
    orgUnitId: central.id,
    name: 'Điểm cầu Trung ương – Hà Nội',
    form: 'in_person',
    streamUrl: 'https://vtv.vn/truc-tuyen',
    plannedAttendance: 300,
  });
  await campaigns.checkIn(actor, root.id, { live: true, attendance: 250 + random.int(0, 100) });
  const firstOffice = new Map<string, (typeof units)[number]>();
  for (const u of units)
    if (u.kind === 'post_office' && !firstOffice.has(u.province_code!)) firstOffice.set(u.province_code!, u);
  const rebroadcasts: { parentId: number; unit: (typeof units)[number] }[] = [];
  for (const province of units.filter((u) => u.kind === 'vss_province')) {
    const point = await campaigns.addBridge(actor, campaignId, {
      parentId: root.id,
      level: 'provincial',
      orgUnitId: province.id,
      name: `Điểm cầu ${province.name.replace(/^Bảo hiểm xã hội /, '')}`,
      form: 'rebroadcast',
      plannedAttendance: 120,
    });
    await campaigns.checkIn(actor, point.id, { live: true, attendance: 80 + random.int(0, 80) });
    const office = firstOffice.get(province.province_code!);
    if (office) {
      const site = await campaigns.addBridge(actor, campaignId, {
        parentId: point.id,
        level: 'post_office',
        orgUnitId: office.id,
        name: `Điểm cầu ${office.name}`,
        form: 'in_person',
        plannedAttendance: 60,
      });
      if (random.next() < siteLiveShare)
        await campaigns.checkIn(actor, site.id, { live: true, attendance: 30 + random.int(0, 40) });
    }
    for (const u of units)
      if (u.kind === 'vss_grassroots' && u.province_code === province.province_code)
        rebroadcasts.push({ parentId: point.id, unit: u });
  }
  if (rebroadcasts.length > 0) await stageRebroadcasts(db, random, campaignId, siteLiveShare, rebroadcasts);
  return units;
}

/** The grassroots bridge points, in one insert with their checklists, live from the ceremony's start. */
async function stageRebroadcasts(
  db: Db,
  random: Random,
  campaignId: number,
  siteLiveShare: number,
  sites: { parentId: number; unit: { id: number; name: string } }[],
) {
  const { launch_at } = await db
    .selectFrom('campaign')
    .select('launch_at')
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const start = launch_at ?? new Date();
  await transact(db, auditContext(SYSTEM_ACTOR, { now: () => start }), async (tx) => {
    await sql`select set_config('diemtua.bulk_load', 'demo', true)`.execute(tx);
    const made = await tx
      .insertInto('bridge_point')
      .values(
        sites.map(({ parentId, unit }) => {
          const live = random.next() < siteLiveShare;
          return {
            campaign_id: campaignId,
            parent_id: parentId,
            level: 'grassroots' as const,
            org_unit_id: unit.id,
            name: `Điểm cầu ${unit.name.replace(/^Bảo hiểm xã hội /, 'BHXH ')}`,
            form: 'rebroadcast' as const,
            planned_attendance: 50,
            live_at: live ? new Date(start.getTime() + random.int(0, 10) * 60_000) : null,
            attendance: live ? 20 + random.int(0, 40) : null,
            is_demo: true,
          };
        }),
      )
      .returning('id')
      .execute();
    await tx
      .insertInto('compliance_item')
      .values(made.flatMap((b) => DEFAULT_CHECKLIST.bridge.map((label) => ({ bridge_id: b.id, label }))))
      .execute();
  });
}

/** Registrations spread over the days from `from` to `to`, fewer at weekends, adding up exactly. */
function spread(from: string, to: string, vsi: number, hhi: number): BulkBatch[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const weights = days.map((d) => ({
    id: d,
    potential: [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) ? 6 : 10,
  }));
  const vsiBy = proposeSplit(vsi, weights);
  const hhiBy = proposeSplit(hhi, weights);
  return days.map((date, i) => ({
    date,
    vsi: vsiBy.get(date) ?? 0,
    hhi: hhiBy.get(date) ?? 0,
    channel: i % 3 === 0 ? 'door_to_door' : 'post_office',
  }));
}
