import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createServices, type Services } from '../../server/services.ts';

const t = setupTestDatabase();
let services: Services;
let paymentId: number;
let receiptNumber: string;

beforeAll(async () => {
  services = createServices({ db: t.db, clock: fixedClock('2026-03-02T08:00:00+07:00') });
  const agent = await buildAgent(t.db, { province: '33' });
  const actor = (await services.access.actorForUsername(agent.username))!;
  const body = enrollBody({ communeCode: agent.communes[0]!, categories: ['other'] });
  const { participant } = await services.participants.enroll(actor, body as never);
  const paid = await services.payments.pay(actor, Number(participant.id), {
    mode: 'monthly',
    method: 'cash',
    amount: 264_000,
  });
  paymentId = paid.paymentId;
  receiptNumber = paid.receiptNumber;
});

const count = async () => {
  const { rows } = await sql<{ payments: number; receipts: number }>`
    select (select count(*) from payment)::int as payments, (select count(*) from receipt)::int as receipts`.execute(
    t.db,
  );
  return rows[0];
};

describe('payments and receipts in the database', () => {
  it('refuse a DELETE, saying to void the receipt instead', async () => {
    await expect(t.db.deleteFrom('receipt').where('number', '=', receiptNumber).execute()).rejects.toThrow(
      /^Biên lai và khoản thu không bao giờ bị xóa; hãy hủy biên lai \(receipt \d+\)$/,
    );
    await expect(t.db.deleteFrom('payment').where('id', '=', paymentId).execute()).rejects.toThrow(
      `Biên lai và khoản thu không bao giờ bị xóa; hãy hủy biên lai (payment ${paymentId})`,
    );
    expect(await count()).toEqual({ payments: 1, receipts: 1 });
  });

  it('can still be emptied by TRUNCATE, as a whole test or benchmark database is', async () => {
    await sql`truncate receipt, payment cascade`.execute(t.db);
    expect(await count()).toEqual({ payments: 0, receipts: 0 });
  });
});
