import fs from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pickLang } from '../../server/error-handler.ts';
import { authorize, IdParams, IsoDate, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { CONTENT_TYPES } from './reports.files.ts';
import { FORMATS, GROUPS, REPORT_KINDS } from './reports.kinds.ts';

const Params = Type.Object(
  {
    campaignId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Chiến dịch; bỏ trống: mọi chiến dịch.' }),
    ),
    product: Type.Optional(Type.Enum(['vsi', 'hhi'])),
    from: Type.Optional({ ...IsoDate, description: 'Ngày đầu (tiến độ theo tỉnh, theo kênh; hạn đóng).' }),
    to: Type.Optional({ ...IsoDate, description: 'Ngày cuối.' }),
    asOf: Type.Optional({ ...IsoDate, description: 'Ngày tính độ bao phủ; bỏ trống: hôm nay.' }),
    scopeUnitId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Một đơn vị trong địa bàn của bạn; bỏ trống: cả địa bàn.' }),
    ),
    groupBy: Type.Optional(Type.Enum([...GROUPS])),
  },
  { additionalProperties: false },
);

const ExportView = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum([...REPORT_KINDS]),
  format: Type.Enum([...FORMATS]),
  params: Params,
  status: Type.Enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  rowsDone: Type.Integer(),
  rowsTotal: Nullable(Type.Integer()),
  progress: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  fileName: Nullable(Type.String()),
  bytes: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  errorCode: Nullable(Type.String()),
  requestedBy: Type.Object({ id: Type.Integer(), fullName: Type.String() }),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  downloadUrl: Nullable(Type.String()),
});

const KIND_HELP =
  'progress: tiến độ theo tỉnh, đơn vị, nhân viên thu hoặc kênh; funnel: phễu vận động; kpis: kết quả ' +
  'tuyên truyền theo tỉnh; coverage: độ bao phủ theo tỉnh tại một ngày; lapsed: danh sách dừng đóng BHXH ' +
  'tự nguyện để vận động lại (theo từng người).';

export const reportsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const reports = services.reports;
  reports.onFailure((error, exportId) => app.log.error({ err: error, exportId }, 'report export failed'));
  // Exports a previous run left unfinished are failed at start, and stopped cleanly at shutdown.
  app.addHook('onReady', async () => {
    await reports.recover();
  });
  app.addHook('onClose', async () => {
    await reports.stop();
  });

  app.post(
    '/reports/exports',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Xuất báo cáo ra tệp CSV, XLSX hoặc PDF: chạy nền, theo dõi tiến độ ở GET /reports/exports/{id}.',
        description: `${KIND_HELP} Báo cáo chỉ lấy số liệu trong địa bàn của người xuất.`,
        body: Type.Object({
          kind: Type.Enum([...REPORT_KINDS]),
          format: Type.Enum([...FORMATS]),
          params: Type.Optional(Params),
        }),
        response: { 201: ExportView },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'reports.export');
      const { kind, format, params = {} } = request.body;
      return reply.status(201).send(await reports.create(actor, { kind, format, params }, pickLang(request)));
    },
  );

  app.get(
    '/reports/exports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Các bản xuất báo cáo của tôi, mới nhất trước (quản trị viên: của mọi người).',
        querystring: PageQuery,
        response: { 200: Page(ExportView) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'reports.export');
      return reports.list(actor, page(request.query));
    },
  );

  app.get(
    '/reports/exports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Trạng thái và tiến độ của một bản xuất.',
        params: IdParams,
        response: { 200: ExportView },
      },
    },
    async (request) => {
      const actor = authorize(request, 'reports.export');
      return reports.get(actor, request.params.id);
    },
  );

  app.get(
    '/reports/exports/:id/file',
    {
      // The file is written once, compressed or not by its format (XLSX is a zip already).
      compress: false,
      schema: {
        tags: ['reports'],
        summary: 'Tải tệp của một bản xuất đã xong.',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'reports.export');
      const file = await reports.file(actor, request.params.id);
      return reply
        .type(CONTENT_TYPES[file.format])
        .header(
          'content-disposition',
          `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('content-length', file.bytes)
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(file.path));
    },
  );

  app.delete(
    '/reports/exports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Hủy một bản xuất đang chạy (vẫn hiện là đã hủy), hoặc xóa một bản đã xong cùng tệp của nó.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'reports.export');
      await reports.remove(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
