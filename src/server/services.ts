import type { Db } from '../db/database.ts';
import { createAccessService } from '../modules/access/access.service.ts';
import { createAuditRepository } from '../modules/audit/audit.repository.ts';
import { createDenominatorsService } from '../modules/denominators/denominators.service.ts';
import { createOrgsService } from '../modules/orgs/orgs.service.ts';
import { createRulesService } from '../modules/rules/rules.service.ts';
import { createSettingsRepository } from '../modules/system/system.repository.ts';
import { createTokensService } from '../modules/tokens/tokens.service.ts';
import { createUnitsRepository } from '../modules/units/units.repository.ts';
import { createUsersService } from '../modules/users/users.service.ts';
import type { Clock } from '../platform/clock.ts';

/** Every use case, wired once from the database and the clock. The server and the CLI share it. */
export function createServices({
  db,
  clock,
  dataDir = null,
}: {
  db: Db;
  clock: Clock;
  dataDir?: string | null;
}) {
  const access = createAccessService({ db, clock });
  const orgs = createOrgsService({ db, clock, onChange: () => access.forgetScopes() });
  const users = createUsersService({ db, clock, orgs: orgs.repo });
  return {
    db,
    clock,
    access,
    orgs,
    users,
    tokens: createTokensService({ db, clock, users }),
    units: createUnitsRepository(db),
    audit: createAuditRepository(db),
    denominators: createDenominatorsService({ db, clock }),
    settings: createSettingsRepository(db),
    rules: createRulesService({ db, clock, exportDir: dataDir }),
  };
}

export type Services = ReturnType<typeof createServices>;
