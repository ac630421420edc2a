import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ROLES } from '../../domain/access/roles.ts';
import { authorize, IdParams, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { usersPolicy } from './users.policy.ts';
import type { UserRow } from './users.repository.ts';

const UserItem = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  role: Type.Enum([...ROLES]),
  orgUnit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  phone: Nullable(Type.String()),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  lastLoginAt: Nullable(Type.String({ format: 'date-time' })),
  isDemo: Type.Boolean(),
});

export const usersRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const users = services.users;
  const present = (u: UserRow) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role as (typeof ROLES)[number],
    orgUnit: { id: u.org_unit_id, name: u.org_unit_name },
    phone: u.phone,
    disabled: u.disabled_at !== null,
    locked: u.locked_until !== null && u.locked_until > services.clock.now(),
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    isDemo: u.is_demo,
  });
  const Password = Type.String({ minLength: 1, maxLength: 200 });
  const Phone = Nullable(Type.String({ maxLength: 20, pattern: '^[0-9 +().-]*$' }));

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Người dùng trong phạm vi của người gọi.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            search: Type.Optional(Type.String({ maxLength: 100 })),
            role: Type.Optional(Type.Enum([...ROLES])),
            orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          }),
        ]),
        response: { 200: Page(UserItem) },
      },
    },
    async (request) => {
      const actor = authorize(request, usersPolicy.read);
      const result = await users.list(actor, { ...request.query, ...page(request.query) });
      return { items: result.items.map(present), total: result.total };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags: ['users'], params: IdParams, response: { 200: UserItem } } },
    async (request) => {
      const actor = authorize(request, usersPolicy.read);
      return present(await users.get(actor, request.params.id));
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng; không gửi mật khẩu thì hệ thống sinh mật khẩu và trả về một lần.',
        body: Type.Object({
          username: Type.String({ minLength: 3, maxLength: 50, pattern: '^[A-Za-z0-9._-]+$' }),
          fullName: Type.String({ minLength: 1, maxLength: 120 }),
          role: Type.Enum([...ROLES]),
          orgUnitId: Type.Integer({ minimum: 1 }),
          password: Type.Optional(Password),
          phone: Type.Optional(Phone),
        }),
        response: { 201: Type.Object({ user: UserItem, password: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, usersPolicy.manage);
      const { user, password } = await users.create(actor, request.body);
      return reply.status(201).send({ user: present(user), ...(password ? { password } : {}) });
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        params: IdParams,
        body: Type.Object({
          fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          role: Type.Optional(Type.Enum([...ROLES])),
          orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          phone: Type.Optional(Phone),
          disabled: Type.Optional(Type.Boolean()),
        }),
        response: { 200: UserItem },
      },
    },
    async (request) => {
      const actor = authorize(request, usersPolicy.manage);
      return present(await users.update(actor, request.params.id, request.body));
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu (mở khóa, đăng xuất mọi phiên); mật khẩu mới trả về một lần.',
        params: IdParams,
        body: Type.Optional(Type.Object({ password: Type.Optional(Password) })),
        response: { 200: Type.Object({ password: Type.String() }) },
      },
    },
    async (request) => {
      const actor = authorize(request, usersPolicy.manage);
      return users.resetPassword(actor, request.params.id, request.body?.password);
    },
  );
};
