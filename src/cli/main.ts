import { Command } from 'commander';

/**
 * The `diemtua` command. Each command's module is loaded only when it runs (all of them for
 * --help), so `diemtua calc` starts in well under a second.
 */
type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  start: () => import('./start.command.ts').then((m) => m.registerStartCommand),
  calc: () => import('./calc.command.ts').then((m) => m.registerCalcCommand),
  rules: () => import('./rules.command.ts').then((m) => m.registerRulesCommands),
  db: () => import('./db.command.ts').then((m) => m.registerDbCommands),
  user: () => import('./user.command.ts').then((m) => m.registerUserCommands),
  units: () => import('./units.command.ts').then((m) => m.registerUnitsCommands),
  denominators: () => import('./denominators.command.ts').then((m) => m.registerDenominatorsCommands),
  audit: () => import('./audit.command.ts').then((m) => m.registerAuditCommands),
  jobs: () => import('./jobs.command.ts').then((m) => m.registerJobsCommands),
};

const program = new Command()
  .name('diemtua')
  .description('Điểm Tựa: vận động, đăng ký, thu và báo cáo BHXH tự nguyện và BHYT hộ gia đình')
  .version('0.1.0')
  .showHelpAfterError();

const wanted = process.argv[2];
const loaders = wanted && wanted in COMMANDS ? [COMMANDS[wanted]!] : Object.values(COMMANDS);
for (const load of loaders) (await load())(program);

// The top-level help names the groups; list every command in full too, so `diemtua --help` shows
// `user create --username …` without a second look.
program.addHelpText('after', () => {
  const lines: string[] = [];
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      if (sub.commands.length > 0) walk(sub, `${prefix}${sub.name()} `);
      else {
        const required = sub.options.filter((o) => o.mandatory).map((o) => o.flags.replace(/^-\w, /, ''));
        const optional = sub.options.some((o) => !o.mandatory) ? ['[tùy chọn]'] : [];
        const args = sub.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
        lines.push(`  diemtua ${[`${prefix}${sub.name()}`, ...args, ...required, ...optional].join(' ')}`);
      }
    }
  };
  walk(program, '');
  return `\nMọi lệnh:\n${lines.join('\n')}`;
});

await program.parseAsync(process.argv).catch((error: Error) => {
  console.error(`Lỗi: ${error.message}`);
  process.exit(1);
});
