import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu');
  db.command('migrate')
    .description('Áp dụng các migration SQL còn thiếu')
    .action(async () => {
      const database = await openDatabase(loadConfig(), (m) => console.error(m), { shareRunning: true });
      try {
        const { applied } = await migrate(database.db);
        console.log(
          applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
        );
      } finally {
        await database.close();
      }
    });
}
