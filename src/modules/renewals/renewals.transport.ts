import fs from 'node:fs';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { ReminderTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';

/**
 * Where reminders go. An SMS or Zalo provider plugs in here; the default needs none: the reminder
 * stays in the outbox table (the UI shows it) and is appended to a log file an operator can read.
 */
export interface ReminderTransport {
  readonly name: string;
  /** The channels it can deliver, preferred first: a person gets one reminder a period, on the first. */
  readonly channels: readonly ('sms' | 'zalo')[];
  send(reminder: Selectable<ReminderTable>): Promise<void>;
}

export function outboxTransport(logFile: string | null, clock: Clock): ReminderTransport {
  return {
    name: 'outbox',
    // Every phone takes an SMS; Zalo needs the number linked to an account.
    channels: ['sms', 'zalo'],
    async send(reminder) {
      if (!logFile) return;
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      const line = {
        at: clock.now().toISOString(),
        channel: reminder.channel,
        participantId: Number(reminder.participant_id),
        period: String(reminder.period_month).slice(0, 7),
        body: reminder.body,
      };
      await fs.promises.appendFile(logFile, `${JSON.stringify(line)}\n`);
    },
  };
}
