import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import {
  CALC_KINDS,
  calcErrorBody,
  calculateJson,
  createRuleBook,
  DEFAULT_RULE_ROWS,
  DEFAULT_TOPUP_ROWS,
  type RuleBook,
} from '../domain/law/index.ts';
import type { RulesExport } from '../modules/rules/rules.service.ts';
import { systemClock, vietnamDate } from '../platform/clock.ts';

/**
 * The law in force for the CLI, fastest first: the external database when DATABASE_URL is set;
 * else the export the app writes to DATA_DIR whenever the rules change; else RULES.md as shipped.
 */
async function loadBook(): Promise<RuleBook> {
  const config = loadConfig();
  if (config.databaseUrl) {
    // Loaded only when needed: a calculation without a database should start fast.
    const { connect } = await import('../db/database.ts');
    const { createRulesRepository } = await import('../modules/rules/rules.repository.ts');
    const db = connect(config.databaseUrl, { max: 1 });
    try {
      const repo = createRulesRepository(db);
      const [rows, topups] = await Promise.all([repo.parameters(), repo.topups()]);
      if (rows.length > 0) return createRuleBook(rows, topups);
    } catch {
      // A database without the law tables yet: fall through to the shipped rules.
    } finally {
      await db.destroy();
    }
  }
  const exported = path.join(config.dataDir, 'rules.json');
  if (fs.existsSync(exported)) {
    const data = JSON.parse(fs.readFileSync(exported, 'utf8')) as RulesExport;
    return createRuleBook(data.rows, data.topups);
  }
  return createRuleBook(DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(body: unknown, code: number): never {
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  process.exit(code);
}

export function registerCalcCommand(program: Command): void {
  program
    .command('calc')
    .description(`Tính theo hợp đồng CALC_CONTRACT.md: ${CALC_KINDS.join(', ')}`)
    .argument('<kind>', CALC_KINDS.join(' | '))
    .option('--input <json>', 'dữ liệu vào (JSON); bỏ trống để đọc từ đầu vào chuẩn')
    .option('--lang <lang>', 'ngôn ngữ của lời giải thích và thông báo lỗi: vi hoặc en', 'vi')
    .action(async (kind: string, options: { input?: string; lang: string }) => {
      const lang = options.lang === 'en' ? 'en' : 'vi';
      const text = options.input ?? (await readStdin());
      const outcome = calculateJson(kind, text, {
        book: await loadBook(),
        lang,
        today: vietnamDate(systemClock),
      });
      if (outcome.ok) answer(outcome.result, 0);
      answer(calcErrorBody(outcome.error), 2);
    });
}
