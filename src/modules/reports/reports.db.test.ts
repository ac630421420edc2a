import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildUser, provincialUnit } from '../../../test/factories.ts';
import { transact } from '../../db/transaction.ts';
import { addDays } from '../../domain/law/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createServices, type Services } from '../../server/services.ts';
import { type Actor, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { bulkLoad } from '../demo/demo.bulk.ts';
import { CHUNK } from './reports.sources.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-03-02T08:00:00+07:00');
const today = '2026-03-02';
let services: Services;
let admin: Actor;
let hanoiOfficer: Actor;

async function run(actor: Actor, input: Parameters<Services['reports']['create']>[1]) {
  const created = await services.reports.create(actor, input, 'vi');
  await services.reports.settled(created.id);
  return services.reports.get(actor, created.id);
}

async function csv(actor: Actor, id: number) {
  const file = await services.reports.file(actor, id);
  return parse(fs.readFileSync(file.path), { bom: true }) as string[][];
}

beforeAll(async () => {
  services = createServices({ db: t.db, clock });
  // More lapsed people than one chunk holds, so the list is read in several keyset pages.
  await bulkLoad(t.db, [{ date: '2024-03-10', vsi: 2 * CHUNK, hhi: 0 }], {
    today,
    book: await services.rules.book(),
    seed: 0.31,
    retention: 0.2,
    history: false,
  });
  await services.jobs.moveStatuses(today, undefined, 'all');
  const a = await buildUser(t.db, { role: 'system_admin', orgUnitId: (await provincialUnit(t.db, '01')).id });
  admin = (await services.access.actorForUsername(a.username))!;
  const h = await buildUser(t.db, { role: 'provincial_officer', province: '01' });
  hanoiOfficer = (await services.access.actorForUsername(h.username))!;
}, 120_000);

/** The worklist's win-back bucket, counted straight from the base tables. */
const lapsedInBase = (province?: string) =>
  sql<{ n: number }>`
    select count(*)::int as n from vsi_enrollment e join participant p on p.id = e.participant_id
    where e.status not in ('retired', 'lump_sum_withdrawn', 'deceased') and e.due_date <= ${addDays(today, -31)}
      ${province ? sql`and p.province_code = ${province}` : sql``}`
    .execute(t.db)
    .then((r) => r.rows[0]!.n);

describe('the win-back list', () => {
  it('is read in keyset chunks: every lapsed person once, in enrollment order', async () => {
    const expected = await lapsedInBase();
    expect(expected).toBeGreaterThan(CHUNK);
    const done = await run(admin, { kind: 'lapsed', format: 'csv', params: {} });
    expect(done).toMatchObject({ status: 'done', rowsDone: expected, rowsTotal: expected, progress: 1 });
    const [, ...rows] = await csv(admin, done.id);
    expect(rows).toHaveLength(expected);
    // An administrator sees personal IDs in full: they are unique, so no row came twice.
    expect(new Set(rows.map((r) => r[1])).size).toBe(expected);
    expect(rows.every((r) => /^\d{12}$/.test(r[1]!))).toBe(true);
    // Priced by the law engine: some people's local top-up leaves them nothing to pay.
    expect(rows.every((r) => /^\d+$/.test(r[9]!))).toBe(true);
    expect(rows.some((r) => Number(r[9]) > 0)).toBe(true);
  });

  it('narrowed to a unit, holds that unit’s people only', async () => {
    const hanoi = await provincialUnit(t.db, '01');
    const done = await run(admin, { kind: 'lapsed', format: 'csv', params: { scopeUnitId: hanoi.id } });
    const [, ...rows] = await csv(admin, done.id);
    expect(rows.length).toBe(await lapsedInBase('01'));
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(['Thành phố Hà Nội']));
    const own = await run(hanoiOfficer, { kind: 'lapsed', format: 'csv', params: {} });
    expect(own.rowsDone).toBe(rows.length);
  });
});

