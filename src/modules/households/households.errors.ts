import type { ErrorTable } from '../../server/errors.ts';

export const householdsErrors = {
  'household.not_found': {
    status: 404,
    vi: 'Không tìm thấy hộ gia đình {id}, hoặc hộ nằm ngoài địa bàn của bạn.',
    en: 'Household {id} not found, or outside your area.',
  },
  'household.member_elsewhere': {
    status: 409,
    vi: 'Người này đang là thành viên của hộ {household}; cần rời hộ đó trước.',
    en: 'This person is a member of household {household}; they must leave it first.',
  },
  'household.duplicate_member': {
    status: 400,
    vi: 'Một số định danh xuất hiện hai lần trong danh sách thành viên.',
    en: 'A personal ID appears twice among the members.',
  },
  'household.member_not_found': {
    status: 404,
    vi: 'Không có thành viên {id} đang tham gia trong hộ này.',
    en: 'No current member {id} in this household.',
  },
  'household.remove_head': {
    status: 400,
    vi: 'Không thể bỏ chủ hộ khỏi hộ; hãy đổi chủ hộ trước.',
    en: 'The head cannot leave the household; change the head first.',
  },
} satisfies ErrorTable;
