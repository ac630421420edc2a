// Starts the embedded server on a data directory, writes a row, and waits: a stand-in for the app
// that the lifecycle test can kill -9.
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';

const dataDir = process.argv[2]!;
const lockStaleMs = process.env.LOCK_STALE_MS ? Number(process.env.LOCK_STALE_MS) : undefined;
const server = await startEmbeddedPostgres({ dataDir, ephemeral: false, lockStaleMs });
const client = new pg.Client(server.url('postgres'));
await client.connect();
await client.query('create table if not exists survivor (note text)');
await client.query("insert into survivor values ('trước khi bị kill -9')");
await client.end();
console.log(`READY ${server.port}`);
setInterval(() => {}, 1000);
