import { Type } from 'typebox';
import { Nullable } from '../../server/http.ts';
import { ACTIVITY_KINDS } from './campaigns.service.ts';

/** Answers of the campaign routes shared with the dashboards: output whitelists, nothing else leaves. */

const Int = Type.Integer();

/** The 2022 report's counters, for a campaign, a province, a unit's subtree or a commune. */
export const Kpis = Type.Object({
  activities: Type.Integer({ description: 'số bản ghi hoạt động' }),
  convoys: Type.Integer({ description: 'đoàn xe, cuộc diễu hành' }),
  cars: Int,
  motorbikes: Int,
  communesReached: Type.Integer({ description: 'số xã, phường khác nhau đã đến' }),
  conferences: Int,
  conferenceAttendees: Int,
  doorToDoorGroups: Type.Integer({ description: 'tổ tuyên truyền đến từng hộ' }),
  peopleReached: Int,
  loudspeakerBroadcasts: Type.Integer({ description: 'lượt phát thanh trên loa' }),
  articles: Int,
  printedItems: Type.Integer({ description: 'tờ rơi, áp phích… đã in' }),
  localLaunches: Type.Integer({ description: 'lễ ra quân thêm ở địa phương' }),
});

export const ActivityItem = Type.Object({
  id: Int,
  kind: Type.Enum([...ACTIVITY_KINDS]),
  onDate: Type.String(),
  title: Type.String(),
  orgUnitId: Int,
  orgUnitName: Type.String(),
  provinceCode: Type.String(),
  cars: Int,
  motorbikes: Int,
  route: Nullable(Type.String()),
  communes: Type.Array(Type.String()),
  peopleReached: Int,
  attendees: Int,
  items: Int,
  quantity: Type.Integer({ description: 'số đoàn, cuộc, tổ, lượt, bài… mà bản ghi gộp lại' }),
  note: Nullable(Type.String()),
  checks: Type.Integer({ description: 'số mục kiểm tra an toàn' }),
  confirmed: Type.Integer({ description: 'số mục đã xác nhận' }),
});
