import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IdParams, IsoDate, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { ActivityItem, Kpis } from './campaigns.schemas.ts';
import { ACTIVITY_KINDS, BRIDGE_FORMS, BRIDGE_LEVELS, PRODUCTS } from './campaigns.service.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });

const CampaignBody = Type.Object({
  name: Text(200),
  theme: Text(300),
  startsOn: IsoDate,
  endsOn: IsoDate,
  products: Type.Array(Type.Enum([...PRODUCTS]), { minItems: 1, maxItems: 2 }),
  organisers: Type.Array(Text(200), { minItems: 1, maxItems: 20 }),
  legalBasis: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 3000 }))),
  launchAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
});

const Campaign = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  theme: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  products: Type.Array(Type.String()),
  organisers: Type.Array(Type.String()),
  legalBasis: Nullable(Type.String()),
  description: Nullable(Type.String()),
  launchAt: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});

const Check = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  confirmedAt: Nullable(Type.String()),
  confirmedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

const Created = Type.Object({ id: Type.Integer() });
const CampaignParams = Type.Object({ campaignId: Type.Integer({ minimum: 1 }) });

/** The campaign record, its launch ceremony, its activities on the ground and their checklists. */
export const campaignsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const campaigns = services.campaigns;

  app.get(
    '/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Các chiến dịch, mới nhất trước; lọc theo đang diễn ra, sắp tới hoặc đã kết thúc.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ status: Type.Optional(Type.Enum(['ongoing', 'upcoming', 'ended'])) }),
        ]),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Intersect([
                Campaign,
                Type.Object({ status: Type.Enum(['ongoing', 'upcoming', 'ended']) }),
              ]),
            ),
          }),
        },
      },
    },
    async (request) => {
      authorize(request, 'participants.read');
      return campaigns.list({ ...page(request.query), status: request.query.status });
    },
  );

  app.post(
    '/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Tạo chiến dịch: tên, chủ đề, thời gian, sản phẩm, đơn vị tổ chức, căn cứ (kế hoạch liên tịch).',
        body: CampaignBody,
        response: { 201: Campaign },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'campaigns.manage');
      return reply.status(201).send(await campaigns.create(actor, request.body));
    },
  );

  app.get(
    '/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Một chiến dịch.',
        params: IdParams,
        response: { 200: Campaign },
      },
    },
    async (request) => {
      authorize(request, 'participants.read');
      return campaigns.get(request.params.id);
    },
  );

  app.patch(
    '/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Sửa chiến dịch.',
        params: IdParams,
        body: Type.Partial(CampaignBody),
        response: { 200: Campaign },
      },
    },
    async (request) => {
      const actor = authorize(request, 'campaigns.manage');
      return campaigns.update(actor, request.params.id, request.body);
    },
  );

  app.get(
    '/campaigns/:campaignId/launch',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Lễ ra quân: mọi điểm cầu, đã lên sóng chưa, số người dự, danh mục kiểm tra và số đăng ký từ khi lễ bắt đầu.',
        params: CampaignParams,
        response: {
          200: Type.Object({
            campaignId: Type.Integer(),
            launchAt: Nullable(Type.String()),
            started: Type.Boolean(),
            asOf: Type.String(),
            registrations: Type.Integer(),
            /** The same registrations by product, for the wall's VSI and HHI counters. */
            byProduct: Type.Object({ vsi: Type.Integer(), hhi: Type.Integer() }),
            live: Type.Integer(),
            sites: Type.Integer(),
            attendance: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                parentId: Nullable(Type.Integer()),
                level: Type.String(),
                name: Type.String(),
                form: Type.String(),
                orgUnitId: Type.Integer(),
                orgUnitName: Type.String(),
                provinceCode: Nullable(Type.String()),
                streamUrl: Nullable(Type.String()),
                plannedAttendance: Nullable(Type.Integer()),
                liveAt: Nullable(Type.String()),
                attendance: Nullable(Type.Integer()),
                checkedInBy: Nullable(Type.String()),
                registrations: Type.Integer(),
                checklist: Type.Array(Check),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return campaigns.launch(actor, request.params.campaignId);
    },
  );

  app.post(
    '/campaigns/:campaignId/bridges',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Thêm điểm cầu: trung ương, tỉnh, cơ sở hoặc bưu cục; hình thức trực tuyến, tiếp sóng hoặc trực tiếp.',
        params: CampaignParams,
        body: Type.Object({
          parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          level: Type.Enum([...BRIDGE_LEVELS]),
          orgUnitId: Type.Integer({ minimum: 1 }),
          name: Text(200),
          form: Type.Enum([...BRIDGE_FORMS]),
          streamUrl: Type.Optional(Nullable(Type.String({ maxLength: 500, pattern: '^https?://' }))),
          plannedAttendance: Type.Optional(Nullable(Count)),
        }),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const actor = authorize(
        request,
        request.body.level === 'central' ? 'campaigns.manage' : 'activities.log',
      );
      return reply
        .status(201)
        .send(await campaigns.addBridge(actor, request.params.campaignId, request.body));
    },
  );

  app.post(
    '/bridges/:id/check-in',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Điểm cầu lên sóng, với số người dự; live = false để hoàn tác.',
        params: IdParams,
        body: Type.Object({ live: Type.Boolean(), attendance: Type.Optional(Nullable(Count)) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'activities.log');
      await campaigns.checkIn(actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/bridges/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Xóa một điểm cầu không còn điểm cầu cấp dưới.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'activities.log');
      await campaigns.removeBridge(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/campaigns/:campaignId/activities',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Hoạt động của chiến dịch trong địa bàn: xe diễu hành, hội nghị, tổ tuyên truyền, loa, bài viết.',
        params: CampaignParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ kind: Type.Optional(Type.Enum([...ACTIVITY_KINDS])) }),
        ]),
        response: { 200: Page(ActivityItem) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return campaigns.activities(actor, request.params.campaignId, {
        ...page(request.query),
        kind: request.query.kind,
      });
    },
  );

  app.post(
    '/campaigns/:campaignId/activities',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Ghi nhận một hoạt động của đơn vị, kèm danh mục kiểm tra an toàn mặc định.',
        params: CampaignParams,
        body: Type.Object({
          orgUnitId: Type.Integer({ minimum: 1 }),
          kind: Type.Enum([...ACTIVITY_KINDS]),
          onDate: IsoDate,
          title: Text(300),
          cars: Type.Optional(Count),
          motorbikes: Type.Optional(Count),
          route: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
          communes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{5}$' }), { maxItems: 500 })),
          peopleReached: Type.Optional(Count),
          attendees: Type.Optional(Count),
          items: Type.Optional(Count),
          quantity: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 100_000,
              description:
                'số đoàn, cuộc, tổ, lượt phát thanh, bài… mà bản ghi gộp lại (ví dụ 45 lượt loa trong tuần); mặc định 1',
            }),
          ),
          note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
        }),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'activities.log');
      return reply
        .status(201)
        .send(await campaigns.logActivity(actor, request.params.campaignId, request.body));
    },
  );

  app.delete(
    '/activities/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Xóa một hoạt động ghi nhầm.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'activities.log');
      await campaigns.removeActivity(actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/campaigns/:campaignId/kpis',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Các chỉ tiêu hoạt động như báo cáo năm 2022: đoàn xe, ô tô, xe máy, xã đi qua, hội nghị, tổ tuyên truyền…',
        params: CampaignParams,
        response: { 200: Kpis },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return campaigns.kpis(actor, request.params.campaignId);
    },
  );

  app.get(
    '/activities/:id/checklist',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Danh mục kiểm tra của một hoạt động, ai đã xác nhận.',
        params: IdParams,
        response: { 200: Type.Array(Check) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return campaigns.checklist(actor, request.params.id);
    },
  );

  app.post(
    '/checklist',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Thêm một mục kiểm tra cho một hoạt động hoặc một điểm cầu.',
        body: Type.Union([
          Type.Object({ activityId: Type.Integer({ minimum: 1 }), label: Text(300) }),
          Type.Object({ bridgeId: Type.Integer({ minimum: 1 }), label: Text(300) }),
        ]),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'activities.log');
      const body = request.body as { activityId?: number; bridgeId?: number; label: string };
      return reply
        .status(201)
        .send(
          await campaigns.addCheck(
            actor,
            { activityId: body.activityId, bridgeId: body.bridgeId },
            body.label,
          ),
        );
    },
  );

  app.put(
    '/checklist/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Xác nhận một mục kiểm tra (confirmed = false để hoàn tác).',
        params: IdParams,
        body: Type.Object({
          confirmed: Type.Boolean(),
          note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
        }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'activities.log');
      await campaigns.confirmCheck(actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
