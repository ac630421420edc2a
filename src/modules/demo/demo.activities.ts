import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { proposeSplit } from '../../domain/campaigns/targets.ts';
import { addDays } from '../../domain/law/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { type ActivityKind, DEFAULT_CHECKLIST } from '../campaigns/campaigns.service.ts';
import type { Random } from './demo.random.ts';

/**
 * What the 2022 report counted over the Month of mobilization (CAMPAIGN.md): over 600 parades, over
 * 9,000 cars and motorbikes, about 6,600 door-to-door groups reaching about 168,000 people, about
 * 14,000 loudspeaker broadcasts, about 1,400 articles, 8,542 printed items and 23 extra local
 * launches. The demo's activity at scale 1.
 */
export const REPORT_2022 = {
  parades: 614,
  cars: 1_850,
  motorbikes: 7_320,
  doorToDoorGroups: 6_600,
  peopleReached: 168_000,
  loudspeakerBroadcasts: 14_000,
  articles: 1_400,
  printedItems: 8_542,
  localLaunches: 23,
} as const;

type Figures = Record<keyof typeof REPORT_2022, number>;

/** The report's figures at a scale: each a whole number, at least one. */
export function reportAt(scale: number): Figures {
  const out = {} as Figures;
  for (const [k, v] of Object.entries(REPORT_2022))
    out[k as keyof Figures] = Math.max(1, Math.round(v * scale));
  return out;
}

interface Unit {
  id: number;
  name: string;
  province: string;
  communes: string[];
}

