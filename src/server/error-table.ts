import { accessErrors } from '../modules/access/access.errors.ts';
import { campaignsErrors } from '../modules/campaigns/campaigns.errors.ts';
import { cashErrors } from '../modules/cash/cash.errors.ts';
import { dashboardsErrors } from '../modules/dashboards/dashboards.errors.ts';
import { denominatorsErrors } from '../modules/denominators/denominators.errors.ts';
import { householdsErrors } from '../modules/households/households.errors.ts';
import { leadsErrors } from '../modules/leads/leads.errors.ts';
import { orgsErrors } from '../modules/orgs/orgs.errors.ts';
import { participantsErrors } from '../modules/participants/participants.errors.ts';
import { paymentsErrors } from '../modules/payments/payments.errors.ts';
import { renewalsErrors } from '../modules/renewals/renewals.errors.ts';
import { reportsErrors } from '../modules/reports/reports.errors.ts';
import { rulesErrors } from '../modules/rules/rules.errors.ts';
import { targetsErrors } from '../modules/targets/targets.errors.ts';
import { tokensErrors } from '../modules/tokens/tokens.errors.ts';
import { unitsErrors } from '../modules/units/units.errors.ts';
import { usersErrors } from '../modules/users/users.errors.ts';
import { commonErrors, type ErrorTable } from './errors.ts';

/** The one table: every error code the API can answer with, its status and its messages. */
export const ERROR_TABLE: ErrorTable = {
  ...commonErrors,
  ...accessErrors,
  ...unitsErrors,
  ...orgsErrors,
  ...usersErrors,
  ...tokensErrors,
  ...denominatorsErrors,
  ...rulesErrors,
  ...participantsErrors,
  ...paymentsErrors,
  ...householdsErrors,
  ...renewalsErrors,
  ...cashErrors,
  ...campaignsErrors,
  ...leadsErrors,
  ...targetsErrors,
  ...dashboardsErrors,
  ...reportsErrors,
};
