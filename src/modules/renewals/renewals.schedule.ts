import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { RenewalJobs } from './renewals.jobs.ts';

const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Runs the daily job once per Vietnam calendar day inside the server: at start (catching up a day
 * the server was down) and after midnight. A second server, or a restart, finds the day already
 * done in job_run and does nothing twice.
 */
export function scheduleDaily(
  jobs: RenewalJobs,
  clock: Clock,
  log: (message: string, error?: unknown) => void,
) {
  let lastDay: string | null = null;
  let running = false;
  const tick = async () => {
    const today = vietnamDate(clock);
    if (running || today === lastDay) return;
    running = true;
    try {
      const result = await jobs.runDaily(today);
      lastDay = today;
      log(
        `Việc hằng ngày ${today}: ${result.statuses.changed} trạng thái thay đổi, ` +
          `${result.reminders.queued} nhắc đóng tạo mới, ${result.reminders.sent} đã gửi`,
      );
    } catch (error) {
      log('Việc hằng ngày thất bại; sẽ thử lại sau 10 phút', error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
