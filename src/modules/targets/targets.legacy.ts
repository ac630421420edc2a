import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createLegacyTargetsRepository, type Level } from './targets.legacy.repository.ts';
import { createTargetsRepository, type Product } from './targets.repository.ts';
import { rebalanceBelow, vnNumber } from './targets.service.ts';

/**
 * Targets set on the units in force before 1 July 2025 (63 provinces and their districts), as a 2022
 * plan was written. They hang under the national target, outside the tree of today's units, and
 * report on today's map through the merger lineage: a unit's registrations are those in the
 * communes that today continue its communes (legacy_lineage), and its target counts toward the
 * province it merged into, wherever that province has no target of its own. Children never
 * silently exceed their parent: a former province's districts stay within its figure, and the list
 * together with today's units' targets within the national one.
 */
export function createLegacyTargets({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createTargetsRepository(db);
  const legacy = createLegacyTargetsRepository(db);

  async function nationalOf(campaignId: number, product: Product) {
    const national = await legacy.national(campaignId, product);
    if (!national) throw new AppError('target.no_national', { product });
    return national;
  }

  return {
    /** Replaces the campaign's targets on old units of one level with these, in one transaction. */
    async set(
      actor: Actor,
      campaignId: number,
      input: { product: Product; level: Level; items: { code: string; amount: number }[] },
    ) {
      const national = await nationalOf(campaignId, input.product);
      const codes = [...new Set(input.items.map((i) => i.code))];
      if (codes.length !== input.items.length)
        throw new AppError('target.duplicate_legacy_unit', {}, 'items');
      const units = await legacy.units(input.level, codes);
      const idOf = new Map(units.map((u) => [u.code, u.id]));
      const unknown = codes.find((c) => !idOf.has(c));
      if (unknown) throw new AppError('target.unknown_legacy_unit', { code: unknown }, 'items');
      await transact(db, auditContext(actor, clock), async (tx) => {
        await legacy.deleteLevel(tx, campaignId, input.product, input.level);
        if (input.items.length > 0) {
          await legacy.insert(
            tx,
            input.items.map((i) => ({
              campaign_id: campaignId,
              product: input.product,
              legacy_unit_id: idOf.get(i.code)!,
              parent_id: national.id,
              period_start: national.period_start,
              period_end: national.period_end,
              amount: i.amount,
              overridden: true,
              set_by: actor.userId,
              set_at: clock.now(),
            })),
          );
        }
        const over = await legacy.districtsOverProvince(tx, Number(national.id));
        if (over) {
          throw new AppError('target.children_exceed_parent', {
            fixed: vnNumber(over.districts),
            parent: vnNumber(over.amount),
          });
        }
        // What the list holds is fixed, like an override: today's units' targets not set by hand
        // share the rest, and the transaction is undone when the fixed figures exceed the national.
        await rebalanceBelow(tx, repo, { id: Number(national.id), amount: national.amount });
      });
    },

    /** The campaign's targets on old units, each with its registrations through the lineage. */
    async list(campaignId: number, product: Product) {
      const rows = await legacy.list(campaignId, product);
      return rows.map((r) => ({
        id: Number(r.id),
        level: r.level,
        code: r.code,
        name: r.name,
        provinceCode: r.province_code,
        provinceName: r.province_name,
        amount: Number(r.amount),
        actual: Number(r.actual),
      }));
    },
  };
}

export type LegacyTargets = ReturnType<typeof createLegacyTargets>;
