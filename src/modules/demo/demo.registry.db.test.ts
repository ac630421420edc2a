import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { createRuleBook } from '../../domain/law/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createServices } from '../../server/services.ts';
import { seedDemoRegistry } from './demo.registry.ts';
import { seedDemo } from './demo.seed.ts';

const t = setupTestDatabase();
const clock = fixedClock('2026-11-25T09:00:00+07:00');
const count = async (table: 'participant' | 'app_user' | 'org_unit') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the demo on a first start', () => {
  it('keeps nothing when the logins could not be kept: the next start makes it again', {
    timeout: 120_000,
  }, async () => {
    const [users, units] = [await count('app_user'), await count('org_unit')];
    await expect(
      seedDemo({
        db: t.db,
        clock,
        onCreated: () => {
          throw new Error('disque plein');
        },
      }),
    ).rejects.toThrow('disque plein');
    expect([await count('app_user'), await count('org_unit')]).toEqual([users, units]);

    let kept: string | null = null;
    const demo = await seedDemo({ db: t.db, clock, onCreated: (d) => (kept = d.password) });
    expect(demo?.password).toBe(kept);
    expect(await count('app_user')).toBeGreaterThan(users);
    // Loaded: a later start leaves it alone.
    expect(await seedDemo({ db: t.db, clock })).toBeNull();
  });

  it('loads the demo people once, even when asked again', { timeout: 120_000 }, async () => {
    await seedDemo({ db: t.db, clock });
    const services = createServices({ db: t.db, clock, dataDir: null });
    const deps = { db: t.db, clock, book: createRuleBook(), jobs: services.jobs };
    const first = await seedDemoRegistry(deps);
    expect(first?.participants).toBeGreaterThan(0);
    const people = await count('participant');
    expect(await seedDemoRegistry(deps)).toBeNull();
    expect(await count('participant')).toBe(people);
  });
});
