import type { Command } from 'commander';
import { systemClock, vietnamDate } from '../platform/clock.ts';
import { fail, progressBar, withDatabase } from './context.ts';

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('Việc chạy định kỳ');
  jobs
    .command('daily')
    .description(
      'Chuyển trạng thái theo hạn nộp, tạo và gửi nhắc đóng, tính người còn đóng sau 12 tháng (chạy lại an toàn; tiếp tục nếu bị ngắt)',
    )
    .option('--date <date>', 'ngày chạy (YYYY-MM-DD), mặc định hôm nay')
    .option('--all', 'tính lại trạng thái của mọi đăng ký, không chỉ những người đến hạn')
    .action(async (options: { date?: string; all?: boolean }) => {
      const date = options.date ?? vietnamDate(systemClock);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`Ngày "${date}" phải có dạng YYYY-MM-DD`, 2);
      await withDatabase(async ({ services }) => {
        const bar = progressBar('Trạng thái');
        const statuses = await services.jobs
          .moveStatuses(date, (n) => bar.update('đăng ký', n, n), options.all ? 'all' : 'deadlines')
          .finally(() => bar.stop());
        const reminders = await services.jobs.queueReminders(date);
        console.log(
          statuses.alreadyDone
            ? `Ngày ${date} đã chạy xong trước đó.`
            : `Ngày ${date}: đã xét ${statuses.processed} đăng ký, ${statuses.changed} thay đổi${statuses.resumed ? ' (tiếp tục từ lần bị ngắt)' : ''}.`,
        );
        console.log(`Nhắc đóng: ${reminders.queued} mới, ${reminders.sent} đã gửi, ${reminders.failed} lỗi.`);
        const retention = await services.leadJobs.retention(date);
        console.log(
          `Còn đóng sau 12 tháng: đã xét ${retention.evaluated} đăng ký của chiến dịch, ${retention.retained} còn đóng.`,
        );
      });
    });
}
