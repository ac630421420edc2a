import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../server/errors.ts';
import { Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

const UnitItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Enum(['province', 'commune']),
  kind: Type.String(),
  provinceCode: Type.String(),
  provinceName: Type.String(),
});

const ServingUnit = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  network: Type.String(),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

const UnitDetail = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Enum(['province', 'commune']),
  kind: Type.String(),
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  servedBy: Type.Array(ServingUnit),
  formerUnits: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      level: Type.String(),
      districtName: Nullable(Type.String()),
      provinceName: Nullable(Type.String()),
    }),
  ),
  communes: Type.Optional(Type.Integer()),
});

const LegacyItem = Type.Object({
  id: Type.Integer(),
  level: Type.String(),
  code: Type.String(),
  name: Type.String(),
  validTo: Type.String(),
  parentName: Nullable(Type.String()),
  provinceCode: Type.String(),
  provinceName: Type.String(),
});

/** The map of Vietnam is public: citizens use it too, with no login. */
export const unitsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const units = services.units;

  app.get(
    '/units',
    {
      config: { public: true },
      schema: {
        tags: ['units'],
        summary: 'Tỉnh và xã hiện hành (từ 01/07/2025); tìm kiếm không phân biệt dấu.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            level: Type.Optional(Type.Enum(['province', 'commune'])),
            search: Type.Optional(Type.String({ maxLength: 100 })),
            province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          }),
        ]),
        response: { 200: Page(UnitItem) },
      },
    },
    async (request) => {
      const { level = 'commune', search, province } = request.query;
      const filter = { search, province, ...page(request.query) };
      return level === 'province' ? units.listProvinces(filter) : units.listCommunes(filter);
    },
  );

  app.get(
    '/units/legacy',
    {
      config: { public: true },
      schema: {
        tags: ['units'],
        summary: 'Đơn vị hành chính trước 01/07/2025 và tỉnh hiện hành mà chúng được gộp vào.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            level: Type.Optional(Type.Enum(['province', 'district', 'commune'])),
            search: Type.Optional(Type.String({ maxLength: 100 })),
            province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          }),
        ]),
        response: { 200: Page(LegacyItem) },
      },
    },
    async (request) => {
      const { level, search, province } = request.query;
      const result = await units.listLegacy({ level, search, province, ...page(request.query) });
      return {
        total: result.total,
        items: result.items.map((u) => ({
          id: u.id,
          level: u.level,
          code: u.code,
          name: u.name,
          validTo: u.valid_to,
          parentName: u.parent_name,
          provinceCode: u.province_code,
          provinceName: u.province_name,
        })),
      };
    },
  );

  app.get(
    '/units/:code',
    {
      config: { public: true },
      schema: {
        tags: ['units'],
        summary: 'Một tỉnh hoặc xã: tỉnh của nó, cơ quan BHXH và bưu điện phục vụ, các đơn vị cũ đã gộp vào.',
        params: Type.Object({ code: Type.String({ pattern: '^\\d{2}(\\d{3})?$' }) }),
        response: { 200: UnitDetail },
      },
    },
    async (request) => {
      const { code } = request.params;
      if (code.length === 2) {
        const province = await units.findProvince(code);
        if (!province) throw new AppError('unit.not_found', { code });
        const communes = await units.listCommunes({ province: code, limit: 1, offset: 0 });
        return {
          code: province.code,
          name: province.name,
          level: 'province' as const,
          kind: province.kind,
          province: null,
          servedBy: [],
          formerUnits: [],
          communes: communes.total,
        };
      }
      const commune = await units.findCommune(code);
      if (!commune) throw new AppError('unit.not_found', { code });
      const [servedBy, former] = await Promise.all([units.servedBy(code), units.formerUnits(code)]);
      return {
        code: commune.code,
        name: commune.name,
        level: 'commune' as const,
        kind: commune.kind,
        province: { code: commune.province_code, name: commune.province_name },
        servedBy,
        formerUnits: former.map((f) => ({
          code: f.code,
          name: f.name,
          level: f.level,
          districtName: f.district_name,
          provinceName: f.province_name,
        })),
      };
    },
  );
};
