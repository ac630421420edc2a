import type { Db } from '../../db/database.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import { seesFullPersonalIds } from '../../domain/access/roles.ts';
import {
  addMonths,
  CATEGORIES,
  type Category,
  type CitizenIdResult,
  calculate,
  formatDateVi,
  formatMonthVi,
  formatRatePercent,
  formatVnd,
  monthOfDate,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';
import { eligibilityProblems } from '../../domain/registry/eligibility.ts';
import { deadlineOf, FINAL_STATUSES, type PeriodicMode, type Status } from '../../domain/registry/periods.ts';
import { maskPersonalId, normalizePhone } from '../../domain/registry/personal-id.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError, DomainError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createCampaignAttribution } from '../campaigns/campaigns.repository.ts';
import type { OrgsRepository } from '../orgs/orgs.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createParticipantsRepository, month, type ParticipantFilter } from './participants.repository.ts';

export const CHANNELS = ['post_office', 'convoy', 'event', 'door_to_door', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface PersonInput {
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity?: string | null;
  phone?: string | null;
  communeCode: string;
  contactConsent?: boolean;
  isDemo?: boolean;
}

export interface EnrollInput extends PersonInput {
  categories: string[];
  categoryEvidence?: Record<string, string>;
  monthlyIncome: number;
  paymentMode: PeriodicMode;
  startMonth: string;
  channel?: Channel;
  orgUnitId?: number;
  campaignId?: number | null;
  eventId?: number | null;
  /** What the person declares; both must be true to enroll (RULES.md §7). */
  declarations: { notCompulsory: boolean; noPension: boolean };
}

export const STATUS_LABEL: Record<Status, string> = {
  awaiting_first_payment: 'chờ đóng lần đầu',
  active: 'đang đóng',
  due: 'đến hạn đóng',
  lapsed: 'dừng đóng',
  reactivated: 'tham gia lại',
  retired: 'đã nghỉ hưu',
  lump_sum_withdrawn: 'đã nhận BHXH một lần',
  deceased: 'đã mất',
};
const REMINDER_LABEL = { queued: 'chờ gửi', sending: 'đang gửi', sent: 'đã gửi', failed: 'gửi lỗi' } as const;

const ELIGIBILITY_TEXT = {
  too_young: 'người tham gia phải đủ 15 tuổi',
  compulsory_covered: 'người đang tham gia BHXH bắt buộc không tham gia tự nguyện',
  receives_pension: 'người đang hưởng lương hưu hoặc trợ cấp BHXH hằng tháng không tham gia (từ 01/07/2025)',
} as const;

export function createParticipantsService({
  db,
  clock,
  rules,
  orgs,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  orgs: OrgsRepository;
}) {
  const repo = createParticipantsRepository(db);
  const attribution = createCampaignAttribution(db);

  async function load(actor: Actor, id: number) {
    const row = await repo.findVisible(actor, id);
    if (!row) throw new AppError('participant.not_found', { id });
    return row;
  }

  /**
   * The unit that will hold the record: the caller's own or one of their sub-units, and one that
   * serves the person's commune. That keeps every person inside the region of whoever holds them,
   * which is what lets region checks look at the commune alone.
   */
  async function holdingUnit(actor: Actor, orgUnitId: number | undefined, communeCode: string) {
    const id = orgUnitId ?? actor.orgUnitId;
    if (!id) throw new AppError('participant.no_unit', {}, 'orgUnitId');
    const org = await orgs.find(actor, id);
    if (!org) throw new AppError('org.not_found', { id }, 'orgUnitId');
    if (!actor.national && !org.path.startsWith(actor.orgPath)) {
      throw new AppError('user.unit_outside_scope', { unit: org.name }, 'orgUnitId');
    }
    if ((await orgs.communesOutside(org.id, [communeCode])).length > 0) {
      throw new AppError(
        'participant.unit_does_not_serve',
        { unit: org.name, commune: communeCode },
        'orgUnitId',
      );
    }
    return org;
  }

  /** A person lives in (or moves to) a commune that exists today, not one merged away. */
  function currentCommune(code: string) {
    return repo.communeOn(code, vietnamDate(clock));
  }

  /** The checks every new person passes: a valid personal ID, a real commune, the caller's area. */
  async function checkPerson(actor: Actor, input: PersonInput) {
    const check = calculate(
      'citizen-id',
      { id: input.personalId, birthDate: input.birthDate, sex: input.sex },
      { book: await rules.book(), today: vietnamDate(clock) },
    );
    const idResult = check.ok ? (check.result as CitizenIdResult) : null;
    if (!idResult?.valid) {
      const reasons = idResult
        ? idResult.errors.map((e) => e.message).join('; ')
        : check.ok
          ? ''
          : check.error.message;
      throw new AppError('participant.invalid_personal_id', { reasons }, 'personalId');
    }
    const commune = await currentCommune(input.communeCode);
    if (!commune) throw new AppError('unit.unknown_commune', { code: input.communeCode }, 'communeCode');
    if (!actor.national && !actor.communes.includes(commune.code)) {
      throw new AppError('participant.commune_outside_scope', { commune: commune.code }, 'communeCode');
    }
    return commune;
  }

  async function duplicateError(personalId: string) {
    const holder = await repo.holderOf(personalId);
    return new AppError(
      'participant.duplicate_id',
      { maskedId: maskPersonalId(personalId), unit: holder?.unit_name ?? '—' },
      'personalId',
    );
  }

  async function quote(input: {
    paymentDate: string;
    monthlyIncome: number;
    mode: string;
    categories: string[];
    provinceCode: string;
    supportedMonthsUsed: number;
  }): Promise<VsiQuoteResult> {
    const outcome = calculate(
      'vsi-quote',
      { ...input, categories: input.categories.length ? input.categories : ['other'] },
      { book: await rules.book(), today: vietnamDate(clock) },
    );
    if (!outcome.ok) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.field);
    return outcome.result as VsiQuoteResult;
  }

  return {
    repo,
    load,
    quote,

    checkPerson,
    holdingUnit,

    /** Records a person (no enrollment): household members who only have health insurance. */
    async insertPerson(
      tx: Tx,
      actor: Actor,
      person: PersonInput & { orgUnitId: number; provinceCode: string },
    ) {
      return repo.insertParticipant(tx, {
        personalId: person.personalId,
        fullName: person.fullName.trim(),
        birthDate: person.birthDate,
        sex: person.sex,
        ethnicity: person.ethnicity ?? null,
        phone: person.phone ? normalizePhone(person.phone) : null,
        communeCode: person.communeCode,
        provinceCode: person.provinceCode,
        categories: [],
        categoryEvidence: {},
        contactConsent: person.contactConsent ?? false,
        orgUnitId: person.orgUnitId,
        createdBy: actor.userId,
        at: clock.now(),
        isDemo: person.isDemo,
      });
    },

    duplicateError,

    async enroll(actor: Actor, input: EnrollInput) {
      const today = vietnamDate(clock);
      const book = await rules.book();
      const commune = await checkPerson(actor, input);
      const problems = eligibilityProblems({
        birthDate: input.birthDate,
        onDate: today,
        declaresNotCompulsory: input.declarations.notCompulsory,
        declaresNoPension: input.declarations.noPension,
      });
      if (problems.length > 0) {
        throw new AppError('participant.not_eligible', {
          reasons: problems.map((p) => ELIGIBILITY_TEXT[p]).join('; '),
        });
      }
      const current = monthOfDate(today);
      // Not last month: its deadline has passed, so it could only be paid as a catch-up with interest.
      const earliest = current;
      const latest = addMonths(current, 12);
      if (input.startMonth < earliest || input.startMonth > latest) {
        throw new AppError(
          'participant.invalid_start_month',
          { month: input.startMonth, from: earliest, to: latest },
          'startMonth',
        );
      }
      const categories = [...new Set(input.categories)].filter((c): c is Category =>
        (CATEGORIES as readonly string[]).includes(c),
      );
      // The engine checks the income (floor, step, ceiling) and prices the first payment.
      const firstQuote = await quote({
        paymentDate: today,
        monthlyIncome: input.monthlyIncome,
        mode: input.paymentMode,
        categories,
        provinceCode: commune.province_code,
        supportedMonthsUsed: 0,
      });
      const org = await holdingUnit(actor, input.orgUnitId, commune.code);
      const duplicate = () => duplicateError(input.personalId);
      // A person already on record only for household HI, in the caller's region, enrolls on that
      // record; anyone else holding the ID (enrolled, or elsewhere) is a duplicate.
      const holder = await repo.holderOf(input.personalId);
      const existing = holder ? await repo.findVisible(actor, holder.id) : undefined;
      if (holder) {
        const reusable =
          existing &&
          !(await repo.enrollmentOf(holder.id)) &&
          String(existing.birth_date) === input.birthDate &&
          existing.sex === input.sex;
        if (!reusable) throw await duplicate();
      }

      const campaignId =
        input.campaignId === undefined ? await attribution.ongoing('vsi', today) : input.campaignId;
      await attribution.checkNamed(input, campaignId);

      const at = clock.now();
      const id = await transact(db, auditContext(actor, clock), async (tx) => {
        if (existing) {
          await repo.updateParticipant(tx, existing.id, {
            full_name: input.fullName.trim(),
            phone: input.phone ? normalizePhone(input.phone) : existing.phone,
            ...(input.ethnicity !== undefined ? { ethnicity: input.ethnicity } : {}),
            commune_code: commune.code,
            province_code: commune.province_code,
            categories,
            category_evidence: JSON.stringify(input.categoryEvidence ?? {}),
            ...(input.contactConsent !== undefined
              ? {
                  contact_consent: input.contactConsent,
                  contact_consent_at: input.contactConsent ? at : null,
                }
              : {}),
            updated_at: at,
          });
        }
        const participantId = existing
          ? existing.id
          : await repo.insertParticipant(tx, {
              personalId: input.personalId,
              fullName: input.fullName.trim(),
              birthDate: input.birthDate,
              sex: input.sex,
              ethnicity: input.ethnicity ?? null,
              phone: input.phone ? normalizePhone(input.phone) : null,
              communeCode: commune.code,
              provinceCode: commune.province_code,
              categories,
              categoryEvidence: input.categoryEvidence ?? {},
              contactConsent: input.contactConsent ?? false,
              orgUnitId: org.id,
              createdBy: actor.userId,
              at,
              isDemo: input.isDemo,
            });
        await repo.insertEnrollment(tx, {
          participantId,
          monthlyIncome: input.monthlyIncome,
          paymentMode: input.paymentMode,
          startMonth: input.startMonth,
          dueDate: deadlineOf(book, input.paymentMode, input.startMonth),
          agentUserId: actor.userId,
          orgUnitId: org.id,
          channel: input.channel ?? (org.network === 'vnpost' ? 'post_office' : 'door_to_door'),
          campaignId,
          eventId: input.eventId,
          eligibility: {
            birthDate: input.birthDate,
            declaresNotCompulsory: input.declarations.notCompulsory,
            declaresNoPension: input.declarations.noPension,
            declaredOn: today,
          },
          onDate: today,
          at,
          isDemo: input.isDemo,
        });
        return participantId;
      }).catch(async (error) => {
        // Two submissions of one ID at once: the unique index lets exactly one through.
        if ((error as { code?: string; constraint?: string }).code === '23505') throw await duplicate();
        throw error;
      });
      return { participant: await load(actor, id), quote: firstQuote };
    },

    search: (actor: Actor, filter: ParticipantFilter) => repo.search(actor, filter),

    /** Everything that happened to a person, newest first, in words a person can read. */
    async timeline(actor: Actor, id: number) {
      const participant = await load(actor, id);
      const h = await repo.history(id);
      const items: {
        at: string;
        kind: 'enrolled' | 'payment' | 'void' | 'status' | 'reminder' | 'household';
        title: string;
        detail: string;
        amount?: number;
        receiptNumber?: string;
        status?: string;
        channel?: 'sms' | 'zalo';
      }[] = [];
      if (h.enrollment) {
        items.push({
          at: h.enrollment.created_at.toISOString(),
          kind: 'enrolled',
          title: 'Đăng ký BHXH tự nguyện',
          detail: `Thu nhập ${formatVnd(Number(h.enrollment.monthly_income))}/tháng, bắt đầu tháng ${formatMonthVi(month(h.enrollment.start_month)!)}`,
        });
      } else {
        items.push({
          at: participant.created_at.toISOString(),
          kind: 'enrolled',
          title: 'Lập hồ sơ',
          detail: 'Thành viên hộ gia đình tham gia BHYT',
        });
      }
      for (const p of h.payments) {
        const covered = p.covered_from
          ? `, tháng ${formatMonthVi(month(p.covered_from)!)}–${formatMonthVi(month(p.covered_to)!)}`
          : '';
        items.push({
          at: p.created_at.toISOString(),
          kind: 'payment',
          title: p.product === 'vsi' ? 'Thu tiền BHXH tự nguyện' : 'Thu tiền BHYT hộ gia đình',
          detail: [
            `${p.months} tháng${covered}, ${p.agent_name ?? ''}`.trim(),
            // A rate no rule records: the timeline says who chose it, as the receipt does.
            p.fund_rate_entered
              ? `Lãi suất đầu tư quỹ do người thu nhập: ${formatRatePercent(Number(p.fund_rate_entered))}/tháng`
              : null,
          ]
            .filter(Boolean)
            .join('. '),
          amount: Number(p.amount),
          ...(p.receipt_number ? { receiptNumber: p.receipt_number } : {}),
        });
        if (p.voided_at) {
          items.push({
            at: p.voided_at.toISOString(),
            kind: 'void',
            title: `Hủy biên lai ${p.receipt_number ?? ''}`.trim(),
            detail: p.void_reason ?? '',
            amount: Number(p.amount),
          });
        }
      }
      for (const s of h.statuses) {
        items.push({
          at: s.at.toISOString(),
          kind: 'status',
          title: `Trạng thái: ${STATUS_LABEL[s.to_status as Status] ?? s.to_status}`,
          detail: `${formatDateVi(s.on_date)} — ${s.reason}`,
          // The code beside the words: the page shows it in the reader's language.
          status: s.to_status,
        });
      }
      for (const r of h.reminders) {
        items.push({
          at: r.created_at.toISOString(),
          kind: 'reminder',
          title: `Nhắc đóng qua ${r.channel === 'sms' ? 'SMS' : 'Zalo'} (${REMINDER_LABEL[r.status]})`,
          status: r.status,
          channel: r.channel,
          detail: `Kỳ ${formatMonthVi(month(r.period_month)!)}, hạn ${formatDateVi(r.due_date)}`,
          amount: Number(r.amount),
        });
      }
      for (const m of h.households) {
        items.push({
          at: `${m.from_month}T00:00:00.000Z`,
          kind: 'household',
          title: `Thành viên hộ gia đình #${m.id} (thứ tự ${m.position})`,
          detail: m.to_month
            ? `Rời hộ sau tháng ${formatMonthVi(month(m.to_month)!)}`
            : m.other_source
              ? 'Có thẻ BHYT từ nguồn khác'
              : 'Đang tham gia',
        });
      }
      return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    },

    async update(
      actor: Actor,
      id: number,
      input: {
        fullName?: string;
        phone?: string | null;
        ethnicity?: string | null;
        communeCode?: string;
        categories?: string[];
        categoryEvidence?: Record<string, string>;
        contactConsent?: boolean;
      },
    ) {
      const current = await load(actor, id);
      let province: string | undefined;
      if (input.communeCode && input.communeCode !== current.commune_code) {
        const commune = await currentCommune(input.communeCode);
        if (!commune) throw new AppError('unit.unknown_commune', { code: input.communeCode }, 'communeCode');
        if (!actor.national && !actor.communes.includes(input.communeCode)) {
          throw new AppError(
            'participant.commune_outside_scope',
            { commune: input.communeCode },
            'communeCode',
          );
        }
        if ((await orgs.communesOutside(current.org_unit_id, [input.communeCode])).length > 0) {
          throw new AppError(
            'participant.unit_does_not_serve',
            { unit: current.org_unit_name, commune: input.communeCode },
            'communeCode',
          );
        }
        province = commune.province_code;
      }
      const at = clock.now();
      await transact(db, auditContext(actor, clock), (tx) =>
        repo.updateParticipant(tx, id, {
          ...(input.fullName !== undefined ? { full_name: input.fullName.trim() } : {}),
          ...(input.phone !== undefined ? { phone: input.phone ? normalizePhone(input.phone) : null } : {}),
          ...(input.ethnicity !== undefined ? { ethnicity: input.ethnicity } : {}),
          ...(province ? { commune_code: input.communeCode, province_code: province } : {}),
          ...(input.categories !== undefined
            ? { categories: input.categories.filter((c) => (CATEGORIES as readonly string[]).includes(c)) }
            : {}),
          ...(input.categoryEvidence !== undefined
            ? { category_evidence: JSON.stringify(input.categoryEvidence) }
            : {}),
          ...(input.contactConsent !== undefined
            ? { contact_consent: input.contactConsent, contact_consent_at: input.contactConsent ? at : null }
            : {}),
          updated_at: at,
        }),
      );
      return load(actor, id);
    },

    /** Ends an enrollment: retired, lump sum withdrawn or deceased, with the date it happened. */
    async end(
      actor: Actor,
      id: number,
      input: { status: 'retired' | 'lump_sum_withdrawn' | 'deceased'; onDate: string; note?: string },
    ) {
      await load(actor, id);
      const today = vietnamDate(clock);
      if (input.onDate > today) {
        throw new AppError('participant.end_in_future', { date: input.onDate, today }, 'onDate');
      }
      const enrollment = await repo.enrollmentOf(id);
      if (!enrollment) throw new AppError('participant.not_found', { id });
      if (FINAL_STATUSES.includes(enrollment.status as Status)) {
        throw new AppError('participant.final_status', { status: enrollment.status });
      }
      await transact(db, auditContext(actor, clock), async (tx) => {
        await repo.endEnrollment(tx, {
          id: enrollment.id,
          from: enrollment.status,
          to: input.status,
          onDate: input.onDate,
          reason: input.note?.trim() || 'Cập nhật bởi cán bộ',
          at: clock.now(),
        });
        if (input.status === 'deceased') {
          await repo.updateParticipant(tx, id, { deceased_on: input.onDate, updated_at: clock.now() });
        }
      });
      return load(actor, id);
    },

    /** A personal ID as this caller may see it. */
    showId: (actor: Actor, personalId: string) =>
      seesFullPersonalIds(actor.role) ? personalId : maskPersonalId(personalId),
    month,
  };
}

export type ParticipantsService = ReturnType<typeof createParticipantsService>;
