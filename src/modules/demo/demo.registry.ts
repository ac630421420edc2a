import type { Db } from '../../db/database.ts';
import { addMonths, monthOfDate, type RuleBook } from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { RenewalJobs } from '../renewals/renewals.jobs.ts';
import { type BulkBatch, bulkLoad } from './demo.bulk.ts';

/**
 * Demo people in Hà Nội with two years of history, so the worklists, receipts and cash ledgers
 * have something to show on first sight; the demo agent's own communes get their share.
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
  const today = vietnamDate(clock);
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
  const report = await bulkLoad(db, batches, { today, book, seed: 0.2022, retention: 0.75 });
  await jobs.moveStatuses(today, undefined, 'all');
  return report;
}
