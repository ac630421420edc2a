// One server process for the HTTP benchmark: `app` is the real app (all plugins and hooks);
// `bare` is a plain Fastify route returning a constant. Prints its port when listening.
import Fastify from 'fastify';
import { connect } from '../../src/db/database.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createApp } from '../../src/server/app.ts';

const [kind, url] = process.argv.slice(2);
if (kind === 'bare') {
  const app = Fastify({ logger: false });
  app.post('/', async () => ({ ok: true }));
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
