import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import {
  createRuleBook,
  DEFAULT_RULE_ROWS,
  DEFAULT_TOPUP_ROWS,
  formatDateVi,
  type ParameterChange,
  type RuleBook,
  type RuleProblem,
  type RuleRow,
  type RuleSet,
  ruleKeyInfo,
  rulesAt,
  setParameter,
  setTopup,
  type TopupChange,
  type TopupRow,
} from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError, DomainError } from '../../server/errors.ts';
import { type Actor, auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { createSettingsRepository } from '../system/system.repository.ts';
import { createRulesRepository } from './rules.repository.ts';

const REVISION_KEY = 'law_revision';
const RECHECK_MS = 2000;

/** The rows and top-ups in force, as the CLI reads them when it has no database at hand. */
export interface RulesExport {
  revision: number;
  rows: RuleRow[];
  topups: TopupRow[];
}

/**
 * The law in force, loaded from the database into an immutable rule book and kept in memory.
 * Other processes' edits are picked up within seconds (a revision number), this process's at once.
 */
export function createRulesService({
  db,
  clock,
  exportDir,
}: {
  db: Db;
  clock: Clock;
  exportDir?: string | null;
}) {
  const repo = createRulesRepository(db);
  const settings = createSettingsRepository(db);
  let cached: { book: RuleBook; revision: number; checkedAt: number } | null = null;
  let loading: Promise<RuleBook> | null = null;

  async function revision(): Promise<number> {
    return (await settings.get<number>(REVISION_KEY)) ?? 0;
  }

  async function load(): Promise<RuleBook> {
    const rev = await revision();
    if (cached && cached.revision === rev) {
      cached.checkedAt = Date.now();
      return cached.book;
    }
    const [rows, topups] = await Promise.all([repo.parameters(), repo.topups()]);
    const book = createRuleBook(rows.length ? rows.map(strip) : DEFAULT_RULE_ROWS, topups.map(strip));
    cached = { book, revision: rev, checkedAt: Date.now() };
    writeExport({ revision: rev, rows: [...book.rows], topups: [...book.topups] });
    return book;
  }

  function writeExport(data: RulesExport) {
    if (!exportDir) return;
    try {
      fs.mkdirSync(exportDir, { recursive: true });
      fs.writeFileSync(path.join(exportDir, 'rules.json'), JSON.stringify(data));
    } catch {
      // The export only speeds up the offline CLI; the database stays the source of truth.
    }
  }

  /** The form field a rule problem is about, so the page can show it in the right place. */
  const FIELD_OF: Record<string, string> = {
    'rules.change_in_past': 'validFrom',
    'rules.overlap': 'validFrom',
    'rules.gap': 'validFrom',
    'rules.inverted_period': 'validTo',
    'rules.invalid_date': 'validFrom',
    'rules.invalid_value': 'value',
    'rules.missing_basis': 'basis',
    'rules.invalid_confidence': 'confidence',
    'rules.invalid_scope': 'scope',
    'rules.unexpected_scope': 'scope',
    'rules.missing_scope': 'scope',
    'rules.unknown_province': 'provinceCode',
    'rules.unknown_category': 'category',
  };

  function problemsError(problems: RuleProblem[]): DomainError {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const error = new DomainError(
      first?.code ?? 'rules.invalid',
      errors.map((p) => p.message).join(' '),
      FIELD_OF[first?.code ?? ''],
    );
    return Object.assign(error, {
      fields: errors.map((p) => ({ field: FIELD_OF[p.code] ?? p.key ?? 'rules', message: p.message })),
    });
  }

  /** Only the warnings about what this change touched, not standing ones about other parameters. */
  const relevant = (warnings: RuleProblem[], key: string, scope?: string) =>
    warnings.filter(
      (w) => w.key === undefined || (w.key === key && (scope === undefined || w.scope === scope)),
    );

  async function commit(
    actor: Actor,
    kind: 'parameter' | 'topup',
    change: unknown,
    summary: string,
    write: (tx: Parameters<Parameters<typeof transact>[2]>[0]) => Promise<void>,
  ) {
    await transact(db, auditContext(actor, clock), async (tx) => {
      await write(tx);
      await repo.logChange(tx, {
        at: clock.now(),
        userId: actor.userId,
        username: actor.username,
        kind,
        change,
        summary,
      });
      await settings.set(tx, REVISION_KEY, (await revision()) + 1);
    });
    cached = null;
    const book = await load();
    await repo.snapshot(db, allSets(book), clock.now());
    return book;
  }

  return {
    /** The rule book in force; re-read when another process changed it. */
    /** The rule book in memory while it is fresh, else null (then `book()` loads it). */
    fresh(): RuleBook | null {
      return cached && Date.now() - cached.checkedAt < RECHECK_MS ? cached.book : null;
    },

    book(): Promise<RuleBook> {
      if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return Promise.resolve(cached.book);
      loading ??= load().finally(() => {
        loading = null;
      });
      return loading;
    },

    /** First start: the law of RULES.md as rows, with the seed recorded in the change history. */
    async ensureSeeded(): Promise<boolean> {
      if (await repo.hasParameters()) return false;
      await transact(db, auditContext(SYSTEM_ACTOR, clock), async (tx) => {
        await repo.replaceParameters(tx, [], DEFAULT_RULE_ROWS, 'system');
        await repo.replaceTopups(tx, [], DEFAULT_TOPUP_ROWS, 'system');
        await repo.logChange(tx, {
          at: clock.now(),
          userId: null,
          username: 'system',
          kind: 'seed',
          change: { rows: DEFAULT_RULE_ROWS.length, topups: DEFAULT_TOPUP_ROWS.length },
          summary: `Khởi tạo ${DEFAULT_RULE_ROWS.length} tham số và ${DEFAULT_TOPUP_ROWS.length} mức hỗ trợ địa phương theo RULES.md`,
        });
        await settings.set(tx, REVISION_KEY, 1);
      });
      cached = null;
      await repo.snapshot(db, allSets(await load()), clock.now());
      return true;
    },

    async setParameter(actor: Actor, change: ParameterChange) {
      const info = ruleKeyInfo(change.key);
      if (!info) throw new AppError('rules.unknown_key', { key: change.key }, 'key');
      const current = await repo.parameters();
      const result = setParameter(current.map(strip), change, { today: vietnamDate(clock) });
      if (!result.ok) throw problemsError(result.problems);
      const label = `${info.label.vi}${change.scope ? ` (${change.scope})` : ''}`;
      const summary = `${label} = ${change.value} từ ${formatDateVi(change.validFrom)}${change.validTo ? ` đến ${formatDateVi(change.validTo)}` : ''} — ${change.basis}`;
      const book = await commit(actor, 'parameter', change, summary, (tx) =>
        repo.replaceParameters(tx, current, result.rows, actor.username),
      );
      return { book, warnings: relevant(result.warnings, change.key, change.scope) };
    },

    async setTopup(actor: Actor, change: TopupChange) {
      const current = await repo.topups();
      const result = setTopup(current.map(strip), change, { today: vietnamDate(clock) });
      if (!result.ok) throw problemsError(result.problems);
      const summary = `Hỗ trợ địa phương tỉnh ${change.provinceCode}, ${change.category}: +${Math.round(change.value * 100)}% từ ${formatDateVi(change.validFrom)}${change.validTo ? ` đến ${formatDateVi(change.validTo)}` : ''} — ${change.basis}`;
      const book = await commit(actor, 'topup', change, summary, (tx) =>
        repo.replaceTopups(tx, current, result.rows, actor.username),
      );
      return { book, warnings: result.warnings.filter((w) => w.code !== 'rules.no_open_end') };
    },

    changes: (page: { limit: number; offset: number }) => repo.changes(page),
    revision,

    async version(id: string) {
      const row = await repo.ruleSet(id);
      if (!row) throw new AppError('rules.version_not_found', { id });
      return row;
    },

    /** Records the versions a priced payment used (payments call this with the set they priced at). */
    remember: (sets: RuleSet[]) => repo.snapshot(db, sets, clock.now()),
  };
}

function strip<T extends { id?: number }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = row;
  return rest;
}

function allSets(book: RuleBook): RuleSet[] {
  return book.versionStarts.map((start) => rulesAt(book, start));
}

export type RulesService = ReturnType<typeof createRulesService>;
