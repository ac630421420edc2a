import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

/** Small installation-wide facts: whether demo data is loaded, when the admin was created. */
export function createSettingsRepository(db: Db) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await db
        .selectFrom('system_setting')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value as T | undefined;
    },
    set(tx: Tx | Db, key: string, value: unknown) {
      return tx
        .insertInto('system_setting')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    },
  };
}

export interface DemoSetting {
  loaded: boolean;
  at: string;
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
