import type { FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { can, type Permission } from '../domain/access/roles.ts';
import type { Actor } from '../modules/access/access.actor.ts';
import { AppError } from './errors.ts';

/** Shared pieces of the thin routes: authenticate → validate → load → authorize → use case → present. */

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

const ACTION_LABELS: Record<Permission, string> = {
  'units.read': 'xem đơn vị hành chính',
  'orgs.read': 'xem tổ chức',
  'orgs.manage': 'quản lý tổ chức',
  'users.read': 'xem người dùng',
  'users.manage': 'quản lý người dùng',
  'tokens.manage': 'quản lý mã truy cập API',
  'audit.read': 'xem nhật ký kiểm toán',
  'denominators.read': 'xem mẫu số',
  'denominators.import': 'nhập mẫu số',
  'rules.manage': 'sửa tham số pháp luật',
  'participants.read': 'xem người tham gia',
  'participants.enroll': 'đăng ký người tham gia',
  'participants.status': 'đổi trạng thái người tham gia',
  'payments.collect': 'thu tiền',
  'payments.void': 'hủy biên lai',
  'cash.read': 'xem sổ quỹ',
  'cash.remit': 'ghi nhận nộp tiền',
  'reminders.manage': 'quản lý nhắc đóng',
  'reminders.read': 'xem nhắc đóng',
  'jobs.run': 'chạy việc hằng ngày',
  'campaigns.manage': 'quản lý chiến dịch',
  'activities.log': 'ghi nhận điểm cầu và hoạt động của chiến dịch',
  'leads.work': 'theo dõi khách hàng tiềm năng',
  'leads.manage': 'tạo danh sách và giao khách hàng tiềm năng',
  'reports.export': 'xuất báo cáo',
};

/** Authenticate and check the role may act at all; region checks happen in the query. */
export function authorize(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  if (!can(actor.role, permission)) {
    throw new AppError('auth.forbidden', { role: actor.role, action: ACTION_LABELS[permission] });
  }
  return actor;
}

/**
 * Null first: with type coercion on, a null tried against the schema first became 0 or "" (an
 * attendance left empty was stored as 0).
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type PageQuery = Static<typeof PageQuery>;

export function page(query: { limit?: number; offset?: number }) {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
      fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    }),
  },
  { $id: 'ErrorBody' },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
