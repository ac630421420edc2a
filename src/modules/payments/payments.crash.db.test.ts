import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { buildApp, login } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let agent: Awaited<ReturnType<typeof buildAgent>>;
let participantId: number;

beforeAll(async () => {
  app = await buildApp(t.db);
  agent = await buildAgent(t.db, { province: '46' });
  const session = await login(app, agent.username, agent.password);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: enrollBody({ communeCode: agent.communes[0]!, categories: ['other'] }),
  });
  participantId = created.json().id;
});
afterAll(() => app.close());

function payAndDie(crashAfter: string) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/db/crash-payment.ts',
      t.url,
      agent.username,
      String(participantId),
      '264000',
      crashAfter,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

describe('a payment interrupted by the process dying inside its transaction', () => {
  it.each([
    ['the payment row', 'InsertQueryNode:payment'],
    ['the receipt', 'InsertQueryNode:receipt'],
    ['the enrollment update', 'UpdateQueryNode:vsi_enrollment'],
    ['the cash entry', 'InsertQueryNode:cash_entry'],
  ])('leaves nothing half-written when killed right after %s', async (_name, point) => {
    const run = payAndDie(point);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.stdout).not.toContain('COMPLETED');

    const orphanPayments = await t.db
      .selectFrom('payment as p')
      .leftJoin('receipt as r', 'r.payment_id', 'p.id')
      .select('p.id')
      .where('r.id', 'is', null)
      .execute();
    const orphanCash = await t.db
      .selectFrom('cash_entry as c')
      .leftJoin('payment as p', 'p.id', 'c.payment_id')
      .select('c.id')
      .where('c.kind', '=', 'collection')
      .where('p.id', 'is', null)
      .execute();
    expect(orphanPayments).toEqual([]);
    expect(orphanCash).toEqual([]);
    expect(
      await t.db.selectFrom('payment').select('id').where('participant_id', '=', participantId).execute(),
    ).toEqual([]);
    expect(await t.db.selectFrom('receipt').select('id').execute()).toEqual([]);
    const enrollment = await t.db
      .selectFrom('vsi_enrollment')
      .selectAll()
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();
    expect(enrollment).toMatchObject({
      paid_through: null,
      status: 'awaiting_first_payment',
      months_paid: 0,
    });
  });

  it('completes when nothing kills it, writing payment and receipt together', async () => {
    const run = payAndDie('never');
    expect(run.stdout, run.stderr).toContain('COMPLETED');
    const rows = await t.db
      .selectFrom('payment as p')
      .innerJoin('receipt as r', 'r.payment_id', 'p.id')
      .select(['p.id', 'r.number'])
      .where('p.participant_id', '=', participantId)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
