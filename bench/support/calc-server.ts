// One server process for the HTTP benchmark: `app` is the real app (all plugins and hooks);
// `bare` is a plain Fastify route returning a constant; `bare-quote` is a plain Fastify route that
// runs the same engine on the body and returns its answer, the cost of the quote itself with no app
// around it. Prints its port when listening.
import Fastify from 'fastify';
import { connect } from '../../src/db/database.ts';
import { calculate, createRuleBook } from '../../src/domain/law/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createApp } from '../../src/server/app.ts';

const [kind, url] = process.argv.slice(2);
if (kind === 'bare') {
  const app = Fastify({ logger: false });
  app.post('/', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${(app.server.address() as { port: number }).port}`);
} else if (kind === 'bare-quote') {
  const app = Fastify({ logger: false });
  const book = createRuleBook();
  app.post('/', async (request) => {
    const outcome = calculate('vsi-quote', request.body, { book, lang: 'vi', today: '2026-11-25' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.result;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${(app.server.address() as { port: number }).port}`);
} else {
  const db = connect(url!);
  const app = await createApp({
    db,
    clock: systemClock,
    config: { secureCookies: false, logLevel: 'silent' },
    webRoot: null,
    logger: false,
  });
  await app.services.rules.book();
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${(app.server.address() as { port: number }).port}`);
}
