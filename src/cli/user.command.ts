import type { Command } from 'commander';
import { isRole, ROLES } from '../domain/access/roles.ts';
import { SYSTEM_ACTOR } from '../modules/access/access.actor.ts';
import { ERROR_TABLE } from '../server/error-table.ts';
import { AppError, fill } from '../server/errors.ts';
import { fail, withDatabase } from './context.ts';

/** AppErrors carry a code; the CLI prints the same Vietnamese sentence the API would. */
export function explain(error: unknown): never {
  if (error instanceof AppError) fail(fill(ERROR_TABLE[error.code]?.vi ?? error.code, error.params), 2);
  throw error;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Người dùng');

  user
    .command('create')
    .description('Tạo người dùng')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .option('--password <password>', 'mật khẩu (bỏ trống để sinh ngẫu nhiên)')
    .requiredOption('--role <role>', `vai trò: ${ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'mã đơn vị tổ chức, ví dụ BHXH-01 hoặc BD-79')
    .option('--full-name <name>', 'họ và tên')
    .action(
      async (options: {
        username: string;
        password?: string;
        role: string;
        unit: string;
        fullName?: string;
      }) => {
        if (!isRole(options.role))
          fail(`Vai trò "${options.role}" không tồn tại. Vai trò hợp lệ: ${ROLES.join(', ')}`, 2);
        await withDatabase(async ({ services, database }) => {
          const unit = await database.db
            .selectFrom('org_unit')
            .select('id')
            .where('code', '=', options.unit)
            .executeTakeFirst();
          if (!unit) fail(`Không có đơn vị tổ chức mã "${options.unit}"`, 2);
          const result = await services.users
            .create(SYSTEM_ACTOR, {
              username: options.username,
              fullName: options.fullName ?? options.username,
              role: options.role,
              orgUnitId: unit.id,
              password: options.password,
            })
            .catch(explain);
          console.log(
            `Đã tạo người dùng ${result.user.username} (${result.user.role}) tại ${result.user.org_unit_name}.`,
          );
          if (result.password) console.log(`Mật khẩu: ${result.password}`);
        });
      },
    );

  user
    .command('reset-password')
    .description('Đặt lại mật khẩu, mở khóa và đăng xuất mọi phiên của một người dùng')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .option('--password <password>', 'mật khẩu mới (bỏ trống để sinh ngẫu nhiên)')
    .action(async (options: { username: string; password?: string }) => {
      await withDatabase(async ({ services, database }) => {
        const row = await database.db
          .selectFrom('app_user')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['username']), '=', options.username.toLowerCase()))
          .executeTakeFirst();
        if (!row) fail(`Không có người dùng "${options.username}"`, 2);
        const { password } = await services.users
          .resetPassword(SYSTEM_ACTOR, row.id, options.password)
          .catch(explain);
        console.log(`Đã đặt lại mật khẩu cho ${options.username}.`);
        if (!options.password) console.log(`Mật khẩu mới: ${password}`);
      });
    });
}
