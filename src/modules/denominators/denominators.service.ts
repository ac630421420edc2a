import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { type DenominatorRow, parseDenominatorsCsv, type RowProblem } from './denominators.csv.ts';
import { createDenominatorsRepository } from './denominators.repository.ts';

export class DenominatorImportError extends AppError {
  constructor(readonly problems: RowProblem[]) {
    const first = problems[0];
    super('denominator.invalid_file', {
      count: new Set(problems.map((p) => p.row)).size,
      first: first ? `Dòng ${first.row}, cột ${first.field}: ${first.message}.` : '',
    });
    this.fields = problems.map((p) => ({ field: `dòng ${p.row}: ${p.field}`, message: p.message }));
  }
}

export function createDenominatorsService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createDenominatorsRepository(db);
  return {
    asOf: (date: string) => repo.asOf(date),
    dates: () => repo.dates(),

    /** All rows or none: a file with any bad row changes nothing. */
    async importCsv(actor: Actor, text: string, options: { source: string; isDemo?: boolean }) {
      const { rows, problems } = parseDenominatorsCsv(text, await repo.provinceCodes(), options.source);
      if (problems.length > 0) throw new DenominatorImportError(problems);
      if (rows.length === 0) throw new AppError('denominator.empty_file');
      await transact(db, auditContext(actor, clock), (tx) => repo.upsert(tx, rows, options.isDemo ?? false));
      return { imported: rows.length };
    },

    async importRows(actor: Actor, rows: DenominatorRow[], isDemo: boolean) {
      await transact(db, auditContext(actor, clock), (tx) => repo.upsert(tx, rows, isDemo));
      return { imported: rows.length };
    },
  };
}

export type DenominatorsService = ReturnType<typeof createDenominatorsService>;
