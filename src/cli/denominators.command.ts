import path from 'node:path';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../modules/access/access.actor.ts';
import { DenominatorImportError } from '../modules/denominators/denominators.service.ts';
import { fail, readText, withDatabase } from './context.ts';
import { explain } from './user.command.ts';

export function registerDenominatorsCommands(program: Command): void {
  const denominators = program
    .command('denominators')
    .description('Mẫu số: lực lượng lao động, tham gia bắt buộc');
  denominators
    .command('import')
    .argument('<file>', 'CSV: province_code, as_of, labour_force, compulsory_participants, source')
    .description('Nhập mẫu số theo tỉnh và ngày từ tệp CSV (có dòng lỗi thì không nhập gì)')
    .action(async (file: string) => {
      const text = readText(file);
      await withDatabase(async ({ services }) => {
        try {
          const { imported } = await services.denominators.importCsv(SYSTEM_ACTOR, text, {
            source: path.basename(file),
          });
          console.log(`Đã nhập ${imported} dòng mẫu số.`);
        } catch (error) {
          if (error instanceof DenominatorImportError) {
            for (const p of error.problems) console.error(`Dòng ${p.row}, cột ${p.field}: ${p.message}`);
            fail(`${new Set(error.problems.map((p) => p.row)).size} dòng lỗi; chưa nhập dòng nào.`, 2);
          }
          explain(error);
        }
      });
    });
}
