import { Command } from 'commander';
import { registerAuditCommands } from './audit.command.ts';
import { registerDbCommands } from './db.command.ts';
import { registerDenominatorsCommands } from './denominators.command.ts';
import { registerStartCommand } from './start.command.ts';
import { registerUnitsCommands } from './units.command.ts';
import { registerUserCommands } from './user.command.ts';

const program = new Command()
  .name('diemtua')
  .description('Điểm Tựa: vận động, đăng ký, thu và báo cáo BHXH tự nguyện và BHYT hộ gia đình')
  .version('0.1.0')
  .showHelpAfterError();

registerStartCommand(program);
registerDbCommands(program);
registerUserCommands(program);
registerUnitsCommands(program);
registerDenominatorsCommands(program);
registerAuditCommands(program);

await program.parseAsync(process.argv).catch((error: Error) => {
  console.error(`Lỗi: ${error.message}`);
  process.exit(1);
});
