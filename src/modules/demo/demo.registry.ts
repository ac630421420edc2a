import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { addMonths, monthOfDate, type RuleBook } from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { RenewalJobs } from '../renewals/renewals.jobs.ts';
import { createSettingsRepository, type DemoSetting } from '../system/system.repository.ts';
import { type BulkBatch, bulkLoad } from './demo.bulk.ts';

/**
 * Demo people in Hà Nội with two years of history, so the worklists, receipts and cash ledgers
 * have something to show on first sight; the demo agent's own communes get their share. Loaded
 * once: the load and its mark commit together, so a start interrupted here loads them next time.
 */
export async function seedDemoRegistry({
  db,
  clock,
  book,
  jobs,
}: {
  db: Db;
  clock: Clock;
  book: RuleBook;
  jobs: RenewalJobs;
}) {
  const settings = createSettingsRepository(db);
  if ((await settings.get<DemoSetting>('demo.registry'))?.loaded) return null;
  // Installations from before this mark existed have the people already.
  const earlier = await db
    .selectFrom('participant')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .execute();
  const today = vietnamDate(clock);
  const mark = async (tx: Tx | Db) => {
    await settings.set(tx, 'demo.registry', {
      loaded: true,
      at: clock.now().toISOString(),
    } satisfies DemoSetting);
  };
  if (earlier.length > 0) {
    await mark(db);
    return null;
  }
  const hanoi = (
    await db.selectFrom('commune').select('code').where('province_code', '=', '01').execute()
  ).map((c) => c.code);
  const agentArea = (
    await db
      .selectFrom('app_user as u')
      .innerJoin('org_unit_commune as oc', 'oc.org_unit_id', 'u.org_unit_id')
      .select('oc.commune_code')
      .where('u.username', '=', 'demo.daily')
      .execute()
  ).map((r) => r.commune_code);
  const batches: BulkBatch[] = [];
  for (let i = 24; i >= 1; i--) {
    const month = addMonths(monthOfDate(today), -i);
    batches.push({
      date: `${month}-${String(3 + (i % 20)).padStart(2, '0')}`,
      vsi: 25,
      hhi: 24,
      communes: hanoi,
    });
    if (agentArea.length > 0) batches.push({ date: `${month}-12`, vsi: 3, hhi: 3, communes: agentArea });
  }
  const report = await bulkLoad(db, batches, { today, book, seed: 0.2022, retention: 0.75, finish: mark });
  await jobs.moveStatuses(today, undefined, 'all');
  return report;
}
