import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CATEGORIES } from '../../domain/law/index.ts';
import { PERIODIC_MODES, STATUSES } from '../../domain/registry/periods.ts';
import { authorize, IdParams, IsoDate, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { participantsPolicy } from './participants.policy.ts';
import { month } from './participants.repository.ts';
import { CHANNELS } from './participants.service.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const PersonalId = Type.String({ pattern: '^\\d{12}$', description: '12 chữ số' });
const Phone = Type.String({ pattern: '^[0-9 +().-]{9,15}$' });

export const ResponsibleAgentSchema = Type.Object(
  {
    userId: Type.Integer(),
    fullName: Type.String(),
    username: Type.String(),
    unitName: Type.String(),
    active: Type.Boolean({ description: 'tài khoản còn dùng được' }),
    assigned: Type.Boolean({ description: 'do cán bộ giao; false: người đã đăng ký cho người này' }),
  },
  { description: 'Người thu phụ trách: danh sách việc cần làm của người này có kỳ đóng này.' },
);

export const AgentOptionSchema = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  username: Type.String(),
  phone: Nullable(Type.String()),
  unitName: Type.String(),
});

export const AssignAgentBody = Type.Object({
  agentUserId: Nullable(
    Type.Integer({ minimum: 1, description: 'null: trở lại người đã đăng ký cho người tham gia' }),
  ),
});

export const AssignAgentResult = Type.Object({
  changed: Type.Boolean({ description: 'false: người này đã được giao, không ghi gì thêm' }),
  responsibleAgent: Nullable(ResponsibleAgentSchema),
});

export const AgentSearchQuery = Type.Intersect([
  PageQuery,
  Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })) }),
]);

const EnrollmentSchema = Type.Object({
  id: Type.Integer(),
  monthlyIncome: Type.Integer(),
  paymentMode: Type.String(),
  startMonth: Type.String(),
  paidThrough: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  status: Type.String(),
  statusSince: Type.String(),
  supportedMonthsUsed: Type.Integer(),
  monthsPaid: Type.Integer(),
  channel: Type.String(),
  agentUserId: Nullable(Type.Integer()),
  responsibleAgent: Nullable(ResponsibleAgentSchema),
  campaignId: Nullable(Type.Integer()),
  eventId: Nullable(Type.Integer()),
});

export const ParticipantSchema = Type.Object({
  id: Type.Integer(),
  personalId: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  sex: Type.Enum(['M', 'F']),
  ethnicity: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  categories: Type.Array(Type.String()),
  categoryEvidence: Type.Record(Type.String(), Type.String()),
  contactConsent: Type.Boolean(),
  contactConsentAt: Nullable(Type.String()),
  orgUnit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  deceasedOn: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  enrollment: Nullable(EnrollmentSchema),
});

const ListItem = Type.Object({
  id: Type.Integer(),
  personalId: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  sex: Type.String(),
  phone: Nullable(Type.String()),
  communeCode: Type.String(),
  provinceCode: Type.String(),
  orgUnit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  status: Nullable(Type.String()),
  paidThrough: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
});

const QuoteSchema = Type.Object({
  ruleVersion: Type.String(),
  months: Type.Integer(),
  grossMonthly: Type.Integer(),
  stateSupportMonthly: Type.Integer(),
  localSupportMonthly: Type.Integer(),
  netMonthly: Type.Integer(),
  supportedMonths: Type.Integer(),
  total: Type.Integer(),
  steps: Type.Array(Type.Object({ label: Type.String(), value: Type.Union([Type.Number(), Type.String()]) })),
});

