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

/** What first start looks up before making the first administrator. */
export function createBootstrapRepository(db: Db) {
  return {
    /** Whether any administrator can sign in. */
    async hasActiveAdmin(): Promise<boolean> {
      const admins = await db
        .selectFrom('app_user')
        .select('id')
        .where('role', '=', 'system_admin')
        .where('disabled_at', 'is', null)
        .limit(1)
        .execute();
      return admins.length > 0;
    },

    /** The id of the org unit with this code; throws when there is none. */
    async orgIdByCode(code: string): Promise<number> {
      const org = await db
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      return org.id;
    },

    /** Whether a user, enabled or not, has exactly this username. */
    async usernameExists(username: string): Promise<boolean> {
      const user = await db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst();
      return user !== undefined;
    },
  };
}

/**
 * A daily job's run of a day in job_run (the status job, the retention job): started once, moved
 * chunk by chunk with its cursor, finished; a run cut short resumes at its cursor.
 */
export function createJobRunsRepository(db: Db) {
  return {
    /** The job's run of a day, started unless it already was; then read. */
    async startRun(job: string, date: string, at: Date) {
      await db
        .insertInto('job_run')
        .values({ job, run_date: date, started_at: at })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return db
        .selectFrom('job_run')
        .selectAll()
        .where('job', '=', job)
        .where('run_date', '=', date)
        .executeTakeFirstOrThrow();
    },

    /** Moves a run's cursor and its counts. */
    async advanceRun(
      tx: Tx,
      job: string,
      date: string,
      progress: { cursor: number; processed: number; changed: number },
    ): Promise<void> {
      await tx
        .updateTable('job_run')
        .set({ cursor: progress.cursor, processed: progress.processed, changed: progress.changed })
        .where('job', '=', job)
        .where('run_date', '=', date)
        .execute();
    },

    async finishRun(job: string, date: string, at: Date): Promise<void> {
      await db
        .updateTable('job_run')
        .set({ finished_at: at })
        .where('job', '=', job)
        .where('run_date', '=', date)
        .execute();
    },
  };
}

export interface DemoSetting {
  loaded: boolean;
  at: string;
}

/** The demo campaigns are generated after the server starts; the screens show how far it got. */
export interface DemoCampaignsSetting {
  loaded: boolean;
  done: number;
  total: number;
  label: string;
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
