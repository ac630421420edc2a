import type { ErrorTable } from '../../server/errors.ts';

export const rulesErrors = {
  'rules.version_not_found': {
    status: 404,
    vi: 'Không có phiên bản quy định "{id}".',
    en: 'No rule version "{id}".',
  },
  'rules.unknown_key': {
    status: 400,
    vi: 'Không có tham số "{key}". Xem danh sách tham số tại GET /api/v1/rules.',
    en: 'No parameter "{key}". See GET /api/v1/rules for the list.',
  },
} satisfies ErrorTable;