interface Entry {
  org_unit_id: number;
  province_code: string;
  kind: ActivityKind;
  on_date: string;
  title: string;
  quantity: number;
  cars: number;
  motorbikes: number;
  route: string | null;
  communes: string[];
  people_reached: number;
  attendees: number;
  items: number;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `total` shared between `units` by weight, as entries of those given at least one. */
function share<T extends { weight: number }>(total: number, units: T[]): { unit: T; n: number }[] {
  const split = proposeSplit(
    total,
    units.map((u, i) => ({ id: String(i), potential: u.weight })),
  );
  return units.map((unit, i) => ({ unit, n: split.get(String(i)) ?? 0 })).filter((s) => s.n > 0);
}

/**
 * A campaign's activities on the ground, shaped like the 2022 report and summing to `figures`
 * exactly: each province's convoy leaves its bridge point on the launch day and its grassroots
 * offices parade later; the grassroots offices send door-to-door groups and run the loudspeakers
 * in their communes; the provinces write articles and print leaflets; some offices hold a launch of
 * their own. One entry per unit and kind stands for its groups, broadcasts or articles (`quantity`),
 * as localities report them, so the counters match without tens of thousands of rows; all are
 * inserted at once, with their safety checklists. Dated within the campaign and not after `last`.
 */
export async function seedDemoActivities(
  { db, clock, random }: { db: Db; clock: Clock; random: Random },
  campaign: { id: number; launchDay: string; last: string; figures: Figures },
) {
  const day = (offset: number) => [addDays(campaign.launchDay, offset), campaign.last].sort()[0]!;
  const units = await db
    .selectFrom('org_unit as o')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.province_code',
      (eb) =>
        eb
          .selectFrom('org_unit_commune as oc')
          .select(sql<string[]>`coalesce(array_agg(oc.commune_code order by oc.commune_code), '{}')`.as('c'))
          .whereRef('oc.org_unit_id', '=', 'o.id')
          .as('communes'),
    ])
    .where('o.kind', 'in', ['vss_province', 'vss_grassroots'])
    .where('o.closed_at', 'is', null)
    .orderBy('o.code')
    .execute();
  const communes = await db.selectFrom('commune').select(['code', 'province_code']).execute();
  const inProvince = new Map<string, string[]>();
  for (const c of communes)
    inProvince.set(c.province_code, [...(inProvince.get(c.province_code) ?? []), c.code]);
  const asUnit = (u: (typeof units)[number]): Unit => ({
    id: u.id,
    name: u.name,
    province: u.province_code!,
    communes: u.communes ?? [],
  });
  const provinces = units
    .filter((u) => u.kind === 'vss_province')
    .map((u) => ({ ...asUnit(u), communes: inProvince.get(u.province_code!) ?? [] }))
    .map((u) => ({ ...u, weight: u.communes.length }));
  // Shuffled: offices of a size tie, and a small demo should not give its few groups to the first provinces.
  const grassroots = shuffle(
    random,
    units
      .filter((u) => u.kind === 'vss_grassroots')
      .map(asUnit)
      .map((u) => ({ ...u, weight: Math.max(1, u.communes.length) })),
  );
  const officesOf = (province: string) => grassroots.filter((g) => g.province === province);
  const some = (list: string[], k: number) =>
    Array.from({ length: Math.min(k, list.length) }, () => list[random.int(0, list.length - 1)]!);
  const entry = (unit: Unit, kind: ActivityKind, title: string, extra: Partial<Entry>): Entry => ({
    org_unit_id: unit.id,
    province_code: unit.province,
    kind,
    on_date: day(random.int(0, 20)),
    title,
    quantity: 1,
    cars: 0,
    motorbikes: 0,
    route: null,
    communes: [],
    people_reached: 0,
    attendees: 0,
    items: 0,
    ...extra,
  });
  const f = campaign.figures;
  const entries: Entry[] = [];

  // Parades: the province's convoy from its bridge point on the launch day, then its offices'.
  const parades: Entry[] = [];
  for (const { unit, n } of share(f.parades, provinces)) {
    parades.push(
      entry(unit, 'convoy', 'Đoàn xe diễu hành tuyên truyền từ điểm cầu tỉnh', {
        on_date: day(0),
        route: 'Trung tâm tỉnh – các xã vùng ven',
        communes: some(unit.communes, 3 + random.int(0, 5)),
      }),
    );
    const offices = officesOf(unit.province);
    if (offices.length === 0) parades.at(-1)!.quantity = n;
    for (const { unit: office, n: k } of share(n - 1, offices))
      parades.push(
        entry(office, 'parade', 'Diễu hành tuyên truyền bằng ô tô, xe máy', {
          quantity: k,
          route: `Các xã, phường do ${office.name} phụ trách`,
          communes: office.communes,
        }),
      );
  }
  // A province's convoy is the largest of its parades.
  const vehicles = parades.map((p, i) => ({ i, weight: p.kind === 'convoy' ? 4 : p.quantity }));
  for (const { unit, n } of share(f.cars, vehicles)) parades[unit.i]!.cars = n;
  for (const { unit, n } of share(f.motorbikes, vehicles)) parades[unit.i]!.motorbikes = n;
  entries.push(...parades);

  // Door-to-door groups and their people, and loudspeakers: the grassroots offices, in their communes.
  const groups = share(f.doorToDoorGroups, grassroots);
  const reached = share(
    f.peopleReached,
    groups.map((g) => ({ ...g, weight: g.n })),
  );
  for (const { unit: g, n: people } of reached)
    entries.push(
      entry(g.unit, 'door_to_door', `${g.n} tổ tuyên truyền đến từng hộ gia đình`, {
        quantity: g.n,
        people_reached: people,
        communes: g.unit.communes,
      }),
    );
  for (const { unit, n } of share(f.loudspeakerBroadcasts, grassroots))
    entries.push(
      entry(unit, 'loudspeaker', `${n} lượt phát thanh trên hệ thống loa truyền thanh cơ sở`, {
        quantity: n,
        communes: unit.communes,
      }),
    );

  // The provinces: a dialogue conference each, articles in the local press, leaflets and posters.
  for (const p of provinces)
    entries.push(
      entry(p, 'conference', 'Hội nghị tuyên truyền, đối thoại chính sách', {
        on_date: day(random.int(1, 10)),
        attendees: 80 + random.int(0, 150),
      }),
    );
  for (const { unit, n } of share(f.articles, provinces))
    entries.push(entry(unit, 'article', `${n} bài viết trên báo, đài địa phương`, { quantity: n }));
  for (const { unit, n } of share(f.printedItems, provinces))
    entries.push(
      entry(unit, 'printed', 'Tờ rơi, áp phích, sổ tay hỏi đáp chính sách', { on_date: day(0), items: n }),
    );

  // Local launches: in the provinces with most communes, at their first grassroots office.
  for (const { unit, n } of share(f.localLaunches, provinces)) {
    const office = officesOf(unit.province)[0] ?? unit;
    entries.push(
      entry(office, 'local_launch', 'Lễ ra quân hưởng ứng tại địa phương', {
        quantity: n,
        on_date: day(random.int(1, 7)),
        communes: office.communes,
      }),
    );
  }

  await transact(db, auditContext(SYSTEM_ACTOR, clock), async (tx) => {
    // A bulk load: the entries are audited as a whole rather than row by row (see demo.bulk.ts).
    await sql`select set_config('diemtua.bulk_load', 'demo', true)`.execute(tx);
    for (let i = 0; i < entries.length; i += 1_000) {
      await tx
        .insertInto('activity')
        .values(
          entries.slice(i, i + 1_000).map((e) => ({
            ...e,
            campaign_id: campaign.id,
            created_at: new Date(`${e.on_date}T17:00:00+07:00`),
            is_demo: true,
          })),
        )
        .execute();
    }
    await sql`
      insert into compliance_item (activity_id, label)
      select a.id, l.label
      from activity a
      cross join lateral unnest(case when a.kind in ('convoy', 'parade')
                                     then ${[...DEFAULT_CHECKLIST.convoy, ...DEFAULT_CHECKLIST.other]}::text[]
                                     else ${DEFAULT_CHECKLIST.other}::text[] end) with ordinality as l(label, i)
      where a.campaign_id = ${campaign.id}
      order by a.id, l.i`.execute(tx);
  });
  return entries.length;
}
