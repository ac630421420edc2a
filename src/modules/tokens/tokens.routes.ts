import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IdParams, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import type { TokenRow } from './tokens.repository.ts';

const TokenItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  user: Type.Object({ id: Type.Integer(), username: Type.String() }),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

export const tokensRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tokens = services.tokens;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const present = (t: TokenRow) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    user: { id: t.user_id, username: t.username },
    createdAt: t.created_at.toISOString(),
    lastUsedAt: iso(t.last_used_at),
    expiresAt: iso(t.expires_at),
    revokedAt: iso(t.revoked_at),
  });

  app.get(
    '/tokens',
    { schema: { tags: ['tokens'], querystring: PageQuery, response: { 200: Page(TokenItem) } } },
    async (request) => {
      authorize(request, 'tokens.manage');
      const result = await tokens.list(page(request.query));
      return { total: result.total, items: result.items.map(present) };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Tạo mã truy cập API cho một người dùng; mã chỉ hiển thị một lần.',
        body: Type.Object({
          userId: Type.Integer({ minimum: 1 }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
        }),
        response: { 201: Type.Object({ id: Type.Integer(), token: Type.String(), item: TokenItem }) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'tokens.manage');
      const { id, token } = await tokens.create(actor, request.body);
      const item = (await tokens.list({ limit: 1, offset: 0, id })).items[0]!;
      return reply.status(201).send({ id, token, item: present(item) });
    },
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags: ['tokens'], params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const actor = authorize(request, 'tokens.manage');
      await tokens.revoke(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
