import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { vietnamDate } from '../../platform/clock.ts';
import { authorize, IsoDate, Nullable, PageQuery, page } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { inScope } from '../access/access.scope.ts';
import { BUCKETS } from './renewals.service.ts';

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
                communeCode: Type.String(),
                status: Type.String(),
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
      const actor = authorize(request, 'participants.read');
      return services.renewals.worklist(actor, { ...request.query, ...page(request.query) });
    },
  );

  app.get(
    '/reminders',
    {
      schema: {
        tags: ['renewals'],
        summary: 'Hộp thư đi: tin nhắc đóng SMS và Zalo (chỉ người đã đồng ý nhận).',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ status: Type.Optional(Type.Enum(['queued', 'sent', 'failed'])) }),
        ]),
      },
    },
    async (request) => {
      const actor = authorize(request, 'reminders.manage');
      let query = services.db
        .selectFrom('reminder as r')
        .innerJoin('participant as p', 'p.id', 'r.participant_id')
        .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
        .where(inScope(actor, { orgPath: 'o.path', commune: 'p.commune_code' }));
      if (request.query.status) query = query.where('r.status', '=', request.query.status);
      const { limit, offset } = page(request.query);
      const [items, count] = await Promise.all([
        query
          .select([
            'r.id',
            'r.channel',
            'r.period_month',
            'r.due_date',
            'r.amount',
            'r.body',
            'r.status',
            'r.created_at',
            'r.sent_at',
            'r.error',
            'p.id as participant_id',
            'p.full_name',
          ])
          .orderBy('r.id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        items: items.map((r) => ({
          id: Number(r.id),
          channel: r.channel,
          period: String(r.period_month).slice(0, 7),
          dueDate: r.due_date,
          amount: Number(r.amount),
          body: r.body,
          status: r.status,
          createdAt: r.created_at.toISOString(),
          sentAt: r.sent_at?.toISOString() ?? null,
          error: r.error,
          participant: { id: Number(r.participant_id), fullName: r.full_name },
        })),
      };
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
      authorize(request, 'reminders.manage');
      return services.jobs.runDaily(request.body?.date ?? vietnamDate(services.clock));
    },
  );
};
