import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { authorize, IsoDate, Nullable } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

const DenominatorItem = Type.Object({
  provinceCode: Type.String(),
  provinceName: Type.String(),
  asOf: Nullable(Type.String()),
  labourForce: Nullable(Type.Integer()),
  compulsoryParticipants: Nullable(Type.Integer()),
  voluntaryOutside: Nullable(Type.Integer()),
  source: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});

export const denominatorsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  // Only this plugin takes uploads. Registered globally, multipart's three per-request hooks cost every
  // API call (the calculator's throughput among them) for one route's sake.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  app.get(
    '/denominators',
    {
      schema: {
        tags: ['denominators'],
        summary:
          'Lực lượng lao động và số tham gia BHXH bắt buộc theo tỉnh, số liệu gần nhất tính đến một ngày.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }),
        response: {
          200: Type.Object({
            items: Type.Array(DenominatorItem),
            total: Type.Integer(),
            dates: Type.Array(Type.Object({ asOf: Type.String(), provinces: Type.Integer() })),
          }),
        },
      },
    },
    async (request) => {
      authorize(request, 'denominators.read');
      const asOf = request.query.asOf ?? vietnamDate(services.clock);
      const [rows, dates] = await Promise.all([
        services.denominators.asOf(asOf),
        services.denominators.dates(),
      ]);
      return {
        total: rows.length,
        dates: dates.map((d) => ({ asOf: d.as_of, provinces: Number(d.provinces) })),
        items: rows.map((r) => ({
          provinceCode: r.province_code,
          provinceName: r.province_name,
          asOf: r.as_of,
          labourForce: r.labour_force,
          compulsoryParticipants: r.compulsory_participants,
          voluntaryOutside: r.voluntary_outside,
          source: r.source,
          isDemo: r.is_demo ?? false,
        })),
      };
    },
  );

  app.post(
    '/denominators/import',
    {
      schema: {
        tags: ['denominators'],
        summary:
          'Nhập CSV (province_code, as_of, labour_force, compulsory_participants, voluntary_outside?, source?). Trước 01/07/2025 có thể dùng mã 63 tỉnh cũ, được cộng vào tỉnh hiện hành. Có dòng lỗi thì không nhập gì.',
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'denominators.import');
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new AppError('denominator.missing_file', {}, 'file');
      const text = (await file.toBuffer()).toString('utf8');
      return services.denominators.importCsv(actor, text, { source: file.filename || 'CSV' });
    },
  );
};
