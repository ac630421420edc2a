import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authorize, IdParams, IsoDate, Nullable } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { paymentsPolicy } from './payments.policy.ts';
import { METHODS, PAYMENT_MODES } from './payments.service.ts';

const Step = Type.Object({ label: Type.String(), value: Type.Union([Type.Number(), Type.String()]) });
const Period = Nullable(
  Type.Object({ from: Type.String(), to: Type.String(), months: Type.Integer(), gap: Type.Integer() }),
);
const Quote = Type.Object({
  ruleVersion: Type.String(),
  months: Type.Integer(),
  grossMonthly: Type.Integer(),
  stateSupportMonthly: Type.Integer(),
  localSupportMonthly: Type.Integer(),
  netMonthly: Type.Integer(),
  supportedMonths: Type.Integer(),
  total: Type.Integer(),
  steps: Type.Array(Step),
});
const PricingBody = {
  mode: Type.Enum([...PAYMENT_MODES], {
    description:
      'monthly | quarterly | semiannual | annual | advance (months 1..60) | catch_up (các tháng bỏ dở, có lãi) | backpay',
  }),
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  paymentDate: Type.Optional(IsoDate),
  fundRate: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 0.05,
      description:
        'lãi suất đầu tư quỹ bình quân tháng r, chỉ khi quy định chưa có r cho năm của ngày thu (được ghi là do người thu nhập); năm đã có r thì bỏ trống (khác r: 409 payment.fund_rate_recorded)',
    }),
  ),
};

export const paymentsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const payments = services.payments;

  app.post(
    '/participants/:id/payment-quote',
    {
      schema: {
        tags: ['payments'],
        summary: 'Tính trước khoản thu: các tháng được tính, số tiền, phiên bản quy định. Không ghi gì.',
        params: IdParams,
        body: Type.Object(PricingBody),
        response: { 200: Type.Object({ paymentDate: Type.String(), period: Period, quote: Quote }) },
      },
    },
    async (request) => {
      const actor = authorize(request, paymentsPolicy.read);
      const priced = await payments.price(actor, request.params.id, request.body);
      return { paymentDate: priced.paymentDate, period: priced.period, quote: priced.quote };
    },
  );

  app.post(
    '/participants/:id/payments',
    {
      schema: {
        tags: ['payments'],
        summary:
          'Thu tiền BHXH tự nguyện: khoản thu, biên lai, tháng đã đóng, trạng thái — trong một giao dịch.',
        description:
          'Số tiền phải đúng bằng số tính theo quy định (nếu khác: 409 payment.amount_mismatch, nêu số phải thu). Gửi kèm Idempotency-Key.',
        params: IdParams,
        body: Type.Object({
          ...PricingBody,
          method: Type.Enum([...METHODS]),
          amount: Type.Integer({ minimum: 0 }),
          receiptNumber: Type.Optional(
            Type.String({
              pattern: '^BL-\\d{8,}$',
              description: 'số biên lai thiết bị đã in khi ngoại tuyến',
            }),
          ),
          campaignId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          eventId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
        }),
        response: {
          201: Type.Object({
            payment: Type.Object({
              id: Type.Integer(),
              mode: Type.String(),
              months: Type.Integer(),
              amount: Type.Integer(),
              method: Type.String(),
              paidOn: Type.String(),
              period: Period,
              ruleVersion: Type.String(),
            }),
            receipt: Type.Object({ number: Type.String(), pdf: Type.String(), html: Type.String() }),
            paidThrough: Nullable(Type.String()),
            status: Type.String(),
            dueDate: Nullable(Type.String()),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, paymentsPolicy.collect);
      const r = await payments.pay(actor, request.params.id, request.body);
      return reply.status(201).send({
        payment: {
          id: r.paymentId,
          mode: r.mode,
          months: r.quote.months,
          amount: r.quote.total,
          method: r.method,
          paidOn: r.paymentDate,
          period: r.period,
          ruleVersion: r.quote.ruleVersion,
        },
        receipt: {
          number: r.receiptNumber,
          pdf: `/api/v1/receipts/${r.receiptNumber}.pdf`,
          html: `/api/v1/receipts/${r.receiptNumber}.html`,
        },
        paidThrough: r.paidThrough,
        status: r.status,
        dueDate: r.dueDate,
      });
    },
  );
};
