import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { importUnits } from './units.import.ts';
import { createUnitsRepository } from './units.repository.ts';

const t = setupTestDatabase();

describe('importing the map', () => {
  it("holds today's units and the pre-2025 ones with their lineage", async () => {
    const count = (table: 'province' | 'commune' | 'legacy_lineage') =>
      t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    expect(await count('province')).toBe(34);
    expect(await count('commune')).toBe(3321);
    const legacy = await t.db
      .selectFrom('legacy_unit')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .execute();
    const byLevel = Object.fromEntries(legacy.map((r) => [r.level, Number(r.n)]));
    expect(byLevel.province).toBe(63);
    expect(byLevel.district).toBeGreaterThan(650);
    expect(byLevel.commune).toBeGreaterThan(10_000);
    expect(await count('legacy_lineage')).toBeGreaterThanOrEqual(byLevel.commune!);
  });

  it('is safe to run again: nothing is duplicated', async () => {
    const before = await t.db
      .selectFrom('legacy_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const report = await importUnits(t.db);
    const after = await t.db
      .selectFrom('legacy_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(report.communes).toBe(3321);
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("rolls counts recorded against 2022 units up into today's provinces", async () => {
    const units = createUnitsRepository(t.db);
    // Hà Giang merged into Tuyên Quang; Bình Dương and Bà Rịa – Vũng Tàu into TP. Hồ Chí Minh.
    const hoaBinhDistrict = await t.db
      .selectFrom('legacy_unit')
      .select('code')
      .where('level', '=', 'district')
      .where('province_code', '=', '25')
      .limit(1)
      .executeTakeFirstOrThrow();
    const rolled = await units.rollUpLegacyCounts([
      { level: 'province', code: '02', count: 120 },
      { level: 'province', code: '08', count: 30 },
      { level: 'province', code: '74', count: 500 },
      { level: 'province', code: '77', count: 250 },
      { level: 'province', code: '79', count: 1000 },
      { level: 'district', code: hoaBinhDistrict.code, count: 7 },
    ]);
    expect(rolled).toEqual([
      { provinceCode: '08', provinceName: 'Tuyên Quang', count: 150 },
      { provinceCode: '25', provinceName: 'Phú Thọ', count: 7 },
      { provinceCode: '79', provinceName: 'Thành phố Hồ Chí Minh', count: 1750 },
    ]);
  });

  it('links an old commune to the new commune that absorbed it', async () => {
    const rows = await t.db
      .selectFrom('legacy_lineage as l')
      .innerJoin('legacy_unit as u', 'u.id', 'l.legacy_unit_id')
      .innerJoin('commune as c', 'c.code', 'l.commune_code')
      .select([
        'u.name as old_name',
        'c.name as new_name',
        'u.province_code',
        'c.province_code as new_province',
      ])
      .where('u.level', '=', 'commune')
      .limit(500)
      .execute();
    expect(rows.length).toBe(500);
    // An old commune's roll-up province is always the province of its new commune.
    expect(rows.every((r) => r.province_code === r.new_province)).toBe(true);
  });
});
