import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { seesFullPersonalIds } from '../../domain/access/roles.ts';
import { CAPTURE_SOURCES, LEAD_PURPOSES, LEAD_SOURCES, LIST_SOURCES } from '../../domain/leads/sources.ts';
import { LEAD_STATUSES, LEAD_STEPS, LOST_REASONS } from '../../domain/leads/steps.ts';
import { maskPersonalId } from '../../domain/registry/personal-id.ts';
import { authorize, IdParams, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import type { Actor } from '../access/access.actor.ts';
import { CHANNELS } from '../participants/participants.service.ts';
import { FUNNEL_BY } from './leads.funnel.ts';
import { leadsPolicy } from './leads.policy.ts';
import type { LeadRow } from './leads.repository.ts';

const Phone = Type.String({ pattern: '^[0-9 +().-]{9,15}$' });
const PersonalId = Type.String({ pattern: '^\\d{12}$', description: '12 chữ số' });
const CommuneCode = Type.String({ pattern: '^\\d{5}$' });
const Note = Type.String({ maxLength: 500 });

const LeadSchema = Type.Object({
  id: Type.Integer(),
  campaignId: Nullable(Type.Integer()),
  source: Type.String(),
  eventId: Nullable(Type.Integer()),
  eventTitle: Nullable(Type.String()),
  participantId: Nullable(Type.Integer()),
  enrollmentId: Nullable(Type.Integer()),
  personalId: Nullable(Type.String()),
  fullName: Type.String(),
  phone: Nullable(Type.String()),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
  provinceCode: Type.String(),
  channel: Type.String(),
  consent: Type.Boolean(),
  purpose: Type.String(),
  assignedTo: Nullable(Type.Object({ id: Type.Integer(), fullName: Type.String() })),
  orgUnit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  status: Type.Enum([...LEAD_STATUSES]),
  contactedAt: Nullable(Type.String()),
  consultedAt: Nullable(Type.String()),
  enrolledAt: Nullable(Type.String()),
  paidAt: Nullable(Type.String()),
  lostAt: Nullable(Type.String()),
  lostReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  isDemo: Type.Boolean(),
});

const Counts = {
  contacted: Type.Integer(),
  consulted: Type.Integer(),
  enrolled: Type.Integer(),
  firstPaid: Type.Integer(),
  retained12m: Type.Integer(),
};
const Rates = Type.Object(
  {
    consulted: Nullable(Type.Number()),
    enrolled: Nullable(Type.Number()),
    firstPaid: Nullable(Type.Number()),
    retained12m: Nullable(Type.Number()),
  },
  { description: 'mỗi bước chia cho bước trước (0–1); null khi bước trước bằng 0' },
);

const SourceParams = Type.Object({ id: Type.Integer({ minimum: 1 }), source: Type.Enum([...LIST_SOURCES]) });
const GenerationSchema = Type.Object({
  processed: Type.Integer({ description: 'số người của danh sách đã xét' }),
  added: Type.Integer({ description: 'số khách hàng tiềm năng mới' }),
  existing: Type.Integer({ description: 'đã có trong chiến dịch (cùng người hoặc cùng số điện thoại)' }),
  finished: Type.Boolean(),
  started: Type.Boolean(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(actor: Actor, l: LeadRow) {
  const personalId = l.personal_id;
  return {
    id: Number(l.id),
    campaignId: l.campaign_id === null ? null : Number(l.campaign_id),
    source: l.source,
    eventId: l.event_id === null ? null : Number(l.event_id),
    eventTitle: l.event_title,
    participantId: l.participant_id === null ? null : Number(l.participant_id),
    enrollmentId: l.enrollment_id === null ? null : Number(l.enrollment_id),
    personalId: personalId && !seesFullPersonalIds(actor.role) ? maskPersonalId(personalId) : personalId,
    fullName: l.full_name,
    phone: l.phone,
    commune: { code: l.commune_code, name: l.commune_name },
    provinceCode: l.province_code,
    channel: l.channel,
    consent: l.consent,
    purpose: l.purpose,
    assignedTo:
      l.assigned_to === null
        ? null
        : { id: l.assigned_to, fullName: l.assigned_name ?? String(l.assigned_to) },
    orgUnit: { id: l.org_unit_id, name: l.org_unit_name },
    status: l.status,
    contactedAt: iso(l.contacted_at),
    consultedAt: iso(l.consulted_at),
    enrolledAt: iso(l.enrolled_at),
    paidAt: iso(l.paid_at),
    lostAt: iso(l.lost_at),
    lostReason: l.lost_reason,
    note: l.note,
    createdAt: l.created_at.toISOString(),
    updatedAt: l.updated_at.toISOString(),
    isDemo: l.is_demo,
  };
}

/** Leads and the funnel: capture, lists, assignment, follow-up; the funnel from its roll-up. */
export const leadsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const leads = services.leads;

  app.get(
    '/leads',
    {
      schema: {
        tags: ['leads'],
        summary: 'Khách hàng tiềm năng trong địa bàn (đại lý: những người được giao cho mình).',
        description:
          'Người chưa xong việc (mới, đã liên hệ, đã tư vấn) đứng trước, mới nhất trước. status=open: chỉ những người đó. search: tên (không dấu, một phần), số điện thoại hoặc số định danh.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
            status: Type.Optional(Type.Enum([...LEAD_STATUSES, 'open'])),
            source: Type.Optional(Type.Enum([...LEAD_SOURCES])),
            assignedTo: Type.Optional(Type.Integer({ minimum: 1 })),
            unassigned: Type.Optional(Type.Boolean()),
            communeCode: Type.Optional(CommuneCode),
            search: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        ]),
        response: { 200: Page(LeadSchema) },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.read);
      const result = await leads.list(actor, { ...request.query, ...page(request.query) });
      return { total: result.total, items: result.items.map((l) => present(actor, l)) };
    },
  );

  app.post(
    '/leads',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Ghi nhận một khách hàng tiềm năng: nhập tay, hoặc gặp tại sự kiện, đoàn xe lưu động, tổ đến từng hộ.',
        description:
          'Số điện thoại chỉ được lưu khi consent = true (Nghị định 13/2023/NĐ-CP). Trùng người (số định danh) hoặc trùng số điện thoại trong cùng chiến dịch: 409 lead.duplicate_person / lead.duplicate_phone. Người đang đóng BHXH tự nguyện: 409 lead.already_participant. Đại lý thu ghi nhận thì khách hàng được giao cho chính mình.',
        body: Type.Object({
          campaignId: Type.Integer({ minimum: 1 }),
          source: Type.Enum([...CAPTURE_SOURCES]),
          eventId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          fullName: Type.String({ minLength: 2, maxLength: 120 }),
          phone: Type.Optional(Nullable(Phone)),
          personalId: Type.Optional(Nullable(PersonalId)),
          communeCode: CommuneCode,
          consent: Type.Boolean({ description: 'người đó đồng ý cho liên hệ vì mục đích đã nêu' }),
          purpose: Type.Enum([...LEAD_PURPOSES]),
          channel: Type.Optional(Type.Enum([...CHANNELS])),
          note: Type.Optional(Nullable(Note)),
          orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          assignedTo: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
        }),
        response: { 201: LeadSchema },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, leadsPolicy.capture);
      return reply.status(201).send(present(actor, await leads.capture(actor, request.body)));
    },
  );

  app.post(
    '/leads/assign',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Giao khách hàng tiềm năng cho một đại lý hoặc cán bộ trong địa bàn (agentUserId null: thu hồi).',
        description:
          'Tất cả hoặc không: người nhận phải phụ trách xã của mọi khách hàng đã chọn (400 lead.agent_not_serving).',
        body: Type.Object({
          leadIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }),
          agentUserId: Nullable(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Type.Object({ assigned: Type.Integer() }) },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.assign);
      return leads.assign(actor, request.body);
    },
  );

  app.get(
    '/leads/:id',
    { schema: { tags: ['leads'], params: IdParams, response: { 200: LeadSchema } } },
    async (request) => {
      const actor = authorize(request, leadsPolicy.read);
      return present(actor, await leads.load(actor, request.params.id));
    },
  );

  app.patch(
    '/leads/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'Sửa thông tin liên hệ; consent = false xóa số điện thoại.',
        params: IdParams,
        body: Type.Object({
          fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
          phone: Type.Optional(Nullable(Phone)),
          personalId: Type.Optional(Nullable(PersonalId)),
          consent: Type.Optional(Type.Boolean()),
          purpose: Type.Optional(Type.Enum([...LEAD_PURPOSES])),
          note: Type.Optional(Nullable(Note)),
        }),
        response: { 200: LeadSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.edit);
      return present(actor, await leads.edit(actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/leads/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'Xóa khách hàng tiềm năng (khi người đó yêu cầu); hồ sơ người tham gia, nếu có, vẫn giữ.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, leadsPolicy.erase);
      await leads.erase(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/leads/:id/follow-up',
    {
      schema: {
        tags: ['leads'],
        summary: 'Ghi nhận một bước: đã liên hệ, đã tư vấn (kèm nội dung), không tham gia (kèm lý do).',
        description:
          'Đăng ký và đóng tiền không ghi ở đây: khi người đó đăng ký BHXH tự nguyện trong cùng chiến dịch (cùng người, số định danh hoặc số điện thoại), hay đóng tiền, khách hàng tự chuyển bước trong cùng giao dịch.',
        params: IdParams,
        body: Type.Object({
          step: Type.Enum([...LEAD_STEPS]),
          note: Type.Optional(Nullable(Note)),
          reason: Type.Optional(Type.Enum([...LOST_REASONS])),
        }),
        response: { 200: LeadSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.followUp);
      return present(actor, await leads.followUp(actor, request.params.id, request.body));
    },
  );

  app.post(
    '/leads/:id/undo',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Hoàn tác bước vừa ghi nhầm (không tham gia → mở lại, đã tư vấn → đã liên hệ, đã liên hệ → mới).',
        params: IdParams,
        response: { 200: LeadSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.followUp);
      return present(actor, await leads.undo(actor, request.params.id));
    },
  );

  app.get(
    '/campaigns/:id/lead-activities',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Sự kiện, đoàn xe lưu động và tổ đến từng hộ của chiến dịch tại các tỉnh bạn phục vụ: nơi gặp khách hàng tiềm năng.',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                kind: Type.String(),
                title: Type.String(),
                onDate: Type.String(),
                provinceCode: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.capture);
      return { items: await leads.activities(actor, request.params.id) };
    },
  );

  app.get(
    '/campaigns/:id/lead-sources',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Các danh sách có sẵn trong địa bàn: số người (đồng ý cho liên hệ) và số đã là khách hàng tiềm năng của chiến dịch.',
        description:
          'list_lapsed: dừng đóng BHXH tự nguyện. list_near_pension: đến tuổi nghỉ hưu trong 5 năm tới, chưa đóng. list_hhi_renewal: chủ hộ có thẻ BHYT hết hạn từ 30 ngày trước đến 62 ngày tới. list_poor: hộ nghèo, cận nghèo chưa đóng.',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                source: Type.Enum([...LIST_SOURCES]),
                people: Type.Integer(),
                already: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.generate);
      return { items: await leads.listSources(actor, request.params.id) };
    },
  );

  app.post(
    '/campaigns/:id/lead-sources/:source/generate',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Tạo khách hàng tiềm năng từ một danh sách, theo từng đợt; chạy lại an toàn, tiếp tục nếu bị ngắt.',
        description:
          'Người đã có trong chiến dịch (cùng người hoặc cùng số điện thoại) không tạo lại: existing. Tiến độ khi đang chạy: GET …/progress.',
        params: SourceParams,
        response: { 200: Type.Intersect([GenerationSchema, Type.Object({ resumed: Type.Boolean() })]) },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.generate);
      return leads.generate(actor, request.params.id, request.params.source);
    },
  );

  app.get(
    '/campaigns/:id/lead-sources/:source/progress',
    {
      schema: {
        tags: ['leads'],
        summary: 'Tiến độ hôm nay của việc tạo khách hàng tiềm năng từ một danh sách.',
        params: SourceParams,
        response: { 200: GenerationSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.generate);
      return leads.progress(actor, request.params.id, request.params.source);
    },
  );

  app.get(
    '/campaigns/:id/funnel',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Phễu vận động của chiến dịch: đã liên hệ → đã tư vấn → đã đăng ký → đã đóng lần đầu → còn đóng sau 12 tháng, theo đơn vị, đại lý hoặc kênh, trong địa bàn.',
        description:
          'Đọc từ bảng tổng hợp stat_funnel (không quét dữ liệu gốc). Tỷ lệ: mỗi bước chia cho bước trước, tối đa 1 (người đăng ký thẳng không qua khách hàng tiềm năng vẫn được tính là đã đăng ký). by=agent: key "0" là chưa giao cho ai.',
        params: IdParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            by: Type.Optional(Type.Enum([...FUNNEL_BY], { default: 'total' })),
            province: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          }),
        ]),
        response: {
          200: Type.Object({
            by: Type.Enum([...FUNNEL_BY]),
            overall: Type.Object({ ...Counts, rates: Rates }),
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                label: Nullable(Type.String()),
                orgUnitName: Nullable(Type.String()),
                provinceCode: Nullable(Type.String()),
                ...Counts,
                rates: Rates,
              }),
            ),
            total: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, leadsPolicy.funnel);
      return leads.funnel(actor, request.params.id, {
        by: request.query.by ?? 'total',
        ...(request.query.province ? { province: request.query.province } : {}),
        ...page(request.query),
      });
    },
  );
};
