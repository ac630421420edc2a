import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../server/errors.ts';
import { authorize } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';
import { renderReceiptHtml } from './receipts.html.ts';
import { renderPayPage } from './receipts.pay-page.ts';
import { renderReceiptPdf } from './receipts.pdf.ts';

const Number_ = Type.String({ pattern: '^BL-\\d{8,}$' });

export const receiptsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const receipts = services.receipts;

  app.get(
    '/receipts/:file',
    {
      schema: {
        tags: ['receipts'],
        summary:
          'Biên lai: JSON (BL-…), PDF in được (BL-….pdf, phông tiếng Việt nhúng) hoặc trang cho điện thoại (BL-….html).',
        params: Type.Object({ file: Type.String({ pattern: '^BL-\\d{8,}(\\.(pdf|html|json))?$' }) }),
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'participants.read');
      const [number, format = 'json'] = request.params.file.split('.') as [string, string?];
      const view = await receipts.view(actor, number);
      if (format === 'pdf') {
        const pdf = await renderReceiptPdf(view);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${number}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      }
      if (format === 'html') {
        // The page carries its own inline styles and QR image.
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
          )
          .header('cache-control', 'private, no-store')
          .send(await renderReceiptHtml(view));
      }
      return {
        ...view,
        links: { pdf: `/api/v1/receipts/${number}.pdf`, html: `/api/v1/receipts/${number}.html` },
        share: await receipts.shareLinks(number),
      };
    },
  );

  app.get(
    '/receipts/shared/:number/:file',
    {
      config: { public: true },
      schema: {
        tags: ['receipts'],
        summary:
          'Biên lai qua đường dẫn chia sẻ cho người nộp tiền (không cần đăng nhập; số định danh đã che).',
        params: Type.Object({
          number: Number_,
          file: Type.String({ pattern: '^[A-Za-z0-9_-]{24}\\.(pdf|html)$' }),
        }),
      },
    },
    async (request, reply) => {
      const [token, format] = request.params.file.split('.') as [string, string];
      const view = await receipts.sharedView(request.params.number, token);
      if (!view) throw new AppError('payment.not_found', { number: request.params.number });
      if (format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .send(await renderReceiptPdf(view));
      }
      return reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        )
        .header('cache-control', 'private, no-store')
        .send(await renderReceiptHtml(view, { pdfHref: `./${token}.pdf` }));
    },
  );

  app.get(
    '/pay/:token',
    {
      config: { public: true },
      schema: {
        tags: ['receipts'],
        summary:
          'Trang mở từ tin nhắc đóng: số tiền, hạn nộp và mã VietQR (không cần đăng nhập, không lộ số định danh).',
        params: Type.Object({ token: Type.String({ minLength: 10, maxLength: 40 }) }),
      },
    },
    async (request, reply) => {
      const page = await receipts.payPage(request.params.token);
      if (!page) throw new AppError('payment.link_not_found');
      const html = page.paid
        ? '<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Đã đóng</title><body style="font-family:system-ui;padding:24px"><h1>Kỳ này đã được đóng</h1><p>Cảm ơn anh/chị. Không cần chuyển khoản thêm.</p></body></html>'
        : await renderPayPage(page.view);
      return reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        )
        .header('cache-control', 'no-store')
        .send(html);
    },
  );

  app.post(
    '/receipts/:number/void',
    {
      schema: {
        tags: ['receipts'],
        summary:
          'Hủy biên lai (không xóa): ghi lý do, người hủy; hoàn lại tháng đã đóng, tháng hỗ trợ, trạng thái và tiền mặt.',
        params: Type.Object({ number: Number_ }),
        body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 300 }) }),
      },
    },
    async (request) => {
      const actor = authorize(request, 'payments.void');
      await services.payments.void(actor, request.params.number, request.body.reason.trim());
      return receipts.view(actor, request.params.number);
    },
  );

  app.post(
    '/receipt-series',
    {
      schema: {
        tags: ['receipts'],
        summary: 'Cấp trước một dãy số biên lai cho thiết bị làm việc ngoại tuyến.',
        body: Type.Object({
          device: Type.String({ minLength: 1, maxLength: 80 }),
          size: Type.Integer({ minimum: 1, maximum: 1000 }),
        }),
        response: {
          201: Type.Object({
            id: Type.Integer(),
            first: Type.String(),
            last: Type.String(),
            size: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'payments.collect');
      return reply.status(201).send(await receipts.allocate(actor, request.body));
    },
  );

  app.get(
    '/receipt-series',
    { schema: { tags: ['receipts'], summary: 'Các dãy số biên lai đã cấp cho người gọi.' } },
    async (request) => {
      const actor = authorize(request, 'payments.collect');
      const rows = await receipts.series(actor);
      return {
        total: rows.length,
        items: rows.map((s) => ({
          id: Number(s.id),
          device: s.device,
          first: Number(s.first_number),
          last: Number(s.last_number),
          next: Number(s.next_number),
          remaining: Number(s.last_number) - Number(s.next_number) + 1,
          allocatedAt: s.allocated_at.toISOString(),
        })),
      };
    },
  );
};