describe('progress by unit', () => {
  it('rolls each unit up over its subtree, as the roll-ups count it', async () => {
    const campaign = await services.campaigns.create(admin, {
      name: 'Chiến dịch thử báo cáo',
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      products: ['vsi'],
      organisers: ['BHXH Việt Nam'],
    });
    await bulkLoad(t.db, [{ date: '2026-03-01', vsi: 300, hhi: 0, campaignId: campaign.id }], {
      today,
      book: await services.rules.book(),
      seed: 0.7,
    });
    const done = await run(admin, {
      kind: 'progress',
      format: 'csv',
      params: { campaignId: campaign.id, groupBy: 'unit' },
    });
    const [header, ...rows] = await csv(admin, done.id);
    expect(header?.slice(0, 6)).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Loại đơn vị',
      'Mã tỉnh',
      'Sản phẩm',
      'Đăng ký mới',
    ]);
    const enrolled = (code: string) => Number(rows.find((r) => r[0] === code)?.[5] ?? 0);
    // The networks' central units hold everything their subtrees registered.
    const byNetwork = await sql<{ network: string; n: number }>`
      select o.network, sum(s.enrollments)::int as n from stat_unit s join org_unit o on o.id = s.org_unit_id
      where s.campaign_id = ${campaign.id} group by o.network`.execute(t.db);
    const vss = byNetwork.rows.find((r) => r.network === 'vss')?.n ?? 0;
    const post = byNetwork.rows.find((r) => r.network === 'vnpost')?.n ?? 0;
    expect(vss + post).toBe(300);
    expect(enrolled('BHXH-VN')).toBe(vss);
    if (post > 0) expect(rows.some((r) => r[2] === 'Tổng công ty Bưu điện')).toBe(true);
  });
});

describe('an export’s life', () => {
  it('cancelled as soon as it is asked for, ends cancelled and leaves no file', async () => {
    const created = await services.reports.create(
      admin,
      { kind: 'lapsed', format: 'xlsx', params: {} },
      'vi',
    );
    await services.reports.remove(admin, created.id);
    await services.reports.settled(created.id);
    const ended = await services.reports.get(admin, created.id);
    expect(ended).toMatchObject({ status: 'cancelled', downloadUrl: null });
    await expect(services.reports.file(admin, created.id)).rejects.toMatchObject({
      code: 'report.file_not_ready',
      params: { status: 'đã hủy' },
    });
    const left = fs.readdirSync(services.reports.dir).filter((f) => f.startsWith(`report-${created.id}-`));
    const row = await t.db
      .selectFrom('report_export')
      .select('file_path')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    if (row.file_path) expect(left.filter((f) => f.startsWith(row.file_path!))).toEqual([]);
  });

  it('cut short by a restart is failed with a plain sentence, and its partial file removed', async () => {
    const requester = await buildUser(t.db, { role: 'central_officer' });
    const id = await transact(t.db, { ...SYSTEM_ACTOR, at: clock.now() }, async (tx) => {
      const row = await tx
        .insertInto('report_export')
        .values({
          requested_by: requester.id,
          kind: 'lapsed',
          format: 'csv',
          params: '{}',
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('report_export')
        .set({ status: 'running', file_path: `report-${row.id}-interrupted.csv` })
        .where('id', '=', row.id)
        .execute();
      return Number(row.id);
    });
    fs.mkdirSync(services.reports.dir, { recursive: true });
    const part = path.join(services.reports.dir, `report-${id}-interrupted.csv.part`);
    fs.writeFileSync(part, 'Họ và tên\r\nNguyễn');
    expect(await services.reports.recover()).toBe(1);
    const row = await t.db
      .selectFrom('report_export')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', error_code: 'report.interrupted' });
    expect(row.error).toBe(
      'Máy chủ đã khởi động lại khi đang xuất báo cáo nên bản xuất dừng giữa chừng. Không có tệp dở dang nào được giữ lại; hãy xuất lại.',
    );
    expect(fs.existsSync(part)).toBe(false);
  });
});
