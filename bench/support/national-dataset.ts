import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { proposeSplit } from '../../src/domain/campaigns/targets.ts';
import { addDays, type RuleBook } from '../../src/domain/law/index.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/access.actor.ts';
import { type ActivityKind, createCampaignsService } from '../../src/modules/campaigns/campaigns.service.ts';
import { type BulkBatch, bulkLoad } from '../../src/modules/demo/demo.bulk.ts';
import { stageLaunch } from '../../src/modules/demo/demo.campaigns.ts';
import { createRandom } from '../../src/modules/demo/demo.random.ts';
import { seedDemo } from '../../src/modules/demo/demo.seed.ts';
import { createOrgsRepository } from '../../src/modules/orgs/orgs.repository.ts';
import { seedBaseOrgs } from '../../src/modules/orgs/orgs.seed.ts';
import { createSettingsRepository } from '../../src/modules/system/system.repository.ts';
import { createTargetsService } from '../../src/modules/targets/targets.service.ts';
import { importUnits } from '../../src/modules/units/units.import.ts';
import { fixedClock } from '../../src/platform/clock.ts';

/**
 * The national dataset of the dashboards benchmark: people registering every day for five years in
 * every commune, most of them paying monthly voluntary SI to today, household HI bought 12 months at a
 * time, and a Month of mobilization each May (the first shaped like the real 8 May 2022 one) plus one
 * under way today, each with its launch ceremony, activities and targets. Registrations on a
 * campaign's days count for it, as the app counts them (campaigns.repository.ts).
 *
 * Loaded one month per bulkLoad transaction and marked done in system_setting, so a run that stops
 * resumes at the month it was loading; a finished dataset is recognised and left alone.
 */
export interface CampaignSpec {
  name: string;
  startsOn: string;
  endsOn: string;
  launchAt: string;
  /** On top of the everyday flow: the launch day's registrations, and those of the days after it. */
  launchDay: { vsi: number; hhi: number };
  after: { vsi: number; hhi: number };
  target: { vsi: number; hhi: number };
}

export interface NationalPlan {
  /** The first day people register. */
  from: string;
  /** Payments run up to today; registrations up to yesterday (today's are made in the app). */
  today: string;
  /** People drawn; a few hundredths of a percent are dropped for colliding personal IDs. */
  participants: number;
  /** Share of the everyday registrations that are voluntary SI (the rest household HI). */
  vsiShare: number;
  campaigns: CampaignSpec[];
}

/**
 * The plan at a size: 3,000,000 people give the national dataset; a small number the same shape.
 * The campaigns' extra registrations scale with it: at 3 million, three times the May 2022
 * report's figures for that month (22,000 VSI and 53,000 HHI on the day, 11,000 and 19,000 over the
 * rest of the month), twice them in the Mays after, and an ongoing campaign ten days old.
 */
export function nationalPlan({ participants, today }: { participants: number; today: string }): NationalPlan {
  const k = participants / 3_000_000;
  const r = (x: number) => Math.max(1, Math.round(x * k));
  const may = (year: number, times: number): CampaignSpec => ({
    name: `Tháng vận động phát triển người tham gia BHXH tự nguyện, BHYT hộ gia đình năm ${year}`,
    startsOn: `${year}-05-01`,
    endsOn: `${year}-05-31`,
    launchAt: `${year}-05-08T08:00:00+07:00`,
    launchDay: { vsi: r(22_000 * times), hhi: r(53_000 * times) },
    after: { vsi: r(11_000 * times), hhi: r(19_000 * times) },
    target: { vsi: r(10_000 * times), hhi: r(20_000 * times) },
  });
  const start = addDays(today, -10);
  return {
    from: `${addMonthsTo(today.slice(0, 7), -59)}-01`,
    today,
    participants,
    vsiShare: 0.55,
    campaigns: [
      { ...may(2022, 3), name: 'Tháng vận động triển khai BHXH toàn dân năm 2022' },
      may(2023, 2),
      may(2024, 2),
      may(2025, 2),
      {
        name: `Tháng vận động phát triển người tham gia BHXH tự nguyện, BHYT hộ gia đình năm ${today.slice(0, 4)}`,
        startsOn: start,
        endsOn: addDays(today, 20),
        launchAt: `${start}T08:00:00+07:00`,
        launchDay: { vsi: r(15_000), hhi: r(30_000) },
        after: { vsi: r(20_000), hhi: r(35_000) },
        target: { vsi: r(60_000), hhi: r(120_000) },
      },
    ],
  };
}

