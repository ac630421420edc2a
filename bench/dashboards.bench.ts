// The dashboards at national scale: 3,000,000 people (BENCH_PARTICIPANTS to change) registering over
// five years in the 3,321 communes, 30 million payments and more, five campaigns (bench/support/
// national-dataset.ts). Every dashboard and bulletin endpoint, the launch wall and the target tree
// are called through the real HTTP stack by signed-in officers of each level, in turn, after a
// warm-up. Target: p95 ≤ 50 ms for every endpoint. In the same run the same figures are computed by
// a plain GROUP BY over the base tables (bench/support/base-figures.ts), timed the same way, and
// checked once to be equal to what the endpoints answer.
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { createRuleBook } from '../src/domain/law/index.ts';
import { hashPassword } from '../src/modules/access/access.passwords.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createApp } from '../src/server/app.ts';
import {
  type BaseArea,
  baseBulletin,
  baseCampaignFigures,
  baseCoverage,
  baseLaunch,
  baseTargetActuals,
  type Product,
} from './support/base-figures.ts';
import { benchDatabase, median } from './support/bench-db.ts';
import { generateNational, nationalPlan } from './support/national-dataset.ts';

const TOTAL = Number(process.env.BENCH_PARTICIPANTS ?? 3_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const BASE_RUNS = Number(process.env.BENCH_BASE_RUNS ?? 5);
const TODAY = '2026-11-25';
const clock = fixedClock(`${TODAY}T09:00:00+07:00`);
const AS_OF = ['2022-03-31', '2022-05-31', '2023-12-31', '2025-06-30', TODAY];
const TARGET_MS = 50;

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field and compared with the GROUP BY's
type Json = any;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => Number(x.toFixed(1));
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

const database = await benchDatabase('bench_dashboards');
const db = database.db;
try {
  const plan = nationalPlan({ participants: TOTAL, today: TODAY });
  const dataset = await generateNational(db, plan, {
    book: createRuleBook(),
    log: (line) => console.error(`[generate] ${line}`),
  });
  const [may2022, , , , ongoing] = dataset.campaigns.map((c) => ({ id: c.id, ...c.spec }));
  const sizes = await sql<Record<string, string>>`
    select (select count(*) from participant) as participants, (select count(*) from vsi_enrollment) as enrollments,
           (select count(*) from household) as households, (select count(*) from household_member) as members,
           (select count(*) from payment) as payments, (select count(*) from receipt) as receipts,
           (select min(paid_on) from payment) as first_paid, (select max(paid_on) from payment) as last_paid,
           (select count(distinct province_code) from participant) as provinces,
           (select count(distinct commune_code) from participant) as communes,
           (select count(*) from stat_commune_day) as stat_commune_day, (select count(*) from stat_province_day) as stat_province_day,
           pg_database_size(current_database()) as bytes,
           pg_total_relation_size('payment') as payment_bytes, pg_total_relation_size('stat_commune_day') as stat_commune_day_bytes,
           current_setting('shared_buffers') as shared_buffers`.execute(db);
  const data = Object.fromEntries(
    Object.entries(sizes.rows[0]!).map(([k, v]) => [k, /^\d+$/.test(String(v)) ? Number(v) : v]),
  );
  console.error(`[dataset] ${JSON.stringify(data)}, generated in ${Math.round(dataset.seconds)} s`);

  const app = await createApp({
    db,
    clock,
    config: { secureCookies: false, logLevel: 'silent' },
    webRoot: null,
    logger: false,
  });
  await app.ready();

  // Real sign-in, one officer of each level.
  const password = 'bench-password-123';
  const logins = {
    national: 'demo.trunguong',
    province: 'demo.tinh',
    grassroots: 'demo.coso',
    postOffice: 'demo.buucuc',
    agent: 'demo.daily',
  } as const;
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(password) })
    .where('username', 'in', Object.values(logins))
    .execute();
  const users = await db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'o.id as unit_id', 'o.path', 'o.province_code'])
    .where('u.username', 'in', Object.values(logins))
    .execute();
  const user = (name: string) => users.find((u) => u.username === name)!;
  const sessions: Record<keyof typeof logins, Record<string, string>> = {} as never;
  for (const [who, username] of Object.entries(logins)) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (r.statusCode !== 200) throw new Error(`sign-in ${username}: ${r.body}`);
    sessions[who as keyof typeof logins] = {
      cookie: `dt_session=${r.cookies.find((c) => c.name === 'dt_session')!.value}`,
    };
  }
  const get = async (session: Record<string, string>, url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: session });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };

  // Which levels the dashboard has now (another change adds unit, commune and agent): read off the
  // OpenAPI description, so the benchmark measures what the code serves today.
  const spec = (app as unknown as { swagger(): unknown }).swagger() as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
  };
  const queryOf = (path: string) =>
    new Set((spec.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  const dashboardParams = queryOf('/api/v1/dashboard');
  const coveragePath = Object.keys(spec.paths).find(
    (p) => /coverage/.test(p) && spec.paths[p]!.get && !p.includes(':'),
  );

  const hanoi = user(logins.province).province_code!;
  const grassroots = user(logins.grassroots);
  const served = await sql<{ commune_code: string }>`
    select distinct oc.commune_code from org_unit_commune oc join org_unit o on o.id = oc.org_unit_id
    where o.path like ${`${grassroots.path}%`} order by 1`.execute(db);
  const unitCommunes = served.rows.map((r) => r.commune_code);
  const commune = unitCommunes[0]!;
  const agent = user(logins.agent);
  const until = (c: { endsOn: string }) => [TODAY, c.endsOn].sort()[0]!;
  const latestBegun = async (asOf: string) =>
    Number(
      (
        await db
          .selectFrom('campaign')
          .select('id')
          .where('starts_on', '<=', asOf)
          .orderBy('starts_on', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirst()
      )?.id ?? 0,
    ) || null;

  interface Case {
    name: string;
    /** One URL per request, in turn. */
    urls: string[];
    session: Record<string, string>;
    /** The same figures by a plain GROUP BY, for the i-th URL. */
    base: (i: number) => Promise<unknown>;
    /** Differences between the endpoint's answer and the GROUP BY's, for the correctness check. */
    check: (answer: Json, base: Json) => string[];
  }
  const diff = (what: string, a: unknown, b: unknown) =>
    JSON.stringify(a) === JSON.stringify(b)
      ? []
      : [
          `${what}: endpoint ${JSON.stringify(a)?.slice(0, 200)} ≠ GROUP BY ${JSON.stringify(b)?.slice(0, 200)}`,
        ];

  const dashboardCheck =
    (area: BaseArea) => (answer: Json, base: Awaited<ReturnType<typeof baseCampaignFigures>>) => {
      const national = area.kind === 'country';
      const out = [...diff('totals', answer.totals, base.totals)];
      // An agent's roll-up (stat_agent) has no day: their dashboard has no daily trend to compare.
      if (Array.isArray(answer.trend) && area.kind !== 'agent')
        out.push(
          ...diff(
            'trend',
            answer.trend.map((d: Json) => ({
              day: d.day,
              enrollments: d.enrollments,
              payments: d.payments,
              amount: d.amount,
            })),
            base.trend,
          ),
        );
      if (national && Array.isArray(answer.provinces)) {
        const byProvince = new Map<string, number>();
        for (const r of base.byProvince)
          byProvince.set(r.province, (byProvince.get(r.province) ?? 0) + r.enrollments);
        out.push(
          ...diff(
            'map',
            answer.provinces
              .filter((t: Json) => t.enrollments > 0)
              .map((t: Json) => [t.code, t.enrollments])
              .sort(),
            [...byProvince].filter(([, v]) => v > 0).sort(),
          ),
        );
      }
      return out;
    };
  const dashboard = (
    name: string,
    session: Record<string, string>,
    campaign: { id: number },
    q: { product?: Product; province?: string; unit?: number; commune?: string; agent?: number },
    area: BaseArea,
  ): Case => {
    const params = new URLSearchParams({ campaignId: String(campaign.id) });
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    return {
      name,
      urls: [`/api/v1/dashboard?${params}`],
      session,
      base: () =>
        baseCampaignFigures(db, {
          campaignId: campaign.id,
          products: q.product ? [q.product] : ['vsi', 'hhi'],
          area,
        }),
      check: dashboardCheck(area),
    };
  };

  const cases: Case[] = [
    dashboard('dashboard · national · May 2022 · all', sessions.national, may2022!, {}, { kind: 'country' }),
    dashboard('dashboard · national · ongoing · all', sessions.national, ongoing!, {}, { kind: 'country' }),
    dashboard(
      'dashboard · national · ongoing · vsi',
      sessions.national,
      ongoing!,
      { product: 'vsi' },
      { kind: 'country' },
    ),
    dashboard(
      'dashboard · national · ongoing · hhi',
      sessions.national,
      ongoing!,
      { product: 'hhi' },
      { kind: 'country' },
    ),
    dashboard(
      'dashboard · province (Hà Nội) · ongoing',
      sessions.province,
      ongoing!,
      { province: hanoi },
      { kind: 'province', code: hanoi },
    ),
  ];
  const levels: string[] = [];
  if (dashboardParams.has('unit')) {
    levels.push('unit');
    cases.push(
      dashboard(
        'dashboard · unit (grassroots office) · ongoing',
        sessions.grassroots,
        ongoing!,
        { unit: grassroots.unit_id },
        {
          kind: 'communes',
          codes: unitCommunes,
        },
      ),
    );
  }
  if (dashboardParams.has('commune')) {
    levels.push('commune');
    cases.push(
      dashboard(
        'dashboard · commune · ongoing',
        sessions.grassroots,
        ongoing!,
        { commune },
        { kind: 'communes', codes: [commune] },
      ),
    );
  }
  if (dashboardParams.has('agent')) {
    levels.push('agent');
    cases.push(
      dashboard(
        'dashboard · agent (own) · ongoing',
        sessions.agent,
        ongoing!,
        { agent: agent.id },
        { kind: 'agent', id: agent.id },
      ),
    );
  }

  const bulletinCase = (name: string, scope: string | null): Case => ({
    name,
    urls: AS_OF.map((d) => `/api/v1/bulletin?asOf=${d}${scope ? `&scope=${scope}` : ''}`),
    session: scope ? sessions.province : sessions.national,
    base: async (i) =>
      baseBulletin(db, {
        asOf: AS_OF[i % AS_OF.length]!,
        province: scope,
        campaignId: await latestBegun(AS_OF[i % AS_OF.length]!),
      }),
    check: (answer, base: Awaited<ReturnType<typeof baseBulletin>>) => {
      const f = answer.figures;
      return [
        ...diff('voluntary', f.voluntary, base.now.vsi + base.now.outside),
        ...diff('householdHi', f.householdHi, base.now.hhi),
        ...diff(
          'lastYear',
          [f.lastYear?.voluntary ?? 0, f.lastYear?.householdHi ?? 0],
          [base.lastYear.vsi + base.lastYear.outside, base.lastYear.hhi],
        ),
        ...diff('campaign', f.campaign && { vsi: f.campaign.vsi, hhi: f.campaign.hhi }, base.campaign),
      ];
    },
  });
  cases.push(
    bulletinCase('bulletin · national · 5 as-of dates', null),
    bulletinCase('bulletin · Hà Nội · 5 as-of dates', hanoi),
  );

  if (coveragePath) {
    levels.push('coverage');
    cases.push({
      name: `coverage · national · 5 as-of dates (${coveragePath})`,
      urls: AS_OF.map((d) => `${coveragePath}?asOf=${d}`),
      session: sessions.national,
      base: async (i) => {
        const d = AS_OF[i % AS_OF.length]!;
        return {
          now: await baseCoverage(db, `${d.slice(0, 7)}-01`, null),
          before: await baseCoverage(db, `${Number(d.slice(0, 4)) - 1}-${d.slice(5, 7)}-01`, null),
        };
      },
      check: (answer, base: { now: { province: string; hhi: number }[] }) =>
        Array.isArray(answer.provinces)
          ? diff(
              'householdHi by province',
              answer.provinces
                .filter((p: Json) => p.householdHi > 0)
                .map((p: Json) => [p.code, p.householdHi]),
              base.now.filter((p) => p.hhi > 0).map((p) => [p.province, p.hhi]),
            )
          : ['no provinces in the answer'],
    });
  }

  const bridges = async (campaignId: number) =>
    (
      await db
        .selectFrom('bridge_point')
        .select('org_unit_id')
        .where('campaign_id', '=', campaignId)
        .where('level', 'not in', ['central', 'provincial'])
        .execute()
    ).map((b) => b.org_unit_id);
  for (const [label, c] of [
    ['May 2022', may2022!],
    ['ongoing', ongoing!],
  ] as const) {
    const unitIds = [...new Set(await bridges(c.id))];
    cases.push({
      name: `launch wall · ${label}`,
      urls: [`/api/v1/campaigns/${c.id}/launch`],
      session: sessions.national,
      base: () => baseLaunch(db, { campaignId: c.id, launchAt: c.launchAt, until: until(c), unitIds }),
      check: (answer, base: Awaited<ReturnType<typeof baseLaunch>>) => [
        ...diff('registrations', answer.registrations, base.total),
        ...diff(
          'provincial bridge points',
          answer.items
            .filter((i: Json) => i.level === 'provincial')
            .map((i: Json) => [i.provinceCode, i.registrations])
            .sort(),
          answer.items
            .filter((i: Json) => i.level === 'provincial')
            .map((i: Json) => [i.provinceCode, base.byProvince.get(i.provinceCode) ?? 0])
            .sort(),
        ),
        ...diff(
          'post-office bridge points',
          answer.items.filter((i: Json) => i.level === 'post_office').map((i: Json) => i.registrations),
          answer.items
            .filter((i: Json) => i.level === 'post_office')
            .map((i: Json) => base.byUnit.get(i.orgUnitId) ?? 0),
        ),
      ],
    });
  }
  const provinceOfUnit = new Map(
    (
      await db
        .selectFrom('org_unit')
        .select(['id', 'province_code'])
        .where('kind', '=', 'vss_province')
        .execute()
    ).map((u) => [u.id, u.province_code]),
  );
  for (const product of ['vsi', 'hhi'] as const) {
    cases.push({
      name: `target tree · ongoing · ${product}`,
      urls: [`/api/v1/campaigns/${ongoing!.id}/targets?product=${product}`],
      session: sessions.national,
      base: () => baseTargetActuals(db, { campaignId: ongoing!.id, product, until: TODAY }),
      check: (answer, base: Awaited<ReturnType<typeof baseTargetActuals>>) => [
        ...diff('national actual', answer.actual, base.total),
        ...diff(
          'provinces',
          answer.children
            .filter((c: Json) => provinceOfUnit.has(c.orgUnitId))
            .map((c: Json) => [provinceOfUnit.get(c.orgUnitId), c.actual])
            .sort(),
          answer.children
            .filter((c: Json) => provinceOfUnit.has(c.orgUnitId))
            .map((c: Json) => [
              provinceOfUnit.get(c.orgUnitId),
              base.byProvince.get(provinceOfUnit.get(c.orgUnitId)!) ?? 0,
            ])
            .sort(),
        ),
      ],
    });
  }

  // The correctness check, once per case and URL: the endpoint's figures are the GROUP BY's.
  const mismatches: Record<string, string[]> = {};
  for (const c of cases) {
    for (const [i, url] of c.urls.entries()) {
      const found = c.check(await get(c.session, url), await c.base(i));
      if (found.length) mismatches[`${c.name} ${url}`] = found;
    }
  }
  for (const [k, v] of Object.entries(mismatches)) console.error(`[check] ${k}\n  ${v.join('\n  ')}`);

  // The endpoints: a warm-up, then the cases in turn, one request each, so a busy moment of the
  // shared machine falls on all of them alike.
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let i = 0; i < WARMUP; i++) for (const c of cases) await get(c.session, c.urls[i % c.urls.length]!);
  for (let i = 0; i < REQUESTS; i++) {
    for (const c of cases) {
      const started = performance.now();
      await get(c.session, c.urls[i % c.urls.length]!);
      times.get(c.name)!.push(performance.now() - started);
    }
  }
  console.error('[endpoints] measured');

  // The plain GROUP BY, timed the same way but fewer times: each reads the base tables.
  const baseTimes = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) await c.base(0);
  for (let i = 0; i < BASE_RUNS; i++) {
    for (const c of cases) {
      const started = performance.now();
      await c.base(i);
      baseTimes.get(c.name)!.push(performance.now() - started);
    }
    console.error(`[group by] round ${i + 1}/${BASE_RUNS}`);
  }

  const endpoints = cases.map((c) => {
    const t = times.get(c.name)!;
    const b = baseTimes.get(c.name)!;
    return {
      endpoint: c.name,
      requests: t.length,
      p50Ms: ms(median(t)),
      p95Ms: ms(percentile(t, 95)),
      p99Ms: ms(percentile(t, 99)),
      met: percentile(t, 95) <= TARGET_MS,
      groupBy: { runs: b.length, p50Ms: ms(median(b)), p95Ms: ms(percentile(b, 95)) },
      p95Ratio: Number((percentile(t, 95) / percentile(b, 95)).toFixed(4)),
      figuresEqual: !Object.keys(mismatches).some((k) => k.startsWith(`${c.name} `)),
    };
  });
  const all = [...times.values()].flat();
  const summary = {
    name: 'dashboards and bulletin at national scale',
    date: new Date().toISOString().slice(0, 10),
    commit: git('rev-parse', '--short', 'HEAD'),
    dashboardsLastCommit: git('log', '-1', '--format=%h %cI', '--', 'src/modules/dashboards'),
    dataset: { ...data, generatedNow: dataset.generatedNow, generationSeconds: Math.round(dataset.seconds) },
    levels,
    requests: all.length,
    p50Ms: ms(median(all)),
    p95Ms: ms(percentile(all, 95)),
    p99Ms: ms(percentile(all, 99)),
    target: `p95 ≤ ${TARGET_MS} ms for every endpoint`,
    met: endpoints.every((e) => e.met),
    figuresEqual: Object.keys(mismatches).length === 0,
    endpoints,
  };
  console.log(JSON.stringify(summary, null, 2));
  await app.close();
} finally {
  await database.close();
}
