import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { calcErrorBody, calculateJson, type RuleBook } from '../../domain/law/index.ts';
import { vietnamDate } from '../../platform/clock.ts';
import { pickLang } from '../../server/error-handler.ts';
import type { Services } from '../../server/services.ts';
import { calcAnswerBytes } from './calc.json.ts';
import { CALC_SCHEMAS } from './calc.schemas.ts';

// The engine validates inputs itself, exactly as the CLI does; the body schema only documents them.
const documentOnly = () => () => true;
// The engine's output is the contract already, so no schema filters it: fast-json-stringify would
// check every step's number-or-string value against the union. The answer goes out as UTF-8 bytes
// built from the memoised encodings of its (mostly fixed) Vietnamese labels.
// Fastify sends a Buffer as it is; its types only name strings.
const utf8Json = () => calcAnswerBytes as unknown as (data: unknown) => string;

/** POST /api/v1/calc/<kind>: the calculation contract over HTTP, public, same JSON as the CLI. */
export const calcRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  // The body arrives as text and the engine parses it, exactly as the CLI does with --input: the
  // same JSON in gives the same JSON out, bad JSON included (calc.invalid_json).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  const answer = (book: RuleBook, kind: string, request: FastifyRequest, reply: FastifyReply) => {
    const outcome = calculateJson(kind, request.body as string, {
      book,
      lang: pickLang(request),
      today: vietnamDate(services.clock),
    });
    if (outcome.ok) return reply.send(outcome.result);
    // Not through the error table: the engine's error object is the contract, word for word.
    return reply.status(400).serializer(JSON.stringify).send(calcErrorBody(outcome.error));
  };
  // The rule book is nearly always in memory: then the answer is computed and sent at once, with no
  // promise in between (a tenth of the route's time under load).
  const run = (kind: string, request: FastifyRequest, reply: FastifyReply) => {
    const book = services.rules.fresh();
    if (book) return answer(book, kind, request, reply);
    return services.rules.book().then((loaded) => answer(loaded, kind, request, reply));
  };

  for (const [kind, schema] of Object.entries(CALC_SCHEMAS)) {
    app.post(
      `/calc/${kind}`,
      {
        config: { public: true, readOnly: true },
        // An answer is ~1.4 KB: gzip would cost more than the bytes it saves.
        compress: false,
        validatorCompiler: documentOnly,
        serializerCompiler: utf8Json,
        schema: {
          tags: ['calc'],
          summary: schema.summary,
          description:
            'Hợp đồng tính toán (CALC_CONTRACT.md). Lỗi nhập liệu: 400 với {"error":{"code","message","field"}}.',
          body: schema.body,
          response: { 200: schema.response },
        },
      },
      (request, reply) => run(kind, request, reply),
    );
  }

  // Any other kind: the engine answers with calc.unknown_kind and the list of kinds.
  app.post(
    '/calc/:kind',
    { config: { public: true, readOnly: true }, validatorCompiler: documentOnly, schema: { hide: true } },
    (request, reply) => run((request.params as { kind: string }).kind, request, reply),
  );
};