export const participantsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const participants = services.participants;
  const agents = services.responsibleAgents;

  const present = async (actor: Parameters<typeof participants.showId>[0], id: number) => {
    const p = await participants.load(actor, id);
    const e = await participants.repo.enrollmentOf(id);
    return {
      id: Number(p.id),
      personalId: participants.showId(actor, p.personal_id),
      fullName: p.full_name,
      birthDate: p.birth_date,
      sex: p.sex,
      ethnicity: p.ethnicity,
      phone: p.phone,
      commune: { code: p.commune_code, name: p.commune_name },
      province: { code: p.province_code, name: p.province_name },
      categories: p.categories,
      categoryEvidence: p.category_evidence as Record<string, string>,
      contactConsent: p.contact_consent,
      contactConsentAt: p.contact_consent_at?.toISOString() ?? null,
      orgUnit: { id: p.org_unit_id, name: p.org_unit_name },
      deceasedOn: p.deceased_on,
      isDemo: p.is_demo,
      enrollment: e
        ? {
            id: Number(e.id),
            monthlyIncome: Number(e.monthly_income),
            paymentMode: e.payment_mode,
            startMonth: month(e.start_month)!,
            paidThrough: month(e.paid_through),
            dueDate: e.due_date,
            status: e.status,
            statusSince: e.status_since,
            supportedMonthsUsed: e.supported_months_used,
            monthsPaid: e.months_paid,
            channel: e.channel,
            agentUserId: e.agent_user_id,
            responsibleAgent: await agents.of({
              agentUserId: e.agent_user_id,
              collectorUserId: e.collector_user_id,
            }),
            campaignId: e.campaign_id === null ? null : Number(e.campaign_id),
            eventId: e.event_id === null ? null : Number(e.event_id),
          }
        : null,
    };
  };

  app.post(
    '/participants',
    {
      schema: {
        tags: ['participants'],
        summary: 'Đăng ký người tham gia BHXH tự nguyện (khóa theo số định danh cá nhân).',
        description:
          'Trùng số định danh: 409 participant.duplicate_id, nêu đơn vị đang giữ hồ sơ và số đã che. Gửi kèm Idempotency-Key để gửi lại an toàn.',
        body: Type.Object({
          personalId: PersonalId,
          fullName: Type.String({ minLength: 2, maxLength: 120 }),
          birthDate: IsoDate,
          sex: Type.Enum(['M', 'F']),
          ethnicity: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
          phone: Type.Optional(Nullable(Phone)),
          communeCode: Type.String({ pattern: '^\\d{5}$' }),
          categories: Type.Array(Type.Enum([...CATEGORIES]), { maxItems: 5 }),
          categoryEvidence: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 200 }))),
          contactConsent: Type.Optional(Type.Boolean()),
          monthlyIncome: Type.Integer({ minimum: 1 }),
          paymentMode: Type.Enum([...PERIODIC_MODES]),
          startMonth: Month,
          channel: Type.Optional(Type.Enum([...CHANNELS])),
          orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          campaignId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          eventId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          // What the person declares, both required: true once they confirm it; false is refused
          // (participant.not_eligible). The example goes into the message when it is missing.
          declarations: Type.Object(
            {
              notCompulsory: Type.Boolean({
                description: 'không đang tham gia BHXH bắt buộc',
                examples: [true],
              }),
              noPension: Type.Boolean({
                description: 'không đang hưởng lương hưu hay trợ cấp BHXH hằng tháng',
                examples: [true],
              }),
            },
            {
              description:
                'lời khai của người tham gia: không đang tham gia BHXH bắt buộc (notCompulsory) và không đang hưởng lương hưu hay trợ cấp BHXH hằng tháng (noPension)',
              examples: [{ notCompulsory: true, noPension: true }],
            },
          ),
        }),
        response: { 201: Type.Intersect([ParticipantSchema, Type.Object({ firstPayment: QuoteSchema })]) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, participantsPolicy.enroll);
      const { participant, quote } = await participants.enroll(actor, request.body);
      return reply
        .status(201)
        .send({ ...(await present(actor, Number(participant.id))), firstPayment: quote });
    },
  );

  app.get(
    '/participants',
    {
      schema: {
        tags: ['participants'],
        summary: 'Tìm người tham gia theo tên (không dấu, một phần), số định danh hoặc số điện thoại.',
        description:
          'Tên được tìm theo các từ nguyên vẹn (không kể thứ tự); không có ai đủ các từ đó thì tìm theo một phần bất kỳ của tên. total dừng đếm ở 1000, ở 100 khi tìm theo tên (capped = true), để tìm tên phổ biến vẫn nhanh.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            search: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(Type.Enum([...STATUSES])),
            communeCode: Type.Optional(Type.String({ pattern: '^\\d{5}$' })),
            orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          }),
        ]),
        response: { 200: Type.Intersect([Page(ListItem), Type.Object({ capped: Type.Boolean() })]) },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.read);
      const result = await participants.search(actor, { ...request.query, ...page(request.query) });
      return {
        total: result.total,
        capped: result.capped,
        items: result.items.map((p) => ({
          id: Number(p.id),
          personalId: participants.showId(actor, p.personal_id),
          fullName: p.full_name,
          birthDate: p.birth_date,
          sex: p.sex,
          phone: p.phone,
          communeCode: p.commune_code,
          provinceCode: p.province_code,
          orgUnit: { id: p.org_unit_id, name: p.org_unit_name },
          status: p.status,
          paidThrough: month(p.paid_through),
          dueDate: p.due_date,
        })),
      };
    },
  );

  app.get(
    '/participants/:id',
    { schema: { tags: ['participants'], params: IdParams, response: { 200: ParticipantSchema } } },
    async (request) => {
      const actor = authorize(request, participantsPolicy.read);
      return present(actor, request.params.id);
    },
  );

  app.get(
    '/participants/:id/timeline',
    {
      schema: {
        tags: ['participants'],
        summary: 'Dòng thời gian: đăng ký, các lần thu, biên lai, nhắc đóng, thay đổi trạng thái.',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                at: Type.String(),
                kind: Type.Enum(['enrolled', 'payment', 'void', 'status', 'reminder', 'household']),
                title: Type.String(),
                detail: Type.String(),
                amount: Type.Optional(Type.Integer()),
                receiptNumber: Type.Optional(Type.String()),
                status: Type.Optional(
                  Type.String({ description: 'status code (status and reminder items)' }),
                ),
                channel: Type.Optional(Type.Enum(['sms', 'zalo'])),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.read);
      return { items: await participants.timeline(actor, request.params.id) };
    },
  );

  app.patch(
    '/participants/:id',
    {
      schema: {
        tags: ['participants'],
        params: IdParams,
        body: Type.Object({
          fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
          phone: Type.Optional(Nullable(Phone)),
          ethnicity: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
          communeCode: Type.Optional(Type.String({ pattern: '^\\d{5}$' })),
          categories: Type.Optional(Type.Array(Type.Enum([...CATEGORIES]), { maxItems: 5 })),
          categoryEvidence: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 200 }))),
          contactConsent: Type.Optional(Type.Boolean()),
        }),
        response: { 200: ParticipantSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.edit);
      await participants.update(actor, request.params.id, request.body);
      return present(actor, request.params.id);
    },
  );

  app.post(
    '/participants/:id/end',
    {
      schema: {
        tags: ['participants'],
        summary: 'Kết thúc đăng ký: nghỉ hưu, nhận BHXH một lần hoặc đã mất, với ngày xảy ra.',
        params: IdParams,
        body: Type.Object({
          status: Type.Enum(['retired', 'lump_sum_withdrawn', 'deceased']),
          onDate: IsoDate,
          note: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 200: ParticipantSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.changeStatus);
      await participants.end(actor, request.params.id, request.body);
      return present(actor, request.params.id);
    },
  );

  app.get(
    '/participants/:id/agents',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Người thu có thể giao phụ trách người này: đại lý thu đang làm việc, của đơn vị phục vụ xã nơi người đó cư trú.',
        params: IdParams,
        querystring: AgentSearchQuery,
        response: { 200: Page(AgentOptionSchema) },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.assignAgent);
      const target = await agents.enrollmentOf(actor, request.params.id);
      const found = await agents.candidates(actor, target.communeCode, {
        search: request.query.search,
        ...page(request.query),
      });
      return { total: found.total, items: found.items.map(agentOption) };
    },
  );

  app.put(
    '/participants/:id/agent',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Giao người thu phụ trách đăng ký BHXH tự nguyện của người này: người đó vào danh sách việc cần làm của người thu mới.',
        description:
          'Chỉ đại lý thu đang làm việc của đơn vị phục vụ xã nơi người tham gia cư trú (400 participant.agent_not_serving). Giao lại đúng người đang phụ trách không ghi gì (changed = false). agentUserId null: trở lại người đã đăng ký.',
        params: IdParams,
        body: AssignAgentBody,
        response: { 200: AssignAgentResult },
      },
    },
    async (request) => {
      const actor = authorize(request, participantsPolicy.assignAgent);
      const target = await agents.enrollmentOf(actor, request.params.id);
      const { changed, collectorUserId } = await agents.assign(actor, target, request.body.agentUserId);
      return { changed, responsibleAgent: await agents.of({ ...target, collectorUserId }) };
    },
  );
};

/** One agent a person may be given to, as the picker lists them. */
export const agentOption = (a: {
  id: number;
  full_name: string;
  username: string;
  phone: string | null;
  unit_name: string;
}) => ({ id: a.id, fullName: a.full_name, username: a.username, phone: a.phone, unitName: a.unit_name });
