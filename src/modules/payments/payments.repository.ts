import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CashEntryTable, PaymentTable, StatusChangeTable, VsiEnrollmentTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';

/** Whose payments: a VSI enrollment's, or a household's. */
export type PaymentOwner = { enrollmentId: number } | { householdId: number };

/**
 * The payments' SQL: payments, voids, and what they move on the enrollment, household and cash.
 * Every statement runs in the caller's transaction.
 */
export function createPaymentsRepository(_db: Db) {
  const paymentsOf = (tx: Tx, owner: PaymentOwner) =>
    'enrollmentId' in owner
      ? tx.selectFrom('payment').where('enrollment_id', '=', owner.enrollmentId)
      : tx.selectFrom('payment').where('household_id', '=', owner.householdId);

  return {
    async insertPayment(tx: Tx, values: Insertable<PaymentTable>): Promise<number> {
      const payment = await tx.insertInto('payment').values(values).returning('id').executeTakeFirstOrThrow();
      return Number(payment.id);
    },

    async insertCashEntry(tx: Tx, values: Insertable<CashEntryTable>): Promise<void> {
      await tx.insertInto('cash_entry').values(values).execute();
    },

    /** Locks the enrollment's row until the transaction ends, and reads it. */
    lockEnrollment(tx: Tx, id: number) {
      return tx
        .selectFrom('vsi_enrollment')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
    },

    async updateEnrollment(tx: Tx, id: number, values: Updateable<VsiEnrollmentTable>): Promise<void> {
      await tx.updateTable('vsi_enrollment').set(values).where('id', '=', id).execute();
    },

    /** Records a change of status, unless the same one is already recorded. */
    async insertStatusChange(tx: Tx, values: Insertable<StatusChangeTable>): Promise<void> {
      await tx
        .insertInto('status_change')
        .values(values)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** Locks the payment's row until the transaction ends, and reads it. */
    lockPayment(tx: Tx, id: number) {
      return tx.selectFrom('payment').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    },

    /** The owner's latest payment not voided, with its receipt number. */
    latestPayment(tx: Tx, owner: PaymentOwner) {
      return paymentsOf(tx, owner)
        .innerJoin('receipt', 'receipt.payment_id', 'payment.id')
        .select(['payment.id', 'receipt.number'])
        .where('payment.voided_at', 'is', null)
        .orderBy('payment.id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
    },

    async voidPayment(
      tx: Tx,
      id: number,
      voided: { at: Date; reason: string; by: number | null },
    ): Promise<void> {
      await tx
        .updateTable('payment')
        .set({ voided_at: voided.at, void_reason: voided.reason, voided_by: voided.by })
        .where('id', '=', id)
        .execute();
    },

    async voidReceipt(tx: Tx, number: string, voided: { at: Date; reason: string }): Promise<void> {
      await tx
        .updateTable('receipt')
        .set({ voided_at: voided.at, void_reason: voided.reason })
        .where('number', '=', number)
        .execute();
    },

    /** The last month the owner's payments not voided cover ('YYYY-MM-01'), or null. */
    async lastCovered(tx: Tx, owner: PaymentOwner): Promise<string | null> {
      const remaining = await tx
        .selectFrom('payment')
        .select((eb) => eb.fn.max('covered_to').as('to'))
        .$call((q) =>
          'enrollmentId' in owner
            ? q.where('enrollment_id', '=', owner.enrollmentId)
            : q.where('household_id', '=', owner.householdId),
        )
        .where('voided_at', 'is', null)
        .executeTakeFirstOrThrow();
      return (remaining.to as string | null) ?? null;
    },

    async setHouseholdPaidThrough(
      tx: Tx,
      householdId: number,
      paid: { paidThrough: string | null; dueDate: string | null; at: Date },
    ): Promise<void> {
      await tx
        .updateTable('household')
        .set({ paid_through: paid.paidThrough, due_date: paid.dueDate, updated_at: paid.at })
        .where('id', '=', householdId)
        .execute();
    },
  };
}

export type PaymentsRepository = ReturnType<typeof createPaymentsRepository>;
