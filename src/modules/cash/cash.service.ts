import type { Db } from '../../db/database.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import { addDays, addMonths, formatVnd } from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createCashRepository } from './cash.repository.ts';

/** Cash collected must reach the post office by the next working day. */
export const REMITTANCE_DAYS = 1;

/**
 * The agent's cash: what they collected (from receipts), what was voided, what they handed in.
 * The balance is what they hold; collections older than the remittance delay, beyond what was
 * handed in, are overdue (first in, first out).
 */
export function createCashService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createCashRepository(db);

  /** The agent, if the caller may see them: themselves, or someone in their region. */
  async function agentInScope(actor: Actor, agentUserId: number) {
    const agent = await repo.agentInScope(actor, agentUserId);
    if (!agent || (actor.role === 'collection_agent' && agent.id !== actor.userId)) {
      throw new AppError('user.not_found', { id: agentUserId });
    }
    return agent;
  }

  async function balanceOf(agentUserId: number, executor: Db | Tx = db) {
    const today = vietnamDate(clock);
    const row = await repo.totals(agentUserId, addDays(today, -REMITTANCE_DAYS), executor);
    const balance = Number(row.balance);
    const overdue = Math.max(0, Number(row.due_before) - Number(row.remitted));
    return { balance, collected: Number(row.collected), remitted: Number(row.remitted), overdue };
  }

  return {
    balanceOf,

    async ledger(actor: Actor, agentUserId: number, page: { limit: number; offset: number }) {
      const agent = await agentInScope(actor, agentUserId);
      const [items, total, balance] = await Promise.all([
        repo.entries(agentUserId, page),
        repo.countEntries(agentUserId),
        balanceOf(agentUserId),
      ]);
      return { agent, items, total, ...balance };
    },

    /** Every agent of the caller's region with cash in hand, most overdue first. */
    async holders(actor: Actor, page: { limit: number; offset: number }) {
      const today = vietnamDate(clock);
      const cutoff = addDays(today, -REMITTANCE_DAYS);
      const [items, total] = await Promise.all([repo.holders(actor, cutoff, page), repo.countHolders(actor)]);
      return { items, total };
    },

    /** The post-office manager records cash an agent handed in; never more than they hold. */
    async remit(
      actor: Actor,
      input: { agentUserId: number; amount: number; reference?: string; note?: string },
    ) {
      const agent = await agentInScope(actor, input.agentUserId);
      const at = clock.now();
      await transact(db, auditContext(actor, clock), async (tx) => {
        // One remittance per agent at a time: the balance is read under the agent's row lock, so
        // two managers handing in the same cash cannot both pass the check.
        await repo.lockAgent(tx, agent.id);
        const { balance } = await balanceOf(agent.id, tx);
        if (input.amount > balance) {
          throw new AppError(
            'cash.more_than_held',
            { amount: formatVnd(input.amount), balance: formatVnd(balance) },
            'amount',
          );
        }
        await repo.insertEntry(tx, {
          agentUserId: agent.id,
          orgUnitId: agent.org_unit_id,
          kind: 'remittance',
          amount: -input.amount,
          reference: input.reference?.trim() || null,
          note: input.note?.trim() || null,
          recordedBy: actor.userId,
          at,
          onDate: vietnamDate(clock),
        });
      });
      return balanceOf(agent.id);
    },

    /**
     * A month's commission statement: for each agent (or organisation) and product, what was
     * collected on receipts not voided, and the commission at the rate in force on each payment day.
     */
    async commissions(actor: Actor, input: { month: string; groupBy: 'agent' | 'org' }) {
      const from = `${input.month}-01`;
      const to = `${addMonths(input.month, 1)}-01`;
      const rows = await repo.commissions(actor, { from, to, groupBy: input.groupBy });
      return rows.map((r) => ({
        id: Number(r.id),
        name: r.name ?? '—',
        orgUnitName: r.org_unit_name,
        product: r.product,
        receipts: r.receipts,
        collected: Number(r.collected),
        commission: Number(r.commission),
        demoRate: r.demo_rate === true,
      }));
    },

    /** Commission rates per product, dated like the law, newest first. */
    async rates() {
      const rows = await repo.rates();
      return rows.map((r) => ({
        id: r.id,
        product: r.product,
        rate: Number(r.rate),
        validFrom: r.valid_from,
        validTo: r.valid_to,
        basis: r.basis,
        demo: r.is_demo,
      }));
    },

    /**
     * A new rate from a date on: the rate in force until then is closed the day before. Only from
     * tomorrow on, so a month already paid out is never re-rated; one rate per product per day.
     */
    async setRate(
      actor: Actor,
      input: { product: 'vsi' | 'hhi'; rate: number; validFrom: string; basis: string },
    ) {
      const today = vietnamDate(clock);
      if (input.validFrom <= today) {
        throw new AppError('commission.in_past', { from: input.validFrom, today }, 'validFrom');
      }
      if (!(input.rate >= 0 && input.rate < 1)) throw new AppError('commission.invalid_rate', {}, 'rate');
      await transact(db, auditContext(actor, clock), async (tx) => {
        // One change at a time per table: two admins cannot open overlapping periods.
        await repo.lockRates(tx);
        const later = await repo.rateFrom(tx, input.product, input.validFrom);
        if (later) {
          throw new AppError(
            'commission.overlap',
            { from: input.validFrom, existing: later.valid_from },
            'validFrom',
          );
        }
        await repo.closeRatesBefore(tx, input.product, input.validFrom, addDays(input.validFrom, -1));
        await repo.insertRate(tx, {
          product: input.product,
          rate: input.rate,
          validFrom: input.validFrom,
          basis: input.basis.trim(),
        });
      });
    },
  };
}

export type CashService = ReturnType<typeof createCashService>;
