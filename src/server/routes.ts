import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accessRoutes } from '../modules/access/access.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { calcRoutes } from '../modules/calc/calc.routes.ts';
import { cashRoutes } from '../modules/cash/cash.routes.ts';
import { denominatorsRoutes } from '../modules/denominators/denominators.routes.ts';
import { householdsRoutes } from '../modules/households/households.routes.ts';
import { orgsRoutes } from '../modules/orgs/orgs.routes.ts';
import { participantsRoutes } from '../modules/participants/participants.routes.ts';
import { paymentsRoutes } from '../modules/payments/payments.routes.ts';
import { receiptsRoutes } from '../modules/receipts/receipts.routes.ts';
import { renewalsRoutes } from '../modules/renewals/renewals.routes.ts';
import { rulesRoutes } from '../modules/rules/rules.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { tokensRoutes } from '../modules/tokens/tokens.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import type { Services } from './services.ts';

/** Every module's routes, under /api/v1. */
export const registerRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  loginRateLimit: number;
  secureCookies: boolean;
  version: string;
}> = async (app, { services, loginRateLimit, secureCookies, version }) => {
  await app.register(accessRoutes, { services, loginRateLimit, secure: secureCookies });
  await app.register(systemRoutes, { services, version });
  await app.register(unitsRoutes, { services });
  await app.register(orgsRoutes, { services });
  await app.register(usersRoutes, { services });
  await app.register(tokensRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(denominatorsRoutes, { services });
  await app.register(calcRoutes, { services });
  await app.register(rulesRoutes, { services });
  await app.register(participantsRoutes, { services });
  await app.register(paymentsRoutes, { services });
  await app.register(householdsRoutes, { services });
  await app.register(receiptsRoutes, { services });
  await app.register(renewalsRoutes, { services });
  await app.register(cashRoutes, { services });
};
