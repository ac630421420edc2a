import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IdParams, Nullable } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

const Product = Type.Enum(['vsi', 'hhi']);
const Amount = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const PeriodFields = {
  periodStart: Type.Optional(
    Day('ngày bắt đầu (YYYY-MM-DD); bỏ trống là ngày bắt đầu của chiến dịch hoặc chỉ tiêu cấp trên'),
  ),
  periodEnd: Type.Optional(
    Day('ngày kết thúc (YYYY-MM-DD); bỏ trống là ngày kết thúc của chiến dịch hoặc chỉ tiêu cấp trên'),
  ),
};

const TargetFields = {
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  product: Type.String(),
  orgUnitId: Nullable(Type.Integer()),
  agentUserId: Nullable(Type.Integer()),
  name: Type.String(),
  unitKind: Nullable(Type.String()),
  amount: Type.Integer(),
  proposed: Nullable(Type.Integer()),
  overridden: Type.Boolean(),
  periodStart: Type.String({ description: 'chỉ tiêu đặt cho thời gian từ ngày này…' }),
  periodEnd: Type.String({ description: '…đến hết ngày này' }),
  actual: Type.Integer(),
  reached: Type.Number({ description: 'phần chỉ tiêu đã đạt (0–1+)' }),
  elapsed: Type.Number({ description: 'phần thời gian của chỉ tiêu đã qua (0–1)' }),
  forecast: Type.Integer({ description: 'dự báo đến hết thời gian của chỉ tiêu theo nhịp hiện tại' }),
  behind: Type.Boolean({ description: 'chậm hơn tiến độ thời gian quá 10 điểm phần trăm' }),
};
const TargetNode = Type.Object({ ...TargetFields, children: Type.Array(Type.Object(TargetFields)) });

/** Targets per campaign × product × unit, cascaded down the hierarchy, with pace. */
export const targetsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const targets = services.targets;

  app.get(
    '/campaigns/:campaignId/targets',
    {
      schema: {
        tags: ['targets'],
        summary: 'Chỉ tiêu toàn quốc của chiến dịch và các đơn vị cấp dưới, với số đạt, nhịp độ và dự báo.',
        params: Type.Object({ campaignId: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ product: Product }),
        response: { 200: Nullable(TargetNode) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return targets.national(actor, request.params.campaignId, request.query.product);
    },
  );

  app.put(
    '/campaigns/:campaignId/targets',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Đặt chỉ tiêu toàn quốc, cho cả chiến dịch hoặc một khoảng thời gian trong chiến dịch; các chỉ tiêu cấp dưới chưa điều chỉnh tay được chia lại theo.',
        params: Type.Object({ campaignId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ product: Product, amount: Amount, ...PeriodFields }),
        response: { 200: TargetNode },
      },
    },
    async (request) => {
      const actor = authorize(request, 'campaigns.manage');
      return targets.setNational(actor, request.params.campaignId, request.body);
    },
  );

  app.get(
    '/targets/:id',
    {
      schema: {
        tags: ['targets'],
        summary: 'Một chỉ tiêu và các chỉ tiêu cấp dưới của nó.',
        params: IdParams,
        response: { 200: TargetNode },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return targets.node(actor, request.params.id);
    },
  );

  app.post(
    '/targets/:id/cascade',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Đề xuất chia chỉ tiêu cho các đơn vị (hoặc nhân viên thu) cấp dưới theo tiềm năng và tỷ lệ chuyển đổi, cho thời gian của chỉ tiêu hoặc một phần của nó; apply = true để giao.',
        params: IdParams,
        body: Type.Object({ apply: Type.Boolean(), ...PeriodFields }),
        response: {
          200: Type.Object({
            targetId: Type.Integer(),
            amount: Type.Integer(),
            periodStart: Type.String(),
            periodEnd: Type.String(),
            applied: Type.Boolean(),
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                name: Type.String(),
                kind: Type.String(),
                potential: Type.Integer({ description: 'lao động trong độ tuổi chưa tham gia (ước tính)' }),
                pastRegistrations: Type.Integer({
                  description: 'số đăng ký trong 12 tháng trước chiến dịch',
                }),
                proposed: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, request.body.apply ? 'activities.log' : 'participants.read');
      return targets.cascade(actor, request.params.id, request.body);
    },
  );

  app.patch(
    '/targets/:id',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Điều chỉnh tay chỉ tiêu của một đơn vị (amount) hoặc trả về đề xuất (overridden = false); các đơn vị cùng cấp được chia lại.',
        params: IdParams,
        body: Type.Union([Type.Object({ amount: Amount }), Type.Object({ overridden: Type.Literal(false) })]),
        response: { 200: TargetNode },
      },
    },
    async (request) => {
      const actor = authorize(request, 'activities.log');
      return targets.override(
        actor,
        request.params.id,
        request.body as { amount?: number; overridden?: boolean },
      );
    },
  );

  const LegacyTarget = Type.Object({
    id: Type.Integer(),
    level: Type.Enum(['province', 'district']),
    code: Type.String(),
    name: Type.String(),
    provinceCode: Type.String({ description: 'tỉnh hiện nay mà đơn vị cũ đã nhập vào' }),
    provinceName: Type.String(),
    amount: Type.Integer(),
    actual: Type.Integer({ description: 'số đăng ký ở các xã hiện nay kế thừa các xã của đơn vị cũ' }),
  });

  app.get(
    '/campaigns/:campaignId/legacy-targets',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Chỉ tiêu đặt theo đơn vị hành chính trước 01/07/2025, với số đạt quy về 34 tỉnh qua bảng kế thừa.',
        params: Type.Object({ campaignId: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ product: Product }),
        response: { 200: Type.Object({ items: Type.Array(LegacyTarget), total: Type.Integer() }) },
      },
    },
    async (request) => {
      authorize(request, 'participants.read');
      const items = await services.legacyTargets.list(request.params.campaignId, request.query.product);
      return { items, total: items.length };
    },
  );

  app.put(
    '/campaigns/:campaignId/legacy-targets',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Chia chỉ tiêu toàn quốc theo tỉnh (hoặc huyện) cũ, như kế hoạch năm 2022; thay danh sách cùng cấp đã có. Tổng không vượt chỉ tiêu toàn quốc.',
        params: Type.Object({ campaignId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({
          product: Product,
          level: Type.Enum(['province', 'district']),
          items: Type.Array(
            Type.Object({ code: Type.String({ minLength: 1, maxLength: 80 }), amount: Amount }),
            {
              maxItems: 1000,
            },
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(LegacyTarget), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const actor = authorize(request, 'campaigns.manage');
      await services.legacyTargets.set(actor, request.params.campaignId, request.body);
      const items = await services.legacyTargets.list(request.params.campaignId, request.body.product);
      return { items, total: items.length };
    },
  );
};
