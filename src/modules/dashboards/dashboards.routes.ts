import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IsoDate } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { BulletinAnswer, CoverageAnswer, DashboardAnswer } from './dashboards.schemas.ts';

const ProvinceCode = (description: string) => Type.String({ pattern: '^\\d{2}$', description });

/** The live campaign dashboard, the coverage figures and the bulletin: read from the roll-ups, never from the base tables. */
export const dashboardsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get(
    '/bulletin',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Đoạn tin cho báo chí: số người tham gia BHXH, tỷ lệ trên lực lượng lao động, tăng so với cùng kỳ, BHXH tự nguyện, BHYT hộ gia đình và tiến độ chiến dịch so với chỉ tiêu, tính đến một ngày; toàn quốc, một tỉnh hoặc một đơn vị.',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          campaignId: Type.Optional(
            Type.Integer({
              minimum: 1,
              description: 'chiến dịch; bỏ trống là chiến dịch mới nhất đã bắt đầu',
            }),
          ),
          scope: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 80,
              description:
                'mã tỉnh (2 chữ số) hoặc mã một đơn vị (ví dụ BHXH-01-CS03); đơn vị dưới tỉnh thì số liệu bao phủ là của tỉnh, số liệu chiến dịch là số đơn vị đã thu. Bỏ trống (cùng unit) là toàn quốc (cấp trung ương) hoặc tỉnh của người xem',
            }),
          ),
          unit: Type.Optional(
            Type.Integer({ minimum: 1, description: 'một đơn vị theo mã số (id), thay cho scope' }),
          ),
        }),
        response: { 200: BulletinAnswer },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return services.dashboards.bulletin(actor, request.query);
    },
  );

  app.get(
    '/coverage',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Độ bao phủ tính đến một ngày: số người tham gia BHXH trên lực lượng lao động trong độ tuổi, BHXH tự nguyện và tỷ trọng, BHYT hộ gia đình, tăng so với cùng ngày năm trước; toàn quốc và từng tỉnh.',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          province: Type.Optional(ProvinceCode('mã tỉnh; bỏ trống là mọi tỉnh người xem được xem')),
        }),
        response: { 200: CoverageAnswer },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return services.dashboards.coverage(actor, request.query);
    },
  );

  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Bảng điều hành chiến dịch ở mọi cấp (toàn quốc, tỉnh, đơn vị, xã, nhân viên): chỉ tiêu, số đạt, nhịp độ, diễn biến theo ngày, bản đồ 34 tỉnh, bảng xếp hạng, phễu và chỉ số hoạt động. Bỏ trống cấp là cấp của người xem.',
        querystring: Type.Object({
          campaignId: Type.Integer({ minimum: 1 }),
          product: Type.Optional(Type.Enum(['vsi', 'hhi'])),
          province: Type.Optional(ProvinceCode('một tỉnh')),
          unit: Type.Optional(
            Type.Integer({
              minimum: 1,
              description: 'một đơn vị dưới tỉnh: BHXH cơ sở, bưu cục, điểm bưu điện xã, đại lý thu',
            }),
          ),
          commune: Type.Optional(Type.String({ pattern: '^\\d{5}$', description: 'một xã, phường' })),
          agent: Type.Optional(
            Type.Union([Type.Literal('me'), Type.Integer({ minimum: 1 })], {
              description: 'một nhân viên thu (mã người dùng), hoặc me',
            }),
          ),
          view: Type.Optional(
            Type.Enum(['full', 'live'], {
              description: 'live: chỉ số liệu thay đổi từng giây (tổng, chỉ tiêu, nhịp độ, diễn biến)',
            }),
          ),
        }),
        response: { 200: DashboardAnswer },
      },
    },
    async (request) => {
      const actor = authorize(request, 'participants.read');
      return services.dashboards.campaign(actor, request.query);
    },
  );
};
