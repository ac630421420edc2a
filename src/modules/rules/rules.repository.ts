import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Confidence, RuleRow, RuleSet, TopupRow } from '../../domain/law/index.ts';

type Stored<T> = T & { id: number };

const seriesKey = (r: RuleRow) => `${r.key}|${r.scope ?? ''}|${r.validFrom}`;
const topupKey = (t: TopupRow) => `${t.provinceCode}|${t.category}|${t.validFrom}`;

export function createRulesRepository(db: Db) {
  return {
    async parameters(q: Db | Tx = db): Promise<Stored<RuleRow>[]> {
      const rows = await q
        .selectFrom('law_parameter')
        .selectAll()
        .orderBy('key')
        .orderBy('scope')
        .orderBy('valid_from')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        key: r.key,
        ...(r.scope !== null ? { scope: r.scope } : {}),
        value: Number(r.value),
        validFrom: r.valid_from,
        validTo: r.valid_to,
        basis: r.basis,
        confidence: r.confidence as Confidence,
      }));
    },

    async topups(q: Db | Tx = db): Promise<Stored<TopupRow>[]> {
      const rows = await q
        .selectFrom('law_topup')
        .selectAll()
        .orderBy('province_code')
        .orderBy('category')
        .orderBy('valid_from')
        .execute();
      return rows.map((t) => ({
        id: t.id,
        provinceCode: t.province_code,
        category: t.category as TopupRow['category'],
        value: Number(t.value),
        validFrom: t.valid_from,
        validTo: t.valid_to,
        basis: t.basis,
        confidence: t.confidence as Confidence,
      }));
    },

    /**
     * Makes the stored parameters equal `next`. Rows are matched by series and start date: a row
     * whose end moved is updated, a new row inserted, and a future row the change replaced deleted.
     * The domain edit has already refused anything that would rewrite the past.
     */
    async replaceParameters(tx: Tx, current: Stored<RuleRow>[], next: readonly RuleRow[], by: string) {
      const before = new Map(current.map((r) => [seriesKey(r), r]));
      const after = new Map(next.map((r) => [seriesKey(r), r]));
      for (const [key, row] of after) {
        const old = before.get(key);
        const values = {
          key: row.key,
          scope: row.scope ?? null,
          value: row.value,
          valid_from: row.validFrom,
          valid_to: row.validTo,
          basis: row.basis,
          confidence: row.confidence,
        };
        if (!old) {
          await tx
            .insertInto('law_parameter')
            .values({ ...values, created_by: by })
            .execute();
        } else if (
          old.value !== row.value ||
          old.validTo !== row.validTo ||
          old.basis !== row.basis ||
          old.confidence !== row.confidence
        ) {
          await tx.updateTable('law_parameter').set(values).where('id', '=', old.id).execute();
        }
      }
      for (const [key, old] of before) {
        if (!after.has(key)) await tx.deleteFrom('law_parameter').where('id', '=', old.id).execute();
      }
    },

    async replaceTopups(tx: Tx, current: Stored<TopupRow>[], next: readonly TopupRow[], by: string) {
      const before = new Map(current.map((t) => [topupKey(t), t]));
      const after = new Map(next.map((t) => [topupKey(t), t]));
      for (const [key, t] of after) {
        const old = before.get(key);
        const values = {
          province_code: t.provinceCode,
          category: t.category,
          value: t.value,
          valid_from: t.validFrom,
          valid_to: t.validTo,
          basis: t.basis,
          confidence: t.confidence,
        };
        if (!old) {
          await tx
            .insertInto('law_topup')
            .values({ ...values, created_by: by })
            .execute();
        } else if (
          old.value !== t.value ||
          old.validTo !== t.validTo ||
          old.basis !== t.basis ||
          old.confidence !== t.confidence
        ) {
          await tx.updateTable('law_topup').set(values).where('id', '=', old.id).execute();
        }
      }
      for (const [key, old] of before) {
        if (!after.has(key)) await tx.deleteFrom('law_topup').where('id', '=', old.id).execute();
      }
    },

    logChange(
      tx: Tx,
      entry: {
        at: Date;
        userId: number | null;
        username: string;
        kind: 'parameter' | 'topup' | 'seed';
        change: unknown;
        summary: string;
      },
    ) {
      return tx
        .insertInto('law_change')
        .values({
          at: entry.at,
          user_id: entry.userId,
          username: entry.username,
          kind: entry.kind,
          change: JSON.stringify(entry.change),
          summary: entry.summary,
        })
        .execute();
    },

    changes(page: { limit: number; offset: number }) {
      const base = db.selectFrom('law_change');
      return Promise.all([
        base.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]).then(([items, count]) => ({ items, total: Number(count.n) }));
    },

    /** Keeps every rule version ever computed with; an id once stored never changes content. */
    async snapshot(q: Db | Tx, sets: RuleSet[], at: Date) {
      if (sets.length === 0) return;
      await q
        .insertInto('law_rule_set')
        .values(
          sets.map((s) => ({
            id: s.id,
            valid_from: s.validFrom,
            valid_to: s.validTo,
            content: JSON.stringify({ values: s.values, topups: s.topups }),
            first_seen_at: at,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    /** Whether any law parameter is stored: false before the first start's seed. */
    async hasParameters(): Promise<boolean> {
      const existing = await db.selectFrom('law_parameter').select('id').limit(1).execute();
      return existing.length > 0;
    },

    ruleSet(id: string) {
      return db.selectFrom('law_rule_set').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}

export type RulesRepository = ReturnType<typeof createRulesRepository>;
