import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IsoDate, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Nullable(Type.Object({ id: Nullable(Type.Integer()), username: Type.String() })),
  ip: Nullable(Type.String()),
  action: Type.Enum(['insert', 'update', 'delete']),
  entity: Type.String(),
  entityId: Type.String(),
  orgUnitId: Nullable(Type.Integer()),
  changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() })),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký kiểm toán (chỉ ghi thêm), lọc theo người dùng, đơn vị, bản ghi, ngày.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            userId: Type.Optional(Type.Integer({ minimum: 1 })),
            orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
            entity: Type.Optional(Type.String({ maxLength: 60 })),
            entityId: Type.Optional(Type.String({ maxLength: 100 })),
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
          }),
        ]),
        response: { 200: Page(AuditItem) },
      },
    },
    async (request) => {
      authorize(request, 'audit.read');
      const result = await services.audit.list({ ...request.query, ...page(request.query) });
      return {
        total: result.total,
        items: result.items.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actor: row.actor_username ? { id: row.actor_user_id, username: row.actor_username } : null,
          ip: row.ip,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          orgUnitId: row.org_unit_id,
          changes: row.changes,
        })),
      };
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra chuỗi băm của nhật ký: phát hiện dòng bị sửa hoặc xóa.',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBrokenId: Nullable(Type.Integer()),
          }),
        },
      },
    },
    async (request) => {
      authorize(request, 'audit.read');
      return services.audit.verify();
    },
  );
};
