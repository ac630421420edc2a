import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ORG_KIND_NAMES } from '../../domain/orgs/kinds.ts';
import { authorize, IdParams, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { orgsPolicy } from './orgs.policy.ts';
import type { OrgRow } from './orgs.repository.ts';

const OrgItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  network: Type.Enum(['vss', 'vnpost', 'agent']),
  kind: Type.Enum(ORG_KIND_NAMES),
  parentId: Nullable(Type.Integer()),
  provinceCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  communes: Type.Integer(),
  isDemo: Type.Boolean(),
});

const present = (o: OrgRow) => ({
  id: o.id,
  code: o.code,
  name: o.name,
  network: o.network,
  kind: o.kind,
  parentId: o.parent_id,
  provinceCode: o.province_code,
  address: o.address,
  phone: o.phone,
  communes: o.communes,
  isDemo: o.is_demo,
});

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const orgsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const orgs = services.orgs;

  app.get(
    '/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Đơn vị tổ chức trong phạm vi của người gọi (BHXH, Bưu điện, đại lý thu).',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            network: Type.Optional(Type.Enum(['vss', 'vnpost', 'agent'])),
            kind: Type.Optional(Type.Enum(ORG_KIND_NAMES)),
            province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
            parentId: Type.Optional(Type.Integer({ minimum: 1 })),
            search: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        ]),
        response: { 200: Page(OrgItem) },
      },
    },
    async (request) => {
      const actor = authorize(request, orgsPolicy.read);
      const result = await orgs.list(actor, { ...request.query, ...page(request.query) });
      return { items: result.items.map(present), total: result.total };
    },
  );

  app.get(
    '/org-units/:id',
    {
      schema: {
        tags: ['org-units'],
        params: IdParams,
        response: {
          200: Type.Intersect([
            OrgItem,
            Type.Object({
              parent: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
              children: Type.Array(OrgItem),
            }),
          ]),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, orgsPolicy.read);
      const { org, children, parent } = await orgs.detail(actor, request.params.id);
      return { ...present(org), parent, children: children.map(present) };
    },
  );

  app.get(
    '/org-units/:id/communes',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Địa bàn phục vụ của một đơn vị.',
        params: IdParams,
        querystring: PageQuery,
        response: {
          200: Page(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() })),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, orgsPolicy.read);
      return orgs.communes(actor, request.params.id, page(request.query));
    },
  );

  app.post(
    '/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Tạo đơn vị trực thuộc một đơn vị trong phạm vi của người gọi.',
        body: Type.Object({
          parentId: Type.Integer({ minimum: 1 }),
          code: Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' }),
          name: Text(200),
          kind: Type.Enum(ORG_KIND_NAMES),
          address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
          phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[0-9 +().-]*$' }))),
          communeCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{5}$' }), { maxItems: 500 })),
        }),
        response: { 201: OrgItem },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, orgsPolicy.manage);
      const org = await orgs.create(actor, request.body);
      return reply.status(201).send(present(org));
    },
  );

  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags: ['org-units'],
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Text(200)),
          address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
          phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[0-9 +().-]*$' }))),
        }),
        response: { 200: OrgItem },
      },
    },
    async (request) => {
      const actor = authorize(request, orgsPolicy.manage);
      return present(await orgs.update(actor, request.params.id, request.body));
    },
  );
};
