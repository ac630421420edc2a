import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { vietnamDate } from '../../platform/clock.ts';
import { authorize, IdParams, IsoDate, Nullable, Page, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { renewalsPolicy } from './renewals.policy.ts';
import { REMINDER_CHANNELS, REMINDER_STATUSES } from './renewals.repository.ts';
import { BUCKETS } from './renewals.service.ts';

const ReminderSchema = Type.Object({
  id: Type.Integer(),
  product: Type.Enum(['vsi', 'hhi']),
  householdId: Nullable(Type.Integer()),
  channel: Type.Enum([...REMINDER_CHANNELS]),
  period: Type.String({ description: 'YYYY-MM: the first month the payment covers' }),
  dueDate: Type.String(),
  amount: Type.Integer(),
  body: Type.String(),
  status: Type.Enum([...REMINDER_STATUSES]),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
  attempts: Type.Integer(),
  participant: Type.Object({
    id: Type.Integer(),
    fullName: Type.String(),
    maskedId: Type.String(),
    communeCode: Type.String(),
  }),
  requestedBy: Nullable(
    Type.Object(
      { id: Type.Integer(), fullName: Type.String() },
      { description: 'người gửi tay (Nhắc đóng ngay); null: việc hằng ngày tự gửi' },
    ),
  ),
});

const REMIND_NOW =
  'Chỉ người đã đồng ý nhận tin và có số điện thoại (409 reminder.no_consent, reminder.no_phone), khi kỳ tới còn trong hạn nộp và hạn nộp trong 62 ngày tới (409 reminder.overdue cho người đã quá hạn hoặc dừng đóng, reminder.not_due_yet). Mỗi kỳ một tin, dù do việc hằng ngày hay gửi tay (409 reminder.already_sent, nói gửi lúc nào). Số tiền tính theo quy định ngày hôm nay; gửi ngay qua kênh mặc định và trả về tin với trạng thái gửi.';

export const renewalsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get(
    '/worklist',
    {
      schema: {
        tags: ['renewals'],
        summary:
          'Danh sách việc cần làm: đến hạn trong 15, 7, 0 ngày; quá hạn đến 30 ngày; đã dừng đóng (vận động lại).',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            bucket: Type.Optional(Type.Enum([...BUCKETS])),
            agentUserId: Type.Optional(Type.Integer({ minimum: 1 })),
          }),
        ]),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            counts: Type.Record(Type.String(), Type.Integer()),
            items: Type.Array(
              Type.Object({
                product: Type.Enum(['vsi', 'hhi']),
                id: Type.Integer(),
                participantId: Type.Integer(),
                fullName: Type.String(),
                personalId: Type.String(),
                phone: Nullable(Type.String()),
                contactConsent: Type.Boolean({ description: 'đồng ý nhận tin nhắc đóng' }),
                communeCode: Type.String(),
                status: Type.String({
                  description:
                    'VSI: trạng thái đăng ký; BHYT hộ gia đình: due, overdue (quá hạn đến 30 ngày) hoặc lapsed',
                }),
                bucket: Type.Enum([...BUCKETS]),
                dueDate: Type.String(),
                paidThrough: Nullable(Type.String()),
                nextMonth: Nullable(Type.String()),
                mode: Type.String(),
                amount: Nullable(Type.Integer()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, renewalsPolicy.worklist);
      return services.renewals.worklist(actor, { ...request.query, ...page(request.query) });
    },
  );

  app.get(
    '/reminders',
    {
      schema: {
        tags: ['renewals'],
        summary:
          'Hộp thư đi: tin nhắc đóng SMS và Zalo (chỉ người đã đồng ý nhận), mới nhất trước, trong địa bàn; đại lý thu chỉ thấy của người mình phụ trách.',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            status: Type.Optional(Type.Enum([...REMINDER_STATUSES])),
            channel: Type.Optional(Type.Enum([...REMINDER_CHANNELS])),
            product: Type.Optional(Type.Enum(['vsi', 'hhi'])),
            agentUserId: Type.Optional(Type.Integer({ minimum: 1 })),
          }),
        ]),
        response: { 200: Page(ReminderSchema) },
      },
    },
    async (request) => {
      const actor = authorize(request, renewalsPolicy.readReminders);
      return services.renewals.reminders(actor, { ...request.query, ...page(request.query) });
    },
  );

  app.post(
    '/participants/:id/reminders',
    {
      schema: {
        tags: ['renewals'],
        summary: 'Nhắc đóng ngay: gửi người tham gia BHXH tự nguyện tin nhắc đóng kỳ tới, ngay bây giờ.',
        description: REMIND_NOW,
        params: IdParams,
        response: { 201: ReminderSchema },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, renewalsPolicy.remind);
      const reminder = await services.reminders.remindParticipant(actor, request.params.id);
      return reply.status(201).send(reminder);
    },
  );

  app.post(
    '/reminders/:id/resend',
    {
      schema: {
        tags: ['renewals'],
        summary:
          'Gửi lại một tin nhắc đóng đã gửi lỗi hết số lần thử: kiểm tra lại đồng ý, số điện thoại và hạn nộp, tính lại số tiền hôm nay.',
        params: IdParams,
        response: { 200: ReminderSchema },
      },
    },
    async (request) => {
      const actor = authorize(request, renewalsPolicy.remind);
      return services.reminders.resend(actor, request.params.id);
    },
  );

  app.post(
    '/households/:id/reminders',
    {
      schema: {
        tags: ['renewals'],
        summary: 'Nhắc đóng ngay: gửi chủ hộ tin nhắc gia hạn BHYT hộ gia đình, ngay bây giờ.',
        description: REMIND_NOW,
        params: IdParams,
        response: { 201: ReminderSchema },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, renewalsPolicy.remind);
      const reminder = await services.reminders.remindHousehold(actor, request.params.id);
      return reply.status(201).send(reminder);
    },
  );

  app.post(
    '/jobs/daily',
    {
      schema: {
        tags: ['renewals'],
        summary:
          'Chạy ngay việc hằng ngày: chuyển trạng thái theo hạn nộp, tạo và gửi nhắc đóng. Chạy lại không sao.',
        body: Type.Optional(Type.Object({ date: Type.Optional(IsoDate) })),
      },
    },
    async (request) => {
      authorize(request, renewalsPolicy.runDaily);
      return services.jobs.runDaily(request.body?.date ?? vietnamDate(services.clock));
    },
  );
};
