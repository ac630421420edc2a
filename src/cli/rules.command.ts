import os from 'node:os';
import type { Command } from 'commander';
import { CATEGORIES, type Category, type Confidence, RULE_KEYS, rulesAt } from '../domain/law/index.ts';
import { SYSTEM_ACTOR } from '../modules/access/access.actor.ts';
import { systemClock, vietnamDate } from '../platform/clock.ts';
import { DomainError } from '../server/errors.ts';
import { fail, withDatabase } from './context.ts';
import { explain } from './user.command.ts';

const cliActor = () => ({ ...SYSTEM_ACTOR, username: `cli:${os.userInfo().username}`, via: 'cli' as const });

function confidence(value: string): Confidence {
  if (value !== 'H' && value !== 'M' && value !== 'L')
    fail(`Độ tin cậy phải là H, M hoặc L (nhận "${value}")`, 2);
  return value;
}

function number(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) fail(`${name} phải là một số (nhận "${value}")`, 2);
  return n;
}

function report(error: unknown): never {
  if (error instanceof DomainError) fail(error.message, 2);
  explain(error);
}

export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('Tham số pháp luật theo thời gian và hỗ trợ địa phương');

  rules
    .command('list')
    .description('Liệt kê tham số (mặc định: có hiệu lực hôm nay)')
    .option('--date <date>', 'ngày xem (YYYY-MM-DD)')
    .option('--key <prefix>', 'lọc theo tiền tố khóa, ví dụ vsi.')
    .option('--all', 'mọi giai đoạn, kể cả đã hết hiệu lực')
    .action(async (options: { date?: string; key?: string; all?: boolean }) => {
      await withDatabase(async ({ services }) => {
        const book = await services.rules.book();
        const date = options.date ?? vietnamDate(systemClock);
        const set = rulesAt(book, date);
        const rows = book.rows.filter(
          (r) =>
            (!options.key || r.key.startsWith(options.key)) &&
            (options.all || (r.validFrom <= date && (r.validTo === null || r.validTo >= date))),
        );
        console.log(`Phiên bản ${set.id} (có hiệu lực ${set.validFrom} → ${set.validTo ?? 'nay'})`);
        for (const r of rows) {
          const label = (RULE_KEYS as Record<string, { label: { vi: string } }>)[r.key]?.label.vi ?? r.key;
          console.log(
            `${`${r.key}${r.scope ? `[${r.scope}]` : ''}`.padEnd(42)} ${String(r.value).padStart(12)}  ${r.validFrom} → ${(r.validTo ?? 'mở').padEnd(10)} ${r.confidence}  ${label} — ${r.basis}`,
          );
        }
        const topups = book.topups.filter(
          (t) => options.all || (t.validFrom <= date && (t.validTo === null || t.validTo >= date)),
        );
        for (const t of topups) {
          console.log(
            `topup ${t.provinceCode} ${t.category.padEnd(16)} +${t.value}  ${t.validFrom} → ${t.validTo ?? 'mở'}  ${t.confidence}  ${t.basis}`,
          );
        }
      });
    });

  rules
    .command('set')
    .description('Đặt giá trị mới cho một tham số từ một ngày (không sửa quá khứ)')
    .requiredOption('--key <key>', 'khóa tham số, ví dụ salary.reference')
    .option('--scope <scope>', 'phạm vi của khóa (đối tượng, giới tính, năm…)')
    .requiredOption('--value <value>', 'giá trị (đồng, tháng, hoặc tỷ lệ thập phân 0.22)')
    .requiredOption('--from <date>', 'có hiệu lực từ ngày (YYYY-MM-DD)')
    .option('--to <date>', 'đến hết ngày (bỏ trống: không thời hạn)')
    .requiredOption('--basis <text>', 'căn cứ pháp lý, ví dụ "Nghị định 73/2024/NĐ-CP"')
    .option('--confidence <H|M|L>', 'độ tin cậy', 'H')
    .action(
      async (o: {
        key: string;
        scope?: string;
        value: string;
        from: string;
        to?: string;
        basis: string;
        confidence: string;
      }) => {
        await withDatabase(async ({ services }) => {
          const { book, warnings } = await services.rules
            .setParameter(cliActor(), {
              key: o.key,
              ...(o.scope ? { scope: o.scope } : {}),
              value: number(o.value, 'Giá trị'),
              validFrom: o.from,
              validTo: o.to ?? null,
              basis: o.basis,
              confidence: confidence(o.confidence),
            })
            .catch(report);
          console.log(`Đã ghi. Từ ${o.from} áp dụng phiên bản ${rulesAt(book, o.from).id}.`);
          for (const w of warnings) console.log(`Lưu ý: ${w.message}`);
        });
      },
    );

  rules
    .command('topup')
    .description('Đặt mức hỗ trợ địa phương cho một tỉnh và một đối tượng từ một ngày')
    .requiredOption('--province <code>', 'mã tỉnh 2 chữ số, ví dụ 01')
    .requiredOption('--category <category>', CATEGORIES.join(' | '))
    .requiredOption('--value <rate>', 'tỷ lệ trên 22% × chuẩn nghèo, ví dụ 0.1 cho 10%')
    .requiredOption('--from <date>', 'có hiệu lực từ ngày')
    .option('--to <date>', 'đến hết ngày')
    .requiredOption('--basis <text>', 'nghị quyết HĐND, ví dụ "Nghị quyết 11/2025/NQ-HĐND"')
    .option('--confidence <H|M|L>', 'độ tin cậy', 'H')
    .action(
      async (o: {
        province: string;
        category: string;
        value: string;
        from: string;
        to?: string;
        basis: string;
        confidence: string;
      }) => {
        if (!(CATEGORIES as readonly string[]).includes(o.category)) {
          fail(`Đối tượng "${o.category}" không hợp lệ. Chọn: ${CATEGORIES.join(', ')}`, 2);
        }
        await withDatabase(async ({ services }) => {
          const { book } = await services.rules
            .setTopup(cliActor(), {
              provinceCode: o.province,
              category: o.category as Category,
              value: number(o.value, 'Tỷ lệ'),
              validFrom: o.from,
              validTo: o.to ?? null,
              basis: o.basis,
              confidence: confidence(o.confidence),
            })
            .catch(report);
          console.log(`Đã ghi. Từ ${o.from} áp dụng phiên bản ${rulesAt(book, o.from).id}.`);
        });
      },
    );

  rules
    .command('history')
    .description('Lịch sử thay đổi tham số')
    .action(async () => {
      await withDatabase(async ({ services }) => {
        const { items } = await services.rules.changes({ limit: 200, offset: 0 });
        for (const c of items) console.log(`${c.at.toISOString()}  ${c.username.padEnd(16)} ${c.summary}`);
      });
    });
}
