import type { Db } from '../../db/database.ts';
import { addDays } from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { Actor } from '../access/access.actor.ts';
import {
  createLaunchRepository,
  type PlaceCounts,
  PRODUCTS,
  type Product,
  placeKey,
} from './campaigns.launch.repository.ts';

type Campaign = { id: number | string; ends_on: string; launch_at: Date | null };

const NONE: PlaceCounts = { byProvince: new Map(), byCommune: new Map() };
const sum = (values: Iterable<number>) => [...values].reduce((a, n) => a + n, 0);

/**
 * The launch ceremony as the wall shows it, polled every few seconds: every bridge point the viewer
 * may see, whether it is live, its attendance and checklist, and the registrations in its area
 * since the ceremony began. The totals are the viewer's region's.
 */
export function createLaunchWall({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createLaunchRepository(db);
  /**
   * What was registered on the launch day before the ceremony began, per campaign. Once that day is
   * over nothing more can land in it, so it is kept while the day's roll-up total stays the same
   * (a bulk load or a rebuild changes it).
   */
  const beforeCeremony = new Map<number, { launchAt: number; dayTotal: number; counts: PlaceCounts }>();
  /**
   * Per commune, every commune's registrations from the launch day to yesterday, per campaign: past
   * days no longer change, so the wall, polled every few seconds and counting the communes of
   * hundreds of grassroots points, reads them once a day (again if their total moves) and then only
   * today's rows.
   */
  const pastDays = new Map<
    number,
    { from: string; to: string; total: number; byCommune: Map<string, number> }
  >();

  /**
   * Registrations since the ceremony began, per province and per commune asked for: the roll-ups by
   * day from the launch day to today (or the campaign's last day), less what was registered on the
   * launch day before the ceremony, counted by time through the created_at indexes (migration 0004).
   * That part is small on a launch day, when registrations come after the ceremony; once the day
   * is past it is counted once.
   */
  async function registrationsSince(campaign: Campaign, launchAt: Date, communes: readonly string[]) {
    const id = Number(campaign.id);
    const launchDay = vietnamDate({ now: () => launchAt });
    const today = vietnamDate(clock);
    const until = [campaign.ends_on, today].sort()[0]!;
    const pastEnd = [until, addDays(today, -1)].sort()[0]!;
    const provinces = await repo.byProvince(id, launchDay, until, pastEnd);

    let past = pastDays.get(id);
    if (pastEnd < launchDay) past = undefined;
    else if (!past || past.from !== launchDay || past.to !== pastEnd || past.total !== provinces.past) {
      past = {
        from: launchDay,
        to: pastEnd,
        total: provinces.past,
        byCommune: await repo.byCommune(id, launchDay, pastEnd, null),
      };
      pastDays.set(id, past);
    }
    const recent =
      until > pastEnd ? await repo.byCommune(id, addDays(pastEnd, 1), until, communes) : new Map();
    const byCommune = new Map(
      communes.flatMap((c) =>
        PRODUCTS.map((p) => {
          const key = placeKey(c, p);
          return [key, (past?.byCommune.get(key) ?? 0) + (recent.get(key) ?? 0)] as const;
        }),
      ),
    );

    let before = beforeCeremony.get(id);
    if (!before || before.launchAt !== launchAt.getTime() || before.dayTotal !== provinces.firstDay) {
      const dayStart = new Date(`${launchDay}T00:00:00+07:00`);
      const counts = await repo.between(id, dayStart, launchAt);
      before = { launchAt: launchAt.getTime(), dayTotal: provinces.firstDay, counts };
      if (launchDay < today) beforeCeremony.set(id, before);
    }
    const less = (counts: Map<string, number>, earlier: Map<string, number>) =>
      new Map([...counts].map(([k, v]) => [k, Math.max(0, v - (earlier.get(k) ?? 0))]));
    return {
      byProvince: less(provinces.byProvince, before.counts.byProvince),
      byCommune: less(byCommune, before.counts.byCommune),
    };
  }

  return async function launch(actor: Actor, campaign: Campaign) {
    const campaignId = Number(campaign.id);
    const rows = await repo.sites(campaignId);
    // The viewer's sites: their subtree's, and those in a province they serve whole (a province's
    // officers follow the post network's points as well as their own), as the dashboards open units.
    const own = rows.filter(
      (r) =>
        actor.national ||
        r.path.startsWith(actor.orgPath) ||
        (r.province_code !== null && actor.provinces.includes(r.province_code)),
    );
    const mine = new Set(own);
    const visible = rows.filter((r) => mine.has(r) || r.level === 'central');
    const checklistOf = new Map<number, Awaited<ReturnType<typeof repo.checklists>>>();
    for (const c of await repo.checklists(visible.map((r) => Number(r.id)))) {
      const site = Number(c.bridge_id);
      checklistOf.set(site, [...(checklistOf.get(site) ?? []), c]);
    }
    const now = clock.now();
    const started = campaign.launch_at !== null && campaign.launch_at <= now;
    const unitIds = [
      ...new Set(
        visible.filter((r) => r.level !== 'central' && r.level !== 'provincial').map((r) => r.org_unit_id),
      ),
    ];
    const served = await repo.communesOf(unitIds);
    const communes = [...new Set([...[...served.values()].flat(), ...actor.partialCommunes])];
    const counts = started ? await registrationsSince(campaign, campaign.launch_at!, communes) : NONE;
    const products = (product?: Product) => (product ? [product] : PRODUCTS);
    const count = (map: Map<string, number>, places: readonly string[], product?: Product) =>
      sum(places.flatMap((place) => products(product).map((p) => map.get(placeKey(place, p)) ?? 0)));
    const inCommunes = (codes: readonly string[], product?: Product) =>
      count(counts.byCommune, codes, product);
    const inProvince = (code: string) => count(counts.byProvince, [code]);
    // The country for a national viewer; for anyone else, the part of it they may see.
    const regionOf = (product?: Product) =>
      actor.national
        ? sum(
            [...counts.byProvince]
              .filter(([key]) => !product || key.endsWith(`|${product}`))
              .map(([, n]) => n),
          )
        : count(counts.byProvince, actor.provinces, product) + inCommunes(actor.partialCommunes, product);
    const region = regionOf();

    return {
      campaignId,
      launchAt: campaign.launch_at ? campaign.launch_at.toISOString() : null,
      started,
      asOf: now.toISOString(),
      registrations: region,
      byProduct: { vsi: regionOf('vsi'), hhi: regionOf('hhi') },
      live: own.filter((r) => r.live_at).length,
      sites: own.length,
      attendance: own.reduce((total, r) => total + (r.attendance ?? 0), 0),
      items: visible.map((r) => ({
        id: Number(r.id),
        parentId: r.parent_id === null ? null : Number(r.parent_id),
        level: r.level,
        name: r.name,
        form: r.form,
        orgUnitId: r.org_unit_id,
        orgUnitName: r.org_unit_name,
        provinceCode: r.province_code,
        streamUrl: r.stream_url,
        plannedAttendance: r.planned_attendance,
        liveAt: r.live_at ? r.live_at.toISOString() : null,
        attendance: r.attendance,
        checkedInBy: r.checked_in_by_name,
        registrations:
          r.level === 'central'
            ? region
            : r.level === 'provincial' && r.province_code
              ? inProvince(r.province_code)
              : inCommunes(served.get(r.org_unit_id) ?? []),
        checklist: (checklistOf.get(Number(r.id)) ?? []).map((c) => ({
          id: Number(c.id),
          label: c.label,
          confirmedAt: c.confirmed_at ? c.confirmed_at.toISOString() : null,
          confirmedBy: c.confirmed_by,
          note: c.note,
        })),
      })),
    };
  };
}