function addMonthsTo(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

export interface PlannedDay {
  date: string;
  vsi: number;
  hhi: number;
  /** Index into plan.campaigns of the campaign under way that day. */
  campaign: number | null;
  channel?: string;
}

/**
 * Every day's registrations, adding up to the plan exactly: the everyday flow (weekends at 60%),
 * plus each campaign's launch day and the days after it up to its end or yesterday.
 */
export function plannedDays(plan: NationalPlan): PlannedDay[] {
  const days: string[] = [];
  for (let d = plan.from; d < plan.today; d = addDays(d, 1)) days.push(d);
  const campaignOn = (d: string) => {
    const i = plan.campaigns.findLastIndex((c) => c.startsOn <= d && d <= c.endsOn);
    return i < 0 ? null : i;
  };
  const extra = new Map<string, { vsi: number; hhi: number; channel: string }>();
  for (const c of plan.campaigns) {
    const launch = c.launchAt.slice(0, 10);
    const last = [c.endsOn, addDays(plan.today, -1)].sort()[0]!;
    const rest = days.filter((d) => d > launch && d <= last);
    extra.set(launch, { ...c.launchDay, channel: 'event' });
    const weights = rest.map((id) => ({ id, potential: isWeekend(id) ? 6 : 10 }));
    const vsi = proposeSplit(c.after.vsi, weights);
    const hhi = proposeSplit(c.after.hhi, weights);
    for (const d of rest)
      extra.set(d, { vsi: vsi.get(d) ?? 0, hhi: hhi.get(d) ?? 0, channel: 'door_to_door' });
  }
  const extras = [...extra.values()].reduce((a, e) => a + e.vsi + e.hhi, 0);
  const everyday = Math.max(0, plan.participants - extras);
  const weights = days.map((id) => ({ id, potential: isWeekend(id) ? 6 : 10 }));
  const vsi = proposeSplit(Math.round(everyday * plan.vsiShare), weights);
  const hhi = proposeSplit(everyday - Math.round(everyday * plan.vsiShare), weights);
  const out: PlannedDay[] = [];
  for (const date of days) {
    const campaign = campaignOn(date);
    out.push({ date, vsi: vsi.get(date) ?? 0, hhi: hhi.get(date) ?? 0, campaign });
    const e = extra.get(date);
    if (e && (e.vsi || e.hhi)) out.push({ date, vsi: e.vsi, hhi: e.hhi, campaign, channel: e.channel });
  }
  return out;
}

export interface NationalMarker {
  plan: string;
  months: string[];
  ready: boolean;
  /** Wall-clock seconds spent generating, over every run that added to it. */
  seconds: number;
  campaigns: number[];
}

export interface NationalDataset {
  campaigns: { id: number; spec: CampaignSpec }[];
  seconds: number;
  generatedNow: boolean;
}

const MARKER = 'bench.national';
const NAME_INDEXES = {
  participant_name_trgm_idx: sql`create index if not exists participant_name_trgm_idx on participant using gin (name_search gin_trgm_ops)`,
  participant_name_words_idx: sql`create index if not exists participant_name_words_idx on participant using gin (string_to_array(name_search, ' '))`,
};

/**
 * Generates the dataset of `plan` into `db`, or resumes it, or (when it is already there) returns
 * its campaigns. A database holding another plan's dataset is refused rather than mixed.
 */
export async function generateNational(
  db: Db,
  plan: NationalPlan,
  { book, log = () => {} }: { book: RuleBook; log?: (line: string) => void },
): Promise<NationalDataset> {
  const settings = createSettingsRepository(db);
  const fingerprint = JSON.stringify(plan);
  const found = await settings.get<NationalMarker>(MARKER);
  if (found && found.plan !== fingerprint)
    throw new Error(`${MARKER}: this database holds another plan's dataset; use a fresh BENCH_DATA_DIR`);
  if (found?.ready) {
    await topUp(db, plan, found.campaigns, book, log);
    return {
      campaigns: found.campaigns.map((id, i) => ({ id, spec: plan.campaigns[i]! })),
      seconds: found.seconds,
      generatedNow: false,
    };
  }
  const started = Date.now();
  const marker: NationalMarker = found ?? {
    plan: fingerprint,
    months: [],
    ready: false,
    seconds: 0,
    campaigns: [],
  };
  const save = () =>
    settings.set(db, MARKER, { ...marker, seconds: marker.seconds + (Date.now() - started) / 1000 });

  const clock = fixedClock(`${plan.today}T09:00:00+07:00`);
  await importUnits(db);
  await seedBaseOrgs(db, clock);
  await seedDemo({ db, clock });
  marker.campaigns = [];
  for (const spec of plan.campaigns) marker.campaigns.push(await setUpCampaign(db, spec));
  await save();
  log(`campaigns ${marker.campaigns.join(', ')} ready`);

  // The name indexes are built once over the loaded rows: far faster than row by row.
  for (const name of Object.keys(NAME_INDEXES)) await sql`drop index if exists ${sql.id(name)}`.execute(db);

  const byMonth = new Map<string, PlannedDay[]>();
  for (const d of plannedDays(plan))
    byMonth.set(d.date.slice(0, 7), [...(byMonth.get(d.date.slice(0, 7)) ?? []), d]);
  let i = 0;
  for (const [month, days] of byMonth) {
    i++;
    if (marker.months.includes(month)) continue;
    // A month committed by a run that stopped before marking it.
    const committed = await sql<{ yes: boolean }>`select exists (select 1 from participant
      where created_at >= ${`${month}-01`}::timestamptz and created_at < ${`${month}-01`}::timestamptz + interval '1 month'
        and is_demo) as yes`.execute(db);
    if (!committed.rows[0]!.yes) {
      const t0 = Date.now();
      const batches: BulkBatch[] = days.map((d) => ({
        date: d.date,
        vsi: d.vsi,
        hhi: d.hhi,
        campaignId: d.campaign === null ? null : marker.campaigns[d.campaign]!,
        ...(d.channel ? { channel: d.channel } : {}),
      }));
      const r = await bulkLoad(db, batches, {
        today: plan.today,
        book,
        seed: (i % 997) / 1000,
        rebuildStats: false,
      });
      log(
        `${month} (${i}/${byMonth.size}): ${r.participants} people, ${r.payments} payments in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    marker.months.push(month);
    await save();
  }

  await topUp(db, plan, marker.campaigns, book, log);
  log('building the name indexes');
  for (const create of Object.values(NAME_INDEXES)) await create.execute(db);
  log('rebuilding the roll-ups (stats_rebuild_all)');
  const t0 = Date.now();
  await db.transaction().execute(async (tx) => {
    // One rebuild over tens of millions of rows: let its sorts and hashes run in memory.
    await sql`set local work_mem = '512MB'`.execute(tx);
    await sql`select stats_rebuild_all()`.execute(tx);
  });
  log(`roll-ups rebuilt in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // Statistics and the visibility map, so plans (and index-only scans) are those of a settled database.
  await sql`vacuum (analyze)`.execute(db);
  marker.ready = true;
  await save();
  const total = marker.seconds + (Date.now() - started) / 1000;
  return {
    campaigns: marker.campaigns.map((id, k) => ({ id, spec: plan.campaigns[k]! })),
    seconds: total,
    generatedNow: true,
  };
}

/**
 * People drawn with a personal ID already taken are dropped (a few in ten thousand): registrations
 * of yesterday make up the difference, so the dataset holds at least the people planned. They go
 * in with the per-row triggers on, so the roll-ups stay exact without a rebuild.
 */
async function topUp(
  db: Db,
  plan: NationalPlan,
  campaignIds: number[],
  book: RuleBook,
  log: (line: string) => void,
) {
  const yesterday = addDays(plan.today, -1);
  const under = plan.campaigns.findLastIndex((c) => c.startsOn <= yesterday && yesterday <= c.endsOn);
  for (let round = 1; round <= 5; round++) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from participant`.execute(db);
    const missing = plan.participants - Number(rows[0]!.n);
    if (missing <= 0) return;
    const vsi = Math.round(missing * plan.vsiShare);
    const r = await bulkLoad(
      db,
      [{ date: yesterday, vsi, hhi: missing - vsi, campaignId: under < 0 ? null : campaignIds[under]! }],
      // A seed no month used: the same seed would draw the same personal IDs again.
      { today: plan.today, book, seed: 0.5 + round / 1000, rebuildStats: false, triggers: true },
    );
    log(`topped up ${r.participants} of ${missing} people missing (personal IDs drawn twice)`);
  }
}

const ACTIVITIES: { kind: ActivityKind; title: string }[] = [
  { kind: 'convoy', title: 'Đoàn xe diễu hành tuyên truyền' },
  { kind: 'conference', title: 'Hội nghị tuyên truyền, đối thoại chính sách' },
  { kind: 'door_to_door', title: 'Tổ tuyên truyền đến từng hộ gia đình' },
  { kind: 'loudspeaker', title: 'Phát thanh trên hệ thống loa truyền thanh cơ sở' },
  { kind: 'article', title: 'Bài viết trên báo, đài địa phương' },
  { kind: 'printed', title: 'Tờ rơi, áp phích' },
];

/**
 * A campaign with its launch ceremony (a central bridge point, one per province, a post office in
 * each), the provinces' activities and national targets cascaded to the provinces, through the
 * app's own services. Found by name when a previous run made it; made again when that run stopped
 * before its targets, which are set last.
 */
async function setUpCampaign(db: Db, spec: CampaignSpec): Promise<number> {
  const previous = await db
    .selectFrom('campaign')
    .select([
      'id',
      (eb) =>
        eb
          .exists(eb.selectFrom('target').select('id').whereRef('campaign_id', '=', 'campaign.id'))
          .as('done'),
    ])
    .where('name', '=', spec.name)
    .executeTakeFirst();
  if (previous?.done) return Number(previous.id);
  if (previous) await db.deleteFrom('campaign').where('id', '=', previous.id).execute();

  const clock = fixedClock(spec.launchAt);
  const campaigns = createCampaignsService({ db, clock, orgs: createOrgsRepository(db) });
  const targets = createTargetsService({ db, clock });
  const actor = SYSTEM_ACTOR;
  const random = createRandom(Number(spec.startsOn.replaceAll('-', '')));
  const campaign = await campaigns.create(actor, {
    name: spec.name,
    theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
    startsOn: spec.startsOn,
    endsOn: spec.endsOn,
    products: ['vsi', 'hhi'],
    organisers: ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'],
    legalBasis: 'Kế hoạch phối hợp (dữ liệu đo hiệu năng)',
    launchAt: spec.launchAt,
  });
  await db.updateTable('campaign').set({ is_demo: true }).where('id', '=', campaign.id).execute();

  const units = await stageLaunch(db, campaigns, random, campaign.id, 1);
  const communes = await db.selectFrom('commune').select(['code', 'province_code']).execute();
  const launchDay = spec.launchAt.slice(0, 10);
  for (const province of units.filter((u) => u.kind === 'vss_province')) {
    const own = communes.filter((c) => c.province_code === province.province_code).map((c) => c.code);
    for (const a of ACTIVITIES) {
      await campaigns.logActivity(actor, campaign.id, {
        orgUnitId: province.id,
        kind: a.kind,
        title: a.title,
        onDate: [addDays(launchDay, random.int(0, 10)), spec.endsOn].sort()[0]!,
        ...(a.kind === 'convoy' ? { cars: 5 + random.int(0, 15), motorbikes: 50 + random.int(0, 250) } : {}),
        ...(a.kind === 'door_to_door' ? { peopleReached: 100 + random.int(0, 600) } : {}),
        ...(a.kind === 'conference' ? { attendees: 80 + random.int(0, 150) } : {}),
        ...(a.kind === 'printed' ? { items: 500 + random.int(0, 4_500) } : {}),
        communes: Array.from({ length: 1 + random.int(0, 4) }, () => own[random.int(0, own.length - 1)]!),
      });
    }
  }
  for (const product of ['vsi', 'hhi'] as const) {
    const national = await targets.setNational(actor, campaign.id, { product, amount: spec.target[product] });
    await targets.cascade(actor, national.id, { apply: true });
  }
  return campaign.id;
}
