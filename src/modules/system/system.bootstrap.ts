import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Services } from '../../server/services.ts';
import { SYSTEM_ACTOR } from '../access/access.actor.ts';
import { generatePassword } from '../access/access.passwords.ts';
import { seedBaseOrgs, VSS_CENTRAL_CODE } from '../orgs/orgs.seed.ts';
import { importUnits, type Progress } from '../units/units.import.ts';
import { createBootstrapRepository } from './system.repository.ts';

/**
 * What every installation needs before anyone signs in: the map, the central and provincial
 * organisations, and one administrator. Each step is skipped when already done.
 */
export async function bootstrap(
  { db, clock, services }: { db: Db; clock: Clock; services: Services },
  progress: Progress = () => {},
): Promise<{ unitsImported: boolean; admin: { username: string; password: string } | null }> {
  const counts = await services.units.counts();
  let unitsImported = false;
  if (counts.communes === 0) {
    await importUnits(db, progress);
    unitsImported = true;
  }
  await seedBaseOrgs(db, clock);
  await services.rules.ensureSeeded();

  const repo = createBootstrapRepository(db);
  if (await repo.hasActiveAdmin()) return { unitsImported, admin: null };

  // Never a fixed default: a fresh random password, shown once.
  const centralId = await repo.orgIdByCode(VSS_CENTRAL_CODE);
  const password = generatePassword(16);
  // 'admin' may exist but be disabled; then the new administrator gets a fresh name.
  const taken = await repo.usernameExists('admin');
  const username = taken ? `admin-${generatePassword(4).toLowerCase()}` : 'admin';
  await services.users.create(SYSTEM_ACTOR, {
    username,
    fullName: 'Quản trị hệ thống',
    role: 'system_admin',
    orgUnitId: centralId,
    password,
  });
  return { unitsImported, admin: { username, password } };
}
