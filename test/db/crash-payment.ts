// Takes a payment and dies with SIGKILL in the middle of its transaction, right after the
// statement named on the command line: the stand-in for a server killed mid-payment.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { connect } from '../../src/db/database.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createServices } from '../../src/server/services.ts';

const [url, username, participantId, amount, crashAfter] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];

/** Kills the process after the first statement that touches the named table. */
class CrashAfter implements KyselyPlugin {
  private readonly pending = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as {
      kind: string;
      into?: { table: { identifier: { name: string } } };
      table?: { table: { identifier: { name: string } } };
    };
    const table = node.into?.table.identifier.name ?? node.table?.table.identifier.name;
    if (`${node.kind}:${table}` === crashAfter) this.pending.add(args.queryId);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.pending.has(args.queryId)) process.kill(process.pid, 'SIGKILL');
    return args.result;
  }
}

const db = connect(url, { max: 2 }).withPlugin(new CrashAfter());
const services = createServices({ db, clock: fixedClock('2026-03-02T08:00:00+07:00') });
const actor = await services.access.actorForUsername(username);
if (!actor) throw new Error(`no user ${username}`);
await services.payments.pay(actor, Number(participantId), {
  mode: 'monthly',
  method: 'cash',
  amount: Number(amount),
});
console.log('COMPLETED');
process.exit(0);
