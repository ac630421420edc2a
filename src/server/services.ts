import path from 'node:path';
import type { Db } from '../db/database.ts';
import { createAccessService } from '../modules/access/access.service.ts';
import { createAuditRepository } from '../modules/audit/audit.repository.ts';
import { createCampaignsService } from '../modules/campaigns/campaigns.service.ts';
import { createCashService } from '../modules/cash/cash.service.ts';
import { createDashboardsService } from '../modules/dashboards/dashboards.service.ts';
import { createDenominatorsService } from '../modules/denominators/denominators.service.ts';
import { createHouseholdsService } from '../modules/households/households.service.ts';
import { createLeadJobs } from '../modules/leads/leads.jobs.ts';
import { createLeadsService } from '../modules/leads/leads.service.ts';
import { createOrgsService } from '../modules/orgs/orgs.service.ts';
import { createResponsibleAgents } from '../modules/participants/participants.agent.ts';
import { createParticipantsService } from '../modules/participants/participants.service.ts';
import { createPaymentsService } from '../modules/payments/payments.service.ts';
import { createReceiptsService } from '../modules/receipts/receipts.service.ts';
import { createRenewalJobs } from '../modules/renewals/renewals.jobs.ts';
import { createReminderOutbox } from '../modules/renewals/renewals.reminders.ts';
import { createRenewalsService } from '../modules/renewals/renewals.service.ts';
import { outboxTransport, type ReminderTransport } from '../modules/renewals/renewals.transport.ts';
import { createReportsService } from '../modules/reports/reports.service.ts';
import { createRulesService } from '../modules/rules/rules.service.ts';
import { createSettingsRepository } from '../modules/system/system.repository.ts';
import { createLegacyTargets } from '../modules/targets/targets.legacy.ts';
import { createTargetsService } from '../modules/targets/targets.service.ts';
import { createTokensService } from '../modules/tokens/tokens.service.ts';
import { createUnitsRepository } from '../modules/units/units.repository.ts';
import { createUsersService } from '../modules/users/users.service.ts';
import type { Clock } from '../platform/clock.ts';

export interface ServiceOptions {
  db: Db;
  clock: Clock;
  /** DATA_DIR: where the law is exported for the offline CLI and reminders are logged. */
  dataDir?: string | null;
  /** The address people reach the app at, for links in reminders. */
  publicUrl?: string;
  /** Where reminders go; the default keeps them in the outbox and a log file. */
  transport?: ReminderTransport;
}

/** Every use case, wired once from the database and the clock. The server and the CLI share it. */
export function createServices({
  db,
  clock,
  dataDir = null,
  publicUrl = 'http://localhost:3000',
  transport,
}: ServiceOptions) {
  const access = createAccessService({ db, clock });
  const orgs = createOrgsService({ db, clock, onChange: () => access.forgetScopes() });
  const users = createUsersService({ db, clock, orgs: orgs.repo });
  const rules = createRulesService({ db, clock, exportDir: dataDir });
  const participants = createParticipantsService({ db, clock, rules, orgs: orgs.repo });
  const payments = createPaymentsService({ db, clock, rules, participants });
  const settings = createSettingsRepository(db);
  const campaigns = createCampaignsService({ db, clock, orgs: orgs.repo });
  const dashboards = createDashboardsService({ db, clock, campaigns });
  const leadJobs = createLeadJobs({ db, clock });
  const households = createHouseholdsService({ db, clock, rules, participants, payments });
  const reminders = createReminderOutbox({
    db,
    clock,
    rules,
    transport: transport ?? outboxTransport(dataDir ? path.join(dataDir, 'reminders.log') : null, clock),
    publicUrl,
    households,
  });
  return {
    db,
    clock,
    access,
    orgs,
    users,
    rules,
    participants,
    responsibleAgents: createResponsibleAgents({ db, clock }),
    payments,
    receipts: createReceiptsService({ db, clock, rules, settings, households }),
    households,
    renewals: createRenewalsService({ db, clock, rules }),
    reminders,
    jobs: createRenewalJobs({ db, clock, rules, outbox: reminders, retention: leadJobs }),
    cash: createCashService({ db, clock }),
    campaigns,
    leads: createLeadsService({ db, clock, rules, orgs: orgs.repo, participants, campaigns }),
    leadJobs,
    targets: createTargetsService({ db, clock }),
    legacyTargets: createLegacyTargets({ db, clock }),
    dashboards,
    reports: createReportsService({ db, clock, dataDir, access, orgs, rules, campaigns, dashboards }),
    tokens: createTokensService({ db, clock, users }),
    units: createUnitsRepository(db),
    audit: createAuditRepository(db),
    denominators: createDenominatorsService({ db, clock }),
    settings,
  };
}

export type Services = ReturnType<typeof createServices>;
