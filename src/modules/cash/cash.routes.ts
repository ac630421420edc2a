import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../server/errors.ts';
import { authorize, IsoDate, Nullable, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

export const cashRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const cash = services.cash;
  const Balance = {
    balance: Type.Integer(),
    collected: Type.Integer(),
    remitted: Type.Integer(),
    overdue: Type.Integer({ description: 'tiền thu quá 1 ngày chưa nộp' }),
  };

  app.get(
    '/cash/ledger',
    {
      schema: {
        tags: ['cash'],
        summary:
          'Sổ quỹ của một nhân viên thu: tiền thu theo biên lai, hủy, nộp về; số đang giữ và số nộp chậm.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ agentUserId: Type.Optional(Type.Integer({ minimum: 1 })) }),
        ]),
        response: {
          200: Type.Object({
            agent: Type.Object({ id: Type.Integer(), fullName: Type.String(), orgUnitName: Type.String() }),
            ...Balance,
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                kind: Type.String(),
                amount: Type.Integer(),
                reference: Nullable(Type.String()),
                note: Nullable(Type.String()),
                at: Type.String(),
                onDate: Type.String(),
                recordedBy: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'cash.read');
      const agentId = request.query.agentUserId ?? actor.userId;
      if (!agentId) throw new AppError('user.not_found', { id: 0 });
      const ledger = await cash.ledger(actor, agentId, page(request.query));
      return {
        agent: {
          id: ledger.agent.id,
          fullName: ledger.agent.full_name,
          orgUnitName: ledger.agent.org_unit_name,
        },
        balance: ledger.balance,
        collected: ledger.collected,
        remitted: ledger.remitted,
        overdue: ledger.overdue,
        total: ledger.total,
        items: ledger.items.map((e) => ({
          id: Number(e.id),
          kind: e.kind,
          amount: Number(e.amount),
          reference: e.reference,
          note: e.note,
          at: e.at.toISOString(),
          onDate: e.on_date,
          recordedBy: e.recorded_by,
        })),
      };
    },
  );

  app.get(
    '/cash/holders',
    {
      schema: {
        tags: ['cash'],
        summary: 'Nhân viên thu đang giữ tiền trong địa bàn, nộp chậm lên đầu.',
        querystring: PageQuery,
      },
    },
    async (request) => {
      const actor = authorize(request, 'cash.remit');
      const result = await cash.holders(actor, page(request.query));
      return {
        total: result.total,
        items: result.items.map((h) => ({
          agentUserId: h.id,
          fullName: h.full_name,
          username: h.username,
          orgUnitName: h.org_unit_name,
          balance: Number(h.balance),
          overdue: Number(h.overdue),
        })),
      };
    },
  );

  app.post(
    '/cash/remittances',
    {
      schema: {
        tags: ['cash'],
        summary: 'Ghi nhận tiền mặt nhân viên thu nộp về bưu cục / cơ quan BHXH.',
        body: Type.Object({
          agentUserId: Type.Integer({ minimum: 1 }),
          amount: Type.Integer({ minimum: 1 }),
          reference: Type.Optional(Type.String({ maxLength: 100 })),
          note: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 201: Type.Object(Balance) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'cash.remit');
      return reply.status(201).send(await cash.remit(actor, request.body));
    },
  );

  app.get(
    '/commissions',
    {
      schema: {
        tags: ['cash'],
        summary:
          'Bảng kê thù lao tháng theo nhân viên thu hoặc theo đơn vị (tỷ lệ theo thời gian; số minh họa được đánh dấu).',
        querystring: Type.Object({ month: Month, groupBy: Type.Optional(Type.Enum(['agent', 'org'])) }),
      },
    },
    async (request) => {
      const actor = authorize(request, 'cash.read');
      const items = await cash.commissions(actor, {
        month: request.query.month,
        groupBy: request.query.groupBy ?? 'agent',
      });
      return { items, total: items.length };
    },
  );

  const Rate = Type.Object({
    id: Type.Integer(),
    product: Type.Enum(['vsi', 'hhi']),
    rate: Type.Number(),
    validFrom: Type.String(),
    validTo: Nullable(Type.String()),
    basis: Type.String(),
    demo: Type.Boolean(),
  });

  app.get(
    '/commission-rates',
    {
      schema: {
        tags: ['cash'],
        summary: 'Tỷ lệ thù lao theo sản phẩm và thời gian (số minh họa được đánh dấu).',
        response: { 200: Type.Object({ items: Type.Array(Rate), total: Type.Integer() }) },
      },
    },
    async (request) => {
      authorize(request, 'cash.read');
      const items = await cash.rates();
      return { items, total: items.length };
    },
  );

  app.post(
    '/commission-rates',
    {
      schema: {
        tags: ['cash'],
        summary: 'Đặt tỷ lệ thù lao mới từ một ngày (sau hôm nay); tỷ lệ cũ kết thúc hôm trước.',
        body: Type.Object({
          product: Type.Enum(['vsi', 'hhi']),
          rate: Type.Number({ minimum: 0, exclusiveMaximum: 1 }),
          validFrom: IsoDate,
          basis: Type.String({ minLength: 3, maxLength: 300 }),
        }),
      },
    },
    async (request, reply) => {
      // Dated parameters, like the law's: the same administrators set them.
      const actor = authorize(request, 'rules.manage');
      await cash.setRate(actor, request.body);
      return reply.status(201).send({ items: await cash.rates() });
    },
  );
};
