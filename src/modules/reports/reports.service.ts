import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { isNationalKind } from '../../domain/orgs/kinds.ts';
import { slugify } from '../../domain/units/normalize.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError, fill, type Lang } from '../../server/errors.ts';
import { type Actor, auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { narrowScope } from '../access/access.scope.ts';
import type { AccessService } from '../access/access.service.ts';
import type { CampaignsService } from '../campaigns/campaigns.service.ts';
import type { DashboardsService } from '../dashboards/dashboards.service.ts';
import type { OrgsService } from '../orgs/orgs.service.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { reportsErrors } from './reports.errors.ts';
import { type FileWriter, openWriter } from './reports.files.ts';
import { describeReport, validateParams } from './reports.input.ts';
import { type Format, KINDS, type ReportKind, type ReportParams } from './reports.kinds.ts';
import { PDF_MAX_ROWS } from './reports.pdf.ts';
import { listsEveryone, mayExport, mayOpenExport } from './reports.policy.ts';
import { createReportsRepository } from './reports.repository.ts';
import { createReportSources } from './reports.sources.ts';

/** Exports written at once in this process (the machine's cores are shared with the requests). */
const PARALLEL = 2;
/** Exports one person may have queued or running. */
const PER_USER = 3;

export interface ExportInput {
  kind: ReportKind;
  format: Format;
  params: ReportParams;
}

interface Job {
  /** The requester, for the audit log. */
  requester: Actor;
  /** The requester narrowed to the report's scope unit: what the queries see. */
  scoped: Actor;
  kind: ReportKind;
  format: Format;
  params: ReportParams;
  lang: Lang;
  scopeName: string;
  stop: AbortController;
  /** Why it was stopped: the requester cancelled it, or the server is shutting down. */
  reason?: 'cancel' | 'shutdown';
  /** Resolves once the job has ended, however it ended. */
  ended: Promise<void>;
  end: () => void;
}

const rowsVi = (n: number) => n.toLocaleString('vi-VN');
const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  queued: { vi: 'đang chờ', en: 'waiting' },
  running: { vi: 'đang xuất', en: 'being written' },
  failed: { vi: 'không thành công', en: 'failed' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
};

/**
 * Report exports as background jobs: asked for over HTTP, written chunk by chunk to a temporary
 * file under DATA_DIR/exports, renamed when complete, with their progress in `report_export`. A
 * file is the requester's alone. A restart fails the exports it interrupted (their partial files
 * deleted), so nothing half-written is ever presented as done.
 */
export function createReportsService({
  db,
  clock,
  dataDir,
  access,
  orgs,
  rules,
  campaigns,
  dashboards,
}: {
  db: Db;
  clock: Clock;
  dataDir: string | null;
  access: AccessService;
  orgs: OrgsService;
  rules: RulesService;
  campaigns: CampaignsService;
  dashboards: DashboardsService;
}) {
  const repo = createReportsRepository(db);
  const sources = createReportSources({ repo, clock, rules, campaigns, dashboards });
  const dir = path.join(dataDir ?? path.join(os.tmpdir(), 'diemtua'), 'exports');
  const jobs = new Map<number, Job>();
  const queue: number[] = [];
  let active = 0;
  let stopping = false;
  let onFailure: (error: unknown, exportId: number) => void = () => {};

  // Writes made after the request ended are the requester's, without the request's id.
  const background = (actor: Actor) => auditContext({ ...actor, requestId: null }, clock);
  const message = (code: keyof typeof reportsErrors, params: Record<string, string | number>, lang: Lang) =>
    fill(reportsErrors[code][lang], params);

  /** The caller narrowed to the scope unit asked for, which must lie in their region. */
  async function scopeOf(actor: Actor, unitId: number | undefined, lang: Lang) {
    if (unitId === undefined) {
      const own = actor.orgUnitId === null ? undefined : await orgs.repo.find(actor, actor.orgUnitId);
      const name = actor.national ? (lang === 'vi' ? 'Toàn quốc' : 'Whole country') : (own?.name ?? '');
      return { scoped: actor, scopeName: name };
    }
    const unit = await orgs.repo.find(actor, unitId);
    if (!unit) throw new AppError('report.scope_unit_outside', { id: unitId }, 'params.scopeUnitId');
    const region = await access.regionOf(unit.path);
    const scoped = narrowScope(
      actor,
      { path: unit.path, province_code: unit.province_code, national: isNationalKind(unit.kind) },
      region,
    );
    return { scoped, scopeName: unit.name };
  }

  function present(row: NonNullable<Awaited<ReturnType<typeof repo.findExport>>>) {
    const total = row.rows_total === null ? null : Number(row.rows_total);
    const done = Number(row.rows_done);
    return {
      id: Number(row.id),
      kind: row.kind,
      format: row.format,
      params: row.params as ReportParams,
      status: row.status,
      rowsDone: done,
      rowsTotal: total,
      /** 0 to 1; null while the total is not yet counted. */
      progress:
        row.status === 'done' ? 1 : total === null ? null : total === 0 ? 0 : Math.min(1, done / total),
      fileName: row.file_name,
      bytes: row.bytes === null ? null : Number(row.bytes),
      error: row.error,
      errorCode: row.error_code,
      requestedBy: { id: row.requested_by, fullName: row.requested_by_name },
      createdAt: row.created_at.toISOString(),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      downloadUrl: row.status === 'done' ? `/api/v1/reports/exports/${row.id}/file` : null,
    };
  }

  async function load(actor: Actor, id: number) {
    const row = await repo.findExport(id);
    if (!row || !mayOpenExport(actor, row)) throw new AppError('report.not_found', { id });
    return row;
  }

  function pump() {
    while (!stopping && active < PARALLEL && queue.length > 0) {
      const id = queue.shift()!;
      const job = jobs.get(id);
      if (!job) continue;
      active++;
      void run(id, job)
        .catch((error) => onFailure(error, id))
        .finally(() => {
          active--;
          jobs.delete(id);
          job.end();
          pump();
        });
    }
  }

  async function run(id: number, job: Job) {
    const token = randomBytes(6).toString('hex');
    const filePath = `report-${id}-${token}.${job.format}`;
    const stem = slugify(describeReport.title(job.kind, job.params, 'vi'));
    const fileName = `${stem}-${vietnamDate(clock)}-${id}.${job.format}`;
    const part = path.join(dir, `${filePath}.part`);
    let writer: FileWriter | null = null;
    try {
      const started = await transact(db, background(job.requester), (tx) =>
        repo.start(tx, id, { at: clock.now(), filePath, fileName }),
      );
      if (!started) return;
      await mkdir(dir, { recursive: true });
      const source = sources.open(job.scoped, job.kind, job.params, job.lang);
      const total = await source.count();
      await transact(db, background(job.requester), (tx) =>
        repo.progress(tx, id, { rowsDone: 0, rowsTotal: total }),
      );
      if (job.format === 'pdf' && total > PDF_MAX_ROWS) {
        throw new AppError('report.pdf_too_large', { rows: rowsVi(total), max: rowsVi(PDF_MAX_ROWS) });
      }
      const sheet = describeReport.sheet({
        kind: job.kind,
        params: job.params,
        lang: job.lang,
        scoped: job.scoped,
        requester: job.requester,
        scopeName: job.scopeName,
        columns: source.columns,
        campaignName: job.params.campaignId ? await repo.campaignName(job.params.campaignId) : null,
        today: vietnamDate(clock),
        now: clock.now(),
      });
      writer = await openWriter(job.format, part, sheet);
      let rows = 0;
      for await (const chunk of source.chunks()) {
        if (job.stop.signal.aborted) break;
        rows += chunk.length;
        if (job.format === 'pdf' && rows > PDF_MAX_ROWS) {
          throw new AppError('report.pdf_too_large', { rows: rowsVi(rows), max: rowsVi(PDF_MAX_ROWS) });
        }
        await writer.write(chunk);
        await transact(db, background(job.requester), (tx) => repo.progress(tx, id, { rowsDone: rows }));
      }
      if (job.stop.signal.aborted) {
        await writer.abort();
        writer = null;
        await rm(part, { force: true });
        if (job.reason === 'shutdown') await failed(id, job, new AppError('report.interrupted'));
        return;
      }
      await writer.finish();
      writer = null;
      const final = path.join(dir, filePath);
      await rename(part, final);
      const { size } = await stat(final);
      const finished = await transact(db, background(job.requester), (tx) =>
        repo.finish(tx, id, { at: clock.now(), rows, bytes: size }),
      );
      // Cancelled in the last moment: the file is nobody's.
      if (!finished) await rm(final, { force: true });
    } catch (error) {
      await writer?.abort().catch(() => {});
      await rm(part, { force: true });
      await failed(id, job, error);
      // The requester's errors (too long for a PDF…) are theirs to read; anything else is ours.
      if (!(error instanceof AppError && error.code in reportsErrors)) onFailure(error, id);
    }
  }

  async function failed(id: number, job: Pick<Job, 'requester' | 'lang'>, error: unknown) {
    const known = error instanceof AppError && error.code in reportsErrors;
    const code = known ? (error.code as keyof typeof reportsErrors) : 'report.failed';
    const params = known ? error.params : { ref: `XB-${id}` };
    await transact(db, background(job.requester), (tx) =>
      repo.fail(tx, id, { at: clock.now(), code, message: message(code, params, job.lang) }),
    );
  }

  return {
    /** Where finished files are kept. */
    dir,

    /** Failures that are ours (not the requester's): for the server log. */
    onFailure(handler: (error: unknown, exportId: number) => void) {
      onFailure = handler;
    },

    async create(actor: Actor, input: ExportInput, lang: Lang) {
      if (!mayExport(actor, input.kind)) {
        throw new AppError('report.kind_forbidden', {
          role: actor.role,
          report: KINDS[input.kind].title.vi,
          reportEn: KINDS[input.kind].title.en,
        });
      }
      const params = validateParams(input.kind, input.params);
      if (params.campaignId !== undefined) await campaigns.get(params.campaignId);
      const { scoped, scopeName } = await scopeOf(actor, params.scopeUnitId, lang);
      const unfinished = await repo.countUnfinished(actor.userId!);
      if (unfinished >= PER_USER) throw new AppError('report.too_many_running', { n: unfinished });
      if (input.format === 'pdf') {
        // Counted now, so the person learns at once that a PDF would be too long.
        const rows = await sources.open(scoped, input.kind, params, lang).count();
        if (rows > PDF_MAX_ROWS) {
          throw new AppError('report.pdf_too_large', { rows: rowsVi(rows), max: rowsVi(PDF_MAX_ROWS) });
        }
      }
      const id = await transact(db, auditContext(actor, clock), (tx) =>
        repo.insertExport(tx, {
          requestedBy: actor.userId!,
          kind: input.kind,
          format: input.format,
          params,
          lang,
          at: clock.now(),
        }),
      );
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      jobs.set(id, {
        ended,
        end,
        requester: actor,
        scoped,
        kind: input.kind,
        format: input.format,
        params,
        lang,
        scopeName,
        stop: new AbortController(),
      });
      queue.push(id);
      pump();
      return present((await repo.findExport(id))!);
    },

    async get(actor: Actor, id: number) {
      return present(await load(actor, id));
    },

    async list(actor: Actor, page: { limit: number; offset: number }) {
      const { items, total } = await repo.listExports(listsEveryone(actor) ? null : actor.userId!, page);
      return { items: items.map(present), total };
    },

    /** A finished export's file, for download. */
    async file(actor: Actor, id: number) {
      const row = await load(actor, id);
      if (row.status !== 'done' || !row.file_path) {
        const label = STATUS_LABELS[row.status] ?? { vi: row.status, en: row.status };
        throw new AppError('report.file_not_ready', { id, status: label.vi, statusEn: label.en });
      }
      const file = path.join(dir, row.file_path);
      const found = await stat(file).catch(() => null);
      if (!found) throw new AppError('report.not_found', { id });
      return {
        path: file,
        fileName: row.file_name ?? path.basename(file),
        format: row.format,
        bytes: found.size,
      };
    },

    /** Cancels an export under way (it stays listed as cancelled); removes a finished one and its file. */
    async remove(actor: Actor, id: number) {
      const row = await load(actor, id);
      if (row.status === 'queued' || row.status === 'running') {
        await transact(db, auditContext(actor, clock), (tx) => repo.cancel(tx, id, clock.now()));
        const job = jobs.get(id);
        if (job) {
          job.reason = 'cancel';
          job.stop.abort();
          const waiting = queue.indexOf(id);
          if (waiting >= 0) {
            queue.splice(waiting, 1);
            jobs.delete(id);
            job.end();
          }
        }
        return;
      }
      await transact(db, auditContext(actor, clock), (tx) => repo.remove(tx, id));
      if (row.file_path) await rm(path.join(dir, row.file_path), { force: true });
    },

    /** At start: exports a previous process left unfinished are failed and their files removed. */
    async recover() {
      const left = await transact(db, auditContext(SYSTEM_ACTOR, clock), (tx) =>
        repo.failUnfinished(tx, {
          at: clock.now(),
          code: 'report.interrupted',
          message: message('report.interrupted', {}, 'vi'),
        }),
      );
      for (const row of left) {
        if (!row.file_path) continue;
        await rm(path.join(dir, row.file_path), { force: true });
        await rm(path.join(dir, `${row.file_path}.part`), { force: true });
      }
      return left.length;
    },

    /** On shutdown: exports under way stop and are failed as interrupted; waits for them to end. */
    async stop() {
      stopping = true;
      for (const [, job] of jobs) {
        job.reason = 'shutdown';
        job.stop.abort();
      }
      const waiting = queue.splice(0);
      await Promise.all([...jobs].filter(([id]) => !waiting.includes(id)).map(([, job]) => job.ended));
      for (const id of waiting) {
        const job = jobs.get(id)!;
        await failed(id, job, new AppError('report.interrupted'));
        jobs.delete(id);
        job.end();
      }
    },

    /** Resolves when an export of this process has ended (for tests and benchmarks). */
    async settled(id: number) {
      await jobs.get(id)?.ended;
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
