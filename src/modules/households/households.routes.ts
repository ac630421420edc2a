import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IdParams, IsoDate, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import type { Assignable } from '../participants/participants.agent.ts';
import { participantsPolicy } from '../participants/participants.policy.ts';
import { month } from '../participants/participants.repository.ts';
import {
  AgentOptionSchema,
  AgentSearchQuery,
  AssignAgentBody,
  AssignAgentResult,
  agentOption,
  ResponsibleAgentSchema,
} from '../participants/participants.routes.ts';
import { CHANNELS } from '../participants/participants.service.ts';
import { METHODS } from '../payments/payments.service.ts';

const Member = Type.Object({
  personalId: Type.String({ pattern: '^\\d{12}$' }),
  fullName: Type.String({ minLength: 2, maxLength: 120 }),
  birthDate: IsoDate,
  sex: Type.Enum(['M', 'F']),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9 +().-]{9,15}$' }))),
  otherSource: Type.Optional(Type.Boolean({ description: 'có thẻ BHYT từ nguồn khác: không tính thứ tự' })),
});
const Months = Type.Enum([3, 6, 12]);

export const householdsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const households = services.households;
  const agents = services.responsibleAgents;
  const assignable = (h: Awaited<ReturnType<typeof households.load>>): Assignable => ({
    table: 'household',
    id: Number(h.id),
    communeCode: h.commune_code,
    agentUserId: h.agent_user_id,
    collectorUserId: h.collector_user_id,
  });
  const detail = async (actor: Parameters<typeof households.load>[0], id: number) => {
    const h = await households.load(actor, id);
    const list = await households.members(id);
    let next: Awaited<ReturnType<typeof households.quoteFor>> | null = null;
    try {
      next = await households.quoteFor(h, {});
    } catch {
      next = null; // no paying member: the page says so
    }
    const orderOf = new Map(
      (next?.members ?? []).map((m) => [Number(m.id), { order: m.order, monthly: m.monthly }]),
    );
    return {
      id: Number(h.id),
      head: {
        id: Number(h.head_person_id),
        fullName: h.head_name,
        personalId: services.participants.showId(actor, h.head_personal_id),
      },
      communeCode: h.commune_code,
      address: h.address,
      paymentMonths: h.payment_months,
      paidThrough: month(h.paid_through),
      dueDate: h.due_date,
      orgUnitName: h.org_unit_name,
      responsibleAgent: await agents.of(assignable(h)),
      members: list.map((m) => ({
        id: Number(m.id),
        personId: Number(m.person_id),
        fullName: m.full_name,
        personalId: services.participants.showId(actor, m.personal_id),
        birthDate: m.birth_date,
        position: m.position,
        otherSource: m.other_source,
        fromMonth: month(m.from_month)!,
        toMonth: month(m.to_month),
        nextOrder: orderOf.get(Number(m.id))?.order ?? null,
        nextMonthly: orderOf.get(Number(m.id))?.monthly ?? null,
      })),
      nextPayment: next
        ? {
            from: next.period.from,
            to: next.period.to,
            months: next.period.months,
            total: next.quote.total,
            monthlyTotal: next.quote.monthlyTotal,
            ruleVersion: next.quote.ruleVersion,
          }
        : null,
    };
  };
  const Detail = Type.Object({
    id: Type.Integer(),
    head: Type.Object({ id: Type.Integer(), fullName: Type.String(), personalId: Type.String() }),
    communeCode: Type.String(),
    address: Nullable(Type.String()),
    paymentMonths: Type.Integer(),
    paidThrough: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    orgUnitName: Type.String(),
    responsibleAgent: Nullable(ResponsibleAgentSchema),
    members: Type.Array(
      Type.Object({
        id: Type.Integer(),
        personId: Type.Integer(),
        fullName: Type.String(),
        personalId: Type.String(),
        birthDate: Type.String(),
        position: Type.Integer(),
        otherSource: Type.Boolean(),
        fromMonth: Type.String(),
        toMonth: Nullable(Type.String()),
        nextOrder: Nullable(Type.Integer()),
        nextMonthly: Nullable(Type.Integer()),
      }),
    ),
    nextPayment: Nullable(
      Type.Object({
        from: Type.String(),
        to: Type.String(),
        months: Type.Integer(),
        total: Type.Integer(),
        monthlyTotal: Type.Integer(),
        ruleVersion: Type.String(),
      }),
    ),
  });

  app.get(
    '/households',
    {
      schema: {
        tags: ['households'],
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })) }),
        ]),
        response: {
          200: Page(
            Type.Object({
              id: Type.Integer(),
              headName: Type.String(),
              headPersonalId: Type.String(),
              communeCode: Type.String(),
              address: Nullable(Type.String()),
              members: Type.Integer(),
              paidThrough: Nullable(Type.String()),
              dueDate: Nullable(Type.String()),
            }),
          ),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      const result = await households.search(actor, { search: request.query.search, ...page(request.query) });
      return {
        total: result.total,
        items: result.items.map((h) => ({
          id: Number(h.id),
          headName: h.head_name,
          headPersonalId: services.participants.showId(actor, h.head_personal_id),
          communeCode: h.commune_code,
          address: h.address,
          members: Number(h.members),
          paidThrough: month(h.paid_through),
          dueDate: h.due_date,
        })),
      };
    },
  );

  app.post(
    '/households',
    {
      schema: {
        tags: ['households'],
        summary: 'Lập hộ gia đình tham gia BHYT: chủ hộ là thành viên đầu tiên.',
        body: Type.Object({
          communeCode: Type.String({ pattern: '^\\d{5}$' }),
          address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
          paymentMonths: Months,
          members: Type.Array(Member, { minItems: 1, maxItems: 30 }),
          orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          channel: Type.Optional(
            Type.Enum([...CHANNELS], {
              description: 'mặc định: bưu cục nếu đơn vị thuộc Bưu điện, còn lại tận nhà',
            }),
          ),
          campaignId: Type.Optional(
            Nullable(
              Type.Integer({ minimum: 1, description: 'mặc định: chiến dịch đang diễn ra; null: không' }),
            ),
          ),
          eventId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
        }),
        response: { 201: Detail },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'participants.enroll');
      const h = await households.create(actor, request.body as never);
      return reply.status(201).send(await detail(actor, Number(h.id)));
    },
  );

  app.get(
    '/households/:id',
    { schema: { tags: ['households'], params: IdParams, response: { 200: Detail } } },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/households/:id/members',
    {
      schema: {
        tags: ['households'],
        summary: 'Thêm thành viên; thứ tự và mức giảm thay đổi từ kỳ đóng sau.',
        params: IdParams,
        body: Member,
        response: { 201: Detail },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'participants.enroll');
      await households.addMember(actor, request.params.id, request.body);
      return reply.status(201).send(await detail(actor, request.params.id));
    },
  );

  app.delete(
    '/households/:id/members/:memberId',
    {
      schema: {
        tags: ['households'],
        summary: 'Thành viên rời hộ sau kỳ đã đóng; thứ tự các thành viên khác thay đổi từ kỳ sau.',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), memberId: Type.Integer({ minimum: 1 }) }),
        response: { 200: Detail },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.enroll');
      await households.removeMember(actor, request.params.id, request.params.memberId);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/households/:id/payments',
    {
      schema: {
        tags: ['households'],
        summary: 'Thu tiền BHYT hộ gia đình cho 3, 6 hoặc 12 tháng, có biên lai.',
        params: IdParams,
        body: Type.Object({
          months: Type.Optional(Months),
          method: Type.Enum([...METHODS]),
          amount: Type.Integer({ minimum: 0 }),
          paymentDate: Type.Optional(IsoDate),
          receiptNumber: Type.Optional(Type.String({ pattern: '^BL-\\d{8,}$' })),
        }),
        response: {
          201: Type.Object({
            receipt: Type.Object({ number: Type.String(), pdf: Type.String(), html: Type.String() }),
            period: Type.Object({ from: Type.String(), to: Type.String(), months: Type.Integer() }),
            amount: Type.Integer(),
            paidThrough: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'payments.collect');
      const r = await households.pay(actor, request.params.id, request.body as never);
      return reply.status(201).send({
        receipt: {
          number: r.receiptNumber,
          pdf: `/api/v1/receipts/${r.receiptNumber}.pdf`,
          html: `/api/v1/receipts/${r.receiptNumber}.html`,
        },
        period: r.period,
        amount: r.quote.total,
        paidThrough: r.paidThrough,
      });
    },
  );
  app.get(
    '/households/:id/agents',
    {
      schema: {
        tags: ['households'],
        summary:
          'Người thu có thể giao phụ trách hộ: đại lý thu đang làm việc, của đơn vị phục vụ xã nơi hộ cư trú.',
        params: IdParams,
        querystring: AgentSearchQuery,
        response: { 200: Page(AgentOptionSchema) },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.assignAgent);
      const h = await households.load(actor, request.params.id);
      const found = await agents.candidates(actor, h.commune_code, {
        search: request.query.search,
        ...page(request.query),
      });
      return { total: found.total, items: found.items.map(agentOption) };
    },
  );

  app.put(
    '/households/:id/agent',
    {
      schema: {
        tags: ['households'],
        summary:
          'Giao người thu phụ trách gia hạn BHYT của hộ: hộ vào danh sách việc cần làm của người thu mới.',
        description:
          'Như PUT /participants/{id}/agent: chỉ đại lý thu của đơn vị phục vụ xã nơi hộ cư trú; giao lại đúng người đang phụ trách không ghi gì.',
        params: IdParams,
        body: AssignAgentBody,
        response: { 200: AssignAgentResult },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.assignAgent);
      const target = assignable(await households.load(actor, request.params.id));
      const { changed, collectorUserId } = await agents.assign(actor, target, request.body.agentUserId);
      return { changed, responsibleAgent: await agents.of({ ...target, collectorUserId }) };
    },
  );
};
