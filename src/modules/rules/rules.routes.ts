import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CATEGORIES, RULE_KEYS, rulesAt } from '../../domain/law/index.ts';
import { vietnamDate } from '../../platform/clock.ts';
import { authorize, IsoDate, Nullable, Page, PageQuery, page, requireActor } from '../../server/http.ts';
import type { Services } from '../../server/services.ts';

const Confidence = Type.Enum(['H', 'M', 'L']);
const RuleRowSchema = Type.Object({
  key: Type.String(),
  scope: Type.Optional(Type.String()),
  value: Type.Number(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  basis: Type.String(),
  confidence: Confidence,
});
const TopupRowSchema = Type.Object({
  provinceCode: Type.String(),
  category: Type.String(),
  value: Type.Number(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  basis: Type.String(),
  confidence: Confidence,
});
const RuleSetSchema = Type.Object({
  id: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  values: Type.Record(Type.String(), Type.Number()),
  topups: Type.Record(Type.String(), Type.Record(Type.String(), Type.Number())),
});
const Period = {
  validFrom: IsoDate,
  validTo: Type.Optional(Nullable(IsoDate)),
  basis: Type.String({ minLength: 3, maxLength: 500 }),
  confidence: Confidence,
};
const ChangeResult = Type.Object({
  ruleVersion: Type.String({ description: 'the version in force from the change date' }),
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
});

/** The law as data: public to read, changed only by administrators, from a date on. */
export const rulesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const rules = services.rules;

  app.get(
    '/rules',
    {
      config: { public: true },
      schema: {
        tags: ['rules'],
        summary: 'Mọi tham số pháp luật (có thời hạn hiệu lực, căn cứ, độ tin cậy) và mức hỗ trợ địa phương.',
        response: {
          200: Type.Object({
            revision: Type.Integer(),
            firstDate: Type.String(),
            versionStarts: Type.Array(Type.String()),
            keys: Type.Record(
              Type.String(),
              Type.Object({
                unit: Type.String(),
                mandatory: Type.Boolean(),
                scopes: Type.Optional(Type.Array(Type.String())),
                yearScope: Type.Optional(Type.Boolean()),
                label: Type.Object({ vi: Type.String(), en: Type.String() }),
              }),
            ),
            rows: Type.Array(RuleRowSchema),
            topups: Type.Array(TopupRowSchema),
          }),
        },
      },
    },
    async () => {
      const book = await rules.book();
      return {
        revision: await rules.revision(),
        firstDate: book.firstDate,
        versionStarts: [...book.versionStarts],
        keys: RULE_KEYS as never,
        rows: [...book.rows],
        topups: [...book.topups],
      };
    },
  );

  app.get(
    '/rules/at',
    {
      config: { public: true },
      schema: {
        tags: ['rules'],
        summary: 'Bộ quy định (phiên bản) có hiệu lực tại một ngày.',
        querystring: Type.Object({ date: Type.Optional(IsoDate) }),
        response: { 200: RuleSetSchema },
      },
    },
    async (request) =>
      rulesAt(await rules.book(), request.query.date ?? vietnamDate(services.clock)) as never,
  );

  app.get(
    '/rules/versions/:id',
    {
      config: { public: true },
      schema: {
        tags: ['rules'],
        summary: 'Một phiên bản quy định đã dùng, theo mã (ruleVersion) ghi trên kết quả tính và khoản thu.',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            validFrom: Type.String(),
            validTo: Nullable(Type.String()),
            content: Type.Unknown(),
            firstSeenAt: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const row = await rules.version(request.params.id);
      return {
        id: row.id,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        content: row.content,
        firstSeenAt: row.first_seen_at.toISOString(),
      };
    },
  );

  app.get(
    '/rules/changes',
    {
      schema: {
        tags: ['rules'],
        summary: 'Lịch sử thay đổi tham số: ai, khi nào, thay đổi gì.',
        querystring: PageQuery,
        response: {
          200: Page(
            Type.Object({
              id: Type.Integer(),
              at: Type.String(),
              username: Type.String(),
              kind: Type.String(),
              summary: Type.String(),
              change: Type.Unknown(),
            }),
          ),
        },
      },
    },
    async (request) => {
      // Everyone signed in may read how the law's figures changed; only administrators change them.
      requireActor(request);
      const result = await rules.changes(page(request.query));
      return {
        total: result.total,
        items: result.items.map((c) => ({
          id: c.id,
          at: c.at.toISOString(),
          username: c.username,
          kind: c.kind,
          summary: c.summary,
          change: c.change,
        })),
      };
    },
  );

  app.post(
    '/rules/parameters',
    {
      schema: {
        tags: ['rules'],
        summary:
          'Đặt giá trị mới cho một tham số từ một ngày (không sửa quá khứ; có hiệu lực ngay, không cần triển khai lại).',
        body: Type.Object({
          key: Type.String({ minLength: 3, maxLength: 80 }),
          scope: Type.Optional(Type.String({ maxLength: 40 })),
          value: Type.Number(),
          ...Period,
        }),
        response: { 200: ChangeResult },
      },
    },
    async (request) => {
      const actor = authorize(request, 'rules.manage');
      const { book, warnings } = await rules.setParameter(actor, request.body);
      return {
        ruleVersion: rulesAt(book, request.body.validFrom).id,
        warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
      };
    },
  );

  app.post(
    '/rules/topups',
    {
      schema: {
        tags: ['rules'],
        summary:
          'Đặt mức hỗ trợ địa phương (tỷ lệ trên 22% × chuẩn nghèo) cho một tỉnh và đối tượng, từ một ngày.',
        body: Type.Object({
          provinceCode: Type.String({ pattern: '^\\d{2}$' }),
          category: Type.Enum([...CATEGORIES]),
          value: Type.Number({ minimum: 0, maximum: 1 }),
          ...Period,
        }),
        response: { 200: ChangeResult },
      },
    },
    async (request) => {
      const actor = authorize(request, 'rules.manage');
      const { book, warnings } = await rules.setTopup(actor, request.body);
      return {
        ruleVersion: rulesAt(book, request.body.validFrom).id,
        warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
      };
    },
  );
};
