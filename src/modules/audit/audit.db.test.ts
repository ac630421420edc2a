import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { provincialUnit } from '../../../test/factories.ts';
import { transact } from '../../db/transaction.ts';
import { createAuditRepository } from './audit.repository.ts';

const t = setupTestDatabase();
const actor = {
  userId: 42,
  username: 'kiem.tra',
  orgUnitId: 7,
  ip: '10.0.0.9',
  requestId: 'req-1',
  at: new Date('2026-05-08T01:00:00Z'),
};

describe('the audit log', () => {
  it('records who, when, from where and the changed fields, in the same transaction', async () => {
    const unit = await provincialUnit(t.db, '33');
    await transact(t.db, actor, (tx) =>
      tx
        .updateTable('org_unit')
        .set({ phone: '02213863333', address: '1 Hải Thượng Lãn Ông' })
        .where('id', '=', unit.id)
        .execute(),
    );
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_user_id: 42,
      actor_username: 'kiem.tra',
      actor_org_unit_id: 7,
      ip: '10.0.0.9',
      request_id: 'req-1',
      action: 'update',
      entity: 'org_unit',
      entity_id: String(unit.id),
      org_unit_id: unit.id,
    });
    expect(row.at.toISOString()).toBe('2026-05-08T01:00:00.000Z');
    expect(row.changes).toEqual({
      phone: { before: null, after: '02213863333' },
      address: { before: null, after: '1 Hải Thượng Lãn Ông' },
    });
  });

  it('writes nothing when the change is rolled back', async () => {
    const before = await createAuditRepository(t.db).list({ limit: 1, offset: 0 });
    await expect(
      transact(t.db, actor, async (tx) => {
        await tx.updateTable('org_unit').set({ phone: '0000' }).where('code', '=', 'BHXH-01').execute();
        throw new Error('thất bại giữa chừng');
      }),
    ).rejects.toThrow('thất bại giữa chừng');
    const after = await createAuditRepository(t.db).list({ limit: 1, offset: 0 });
    expect(after.total).toBe(before.total);
  });

  it('hides secrets but records that they changed', async () => {
    const unit = await provincialUnit(t.db, '01');
    await transact(t.db, actor, (tx) =>
      tx
        .insertInto('app_user')
        .values({
          username: 'bi.mat',
          full_name: 'Bí Mật',
          name_search: 'bi mat',
          role: 'viewer',
          org_unit_id: unit.id,
          password_hash: '$argon2id$secret',
        })
        .execute(),
    );
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'app_user')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.changes.password_hash).toEqual({ before: null, after: '(ẩn)' });
    expect(JSON.stringify(row.changes)).not.toContain('$argon2id$secret');
  });

  it('refuses updates and deletes of its rows', async () => {
    await expect(sql`update audit_log set actor_username = 'ai đó'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('detects a tampered row through the hash chain', async () => {
    const audit = createAuditRepository(t.db);
    expect((await audit.verify()).ok).toBe(true);
    const victim = await t.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id')
      .offset(3)
      .limit(1)
      .executeTakeFirstOrThrow();
    // Someone with database access bypasses the guard trigger and edits history.
    await t.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await sql`update audit_log set changes = '{"phone":{"before":null,"after":"giả mạo"}}' where id = ${victim.id}`.execute(
        tx,
      );
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenId).toBe(victim.id);
  });
});
