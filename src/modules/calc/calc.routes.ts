import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { calculate } from '../../domain/law/index.ts';
import { vietnamDate } from '../../platform/clock.ts';
import { pickLang } from '../../server/error-handler.ts';
import { DomainError } from '../../server/errors.ts';
import type { Services } from '../../server/services.ts';
import { CALC_SCHEMAS } from './calc.schemas.ts';

// The engine validates inputs itself, exactly as the CLI does; the body schema only documents them.
const documentOnly = () => () => true;
// The engine's output is the contract already. Plain JSON.stringify beats fast-json-stringify here:
// a step's value is a number or a string, and each such union costs it a schema check per step.
const plainJson = () => (data: unknown) => JSON.stringify(data);

/** POST /api/v1/calc/<kind>: the calculation contract over HTTP, public, same JSON as the CLI. */
export const calcRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const run = async (kind: string, body: unknown, lang: 'vi' | 'en') => {
    const book = await services.rules.book();
    const outcome = calculate(kind, body, { book, lang, today: vietnamDate(services.clock) });
    if (!outcome.ok) {
      const { code, message, field, details } = outcome.error;
      const error = new DomainError(code, message, field);
      if (details && details.length > 1) {
        throw Object.assign(error, {
          fields: details.map((d) => ({ field: d.field ?? '', message: d.message })),
        });
      }
      throw error;
    }
    return outcome.result;
  };

  for (const [kind, schema] of Object.entries(CALC_SCHEMAS)) {
    app.post(
      `/calc/${kind}`,
      {
        config: { public: true },
        validatorCompiler: documentOnly,
        serializerCompiler: plainJson,
        schema: {
          tags: ['calc'],
          summary: schema.summary,
          description:
            'Hợp đồng tính toán (CALC_CONTRACT.md). Lỗi nhập liệu: 400 với {"error":{"code","message","field"}}.',
          body: schema.body,
          response: { 200: schema.response },
        },
      },
      (request) => run(kind, request.body, pickLang(request)),
    );
  }

  // Any other kind: the engine answers with calc.unknown_kind and the list of kinds.
  app.post(
    '/calc/:kind',
    { config: { public: true }, validatorCompiler: documentOnly, schema: { hide: true } },
    (request) => run((request.params as { kind: string }).kind, request.body, pickLang(request)),
  );
};
