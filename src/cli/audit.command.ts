import type { Command } from 'commander';
import { withDatabase } from './context.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Nhật ký kiểm toán');
  audit
    .command('verify')
    .description('Kiểm tra chuỗi băm của nhật ký; thoát mã 3 nếu phát hiện sửa hoặc xóa')
    .action(async () => {
      await withDatabase(async ({ services }) => {
        const result = await services.audit.verify();
        if (result.ok) {
          console.log(`Nhật ký toàn vẹn: đã kiểm tra ${result.checked} dòng.`);
        } else {
          console.error(
            `Nhật ký bị can thiệp: chuỗi băm gãy tại dòng ${result.firstBrokenId} (đã kiểm tra ${result.checked} dòng).`,
          );
          process.exitCode = 3;
        }
      });
    });
}
