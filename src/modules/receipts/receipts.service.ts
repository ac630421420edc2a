import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { calculate, formatVnd, type VsiQuoteResult } from '../../domain/law/index.ts';
import { deadlineOf, nextUnpaidMonth, type PeriodicMode } from '../../domain/registry/periods.ts';
import { maskPersonalId } from '../../domain/registry/personal-id.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import { month } from '../participants/participants.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import type { SettingsRepository } from '../system/system.repository.ts';
import { createReceiptsRepository, formatReceiptNumber, MAX_DEVICE_BLOCK } from './receipts.repository.ts';
import { vietQrPayload, vietQrPurpose } from './receipts.vietqr.ts';
import type { ReceiptView } from './receipts.view.ts';

/** The VSS account payments by transfer go to; demo installations get a clearly fake one. */
export interface CollectionAccount {
  bankBin: string;
  accountNumber: string;
  accountName: string;
}
export const DEMO_COLLECTION_ACCOUNT: CollectionAccount = {
  bankBin: '970418',
  accountNumber: '0000000000DEMO',
  accountName: 'BHXH VIET NAM (DEMO)',
};

const MODE_LABEL: Record<string, string> = {
  monthly: 'Đóng hằng tháng',
  quarterly: 'Đóng 3 tháng',
  semiannual: 'Đóng 6 tháng',
  annual: 'Đóng 12 tháng',
  advance: 'Đóng trước nhiều tháng',
  catch_up: 'Đóng bù các tháng bỏ dở (có lãi)',
  backpay: 'Đóng cho những năm còn thiếu',
};

export function createReceiptsService({
  db,
  clock,
  rules,
  settings,
  households,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  settings: SettingsRepository;
  /** Prices a household's renewal, for the next-due QR on its receipts. */
  households?: Pick<HouseholdsService, 'quoteFor'>;
}) {
  const repo = createReceiptsRepository(db);

  async function account(): Promise<CollectionAccount> {
    return (await settings.get<CollectionAccount>('collection_account')) ?? DEMO_COLLECTION_ACCOUNT;
  }

  async function load(actor: Actor, number: string) {
    const row = await repo.findVisible(actor, number);
    if (!row) throw new AppError('payment.not_found', { number });
    return row;
  }

  /** What the person owes next and a VietQR code to pay it, for an enrollment still running. */
  /**
   * The next amount due, with its VietQR code, printed on a receipt only when that receipt is the
   * person's (or household's) latest: an older receipt must not invite a second payment of a period
   * already paid.
   */
  async function nextDue(r: {
    enrollment_id: number | null;
    household_id: number | null;
    covered_to: string | null;
  }): Promise<ReceiptView['nextDue']> {
    if (r.household_id !== null) return householdNextDue(Number(r.household_id), r.covered_to);
    if (r.enrollment_id === null) return null;
    const enrollmentId = Number(r.enrollment_id);
    const e = await repo.enrollmentToPrice(enrollmentId);
    if (!e || ['retired', 'lump_sum_withdrawn', 'deceased'].includes(e.status)) return null;
    if (r.covered_to !== null && e.paid_through !== r.covered_to) return null;
    const book = await rules.book();
    const today = vietnamDate(clock);
    const next = nextUnpaidMonth({ startMonth: month(e.start_month)!, paidThrough: month(e.paid_through) });
    const dueDate = deadlineOf(book, e.payment_mode as PeriodicMode, next);
    const outcome = calculate(
      'vsi-quote',
      {
        paymentDate: today,
        monthlyIncome: Number(e.monthly_income),
        mode: e.payment_mode,
        categories: e.categories.length ? e.categories : ['other'],
        provinceCode: e.province_code,
        supportedMonthsUsed: e.supported_months_used,
      },
      { book, today },
    );
    if (!outcome.ok) return null;
    const amount = (outcome.result as VsiQuoteResult).total;
    if (amount === 0) return null;
    const to = await account();
    return {
      month: next,
      dueDate,
      amount,
      qrPayload: vietQrPayload({
        bankBin: to.bankBin,
        accountNumber: to.accountNumber,
        amount,
        // The enrollment number identifies the payer to VSS; the personal ID never goes into a
        // transfer text that banks print on statements.
        purpose: vietQrPurpose({ product: 'vsi', ref: `DK${enrollmentId}`, month: next }),
      }),
    };
  }

  async function householdNextDue(
    householdId: number,
    coveredTo: string | null,
  ): Promise<ReceiptView['nextDue']> {
    if (!households) return null;
    const h = await repo.household(householdId);
    if (!h || h.paid_through === null || h.paid_through !== coveredTo) return null;
    const priced = await households.quoteFor(h, {}).catch(() => null); // nobody left to insure
    if (!priced || priced.quote.total === 0) return null;
    const to = await account();
    return {
      month: priced.period.from,
      dueDate: h.due_date ?? priced.paymentDate,
      amount: priced.quote.total,
      qrPayload: vietQrPayload({
        bankBin: to.bankBin,
        accountNumber: to.accountNumber,
        amount: priced.quote.total,
        purpose: vietQrPurpose({ product: 'hhi', ref: `HGD${householdId}`, month: priced.period.from }),
      }),
    };
  }

  /**
   * A receipt link a citizen can open without an account: the number and an HMAC of it under a
   * secret kept in the database. Knowing one link reveals nothing about any other receipt.
   */
  let secret: Promise<string> | null = null;
  async function shareToken(number: string): Promise<string> {
    secret ??= (async () => {
      const existing = await settings.get<string>('receipt_share_secret');
      if (existing) return existing;
      const created = randomBytes(32).toString('base64url');
      await repo.storeShareSecret(created);
      return (await settings.get<string>('receipt_share_secret'))!;
    })();
    return createHmac('sha256', await secret)
      .update(number)
      .digest('base64url')
      .slice(0, 24);
  }

  return {
    load,
    shareToken,

    async shareLinks(number: string) {
      const token = await shareToken(number);
      return {
        html: `/api/v1/receipts/shared/${number}/${token}.html`,
        pdf: `/api/v1/receipts/shared/${number}/${token}.pdf`,
      };
    },

    /** The receipt behind a share link, whoever opens it; null for a wrong token. */
    async sharedView(number: string, token: string): Promise<ReceiptView | null> {
      const expected = await shareToken(number);
      const given = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) return null;
      return this.view(SYSTEM_ACTOR, number);
    },

    /** Everything the printed receipt shows, for the caller's region only. */
    async view(actor: Actor, number: string): Promise<ReceiptView> {
      const r = await load(actor, number);
      const q = (r.quote ?? {}) as {
        grossMonthly?: number;
        stateSupportMonthly?: number;
        localSupportMonthly?: number;
        members?: { personId: number; order: number; monthly: number }[];
      };
      const months = r.months;
      const lines: ReceiptView['lines'] = [];
      let household: ReceiptView['household'];
      if (
        r.product === 'vsi' &&
        r.mode !== 'catch_up' &&
        r.mode !== 'backpay' &&
        q.grossMonthly !== undefined
      ) {
        lines.push({ label: `Mức đóng 22% × thu nhập: ${months} tháng`, amount: q.grossMonthly * months });
        if (q.stateSupportMonthly)
          lines.push({ label: 'Nhà nước hỗ trợ', amount: -q.stateSupportMonthly * r.months });
        if (q.localSupportMonthly)
          lines.push({ label: 'Địa phương hỗ trợ', amount: -q.localSupportMonthly * r.months });
        const rounding = Number(r.amount) - lines.reduce((sum, l) => sum + l.amount, 0);
        if (rounding !== 0) lines.push({ label: 'Chiết khấu đóng trước / làm tròn', amount: rounding });
      } else if (r.product === 'hhi' && q.members) {
        const people = await repo.people(q.members.map((m) => m.personId));
        const byId = new Map(people.map((p) => [Number(p.id), p]));
        household = {
          members: q.members.map((m) => ({
            order: m.order,
            fullName: byId.get(m.personId)?.full_name ?? '',
            maskedId: maskPersonalId(byId.get(m.personId)?.personal_id ?? ''),
            monthly: m.monthly,
          })),
        };
        // Each member's amount is in the members table; one line keeps the receipt on one page.
        const monthly = household.members.reduce((sum, m) => sum + m.monthly, 0);
        lines.push({
          label: `Mức đóng của hộ: ${formatVnd(monthly)}/tháng × ${months} tháng`,
          amount: monthly * months,
        });
      } else {
        lines.push({ label: MODE_LABEL[r.mode] ?? r.mode, amount: Number(r.amount) });
      }
      const coveredFrom = month(r.covered_from);
      return {
        number: r.number,
        issuedAt: r.issued_at.toISOString(),
        product: r.product,
        mode: r.product === 'hhi' ? `BHYT hộ gia đình ${months} tháng` : (MODE_LABEL[r.mode] ?? r.mode),
        method: r.method,
        coveredFrom,
        coveredTo: month(r.covered_to) ?? coveredFrom,
        months,
        lines,
        total: Number(r.amount),
        ruleVersion: r.rule_version,
        fundRateEntered: r.fund_rate_entered === null ? null : Number(r.fund_rate_entered),
        participant: {
          fullName: r.full_name ?? '',
          maskedId: maskPersonalId(r.personal_id ?? ''),
          ...(r.birth_date ? { birthYear: Number(r.birth_date.slice(0, 4)) } : {}),
          address: [r.commune_name, r.province_name].filter(Boolean).join(', '),
        },
        ...(household ? { household } : {}),
        agent: { fullName: r.agent_name ?? '', username: r.agent_username ?? '', phone: r.agent_phone },
        unit: { name: r.unit_name, address: r.unit_address, phone: r.unit_phone },
        nextDue: r.voided_at
          ? null
          : await nextDue({
              enrollment_id: r.enrollment_id === null ? null : Number(r.enrollment_id),
              household_id: r.household_id === null ? null : Number(r.household_id),
              covered_to: r.covered_to,
            }),
        voided: r.voided_at
          ? { at: r.voided_at.toISOString(), reason: r.void_reason ?? '', by: r.voided_by_name ?? '' }
          : null,
        demo: r.is_demo,
      };
    },

    /** A block of numbers for a device that will work offline. */
    async allocate(actor: Actor, input: { device: string; size: number }) {
      if (!actor.userId) throw new AppError('payment.no_agent');
      const size = Math.min(Math.max(1, input.size), MAX_DEVICE_BLOCK);
      const block = await transact(db, auditContext(actor, clock), (tx) =>
        repo.allocate(tx, actor.userId!, size, input.device.trim() || 'thiết bị', clock.now()),
      );
      return {
        id: block.id,
        first: formatReceiptNumber(block.first),
        last: formatReceiptNumber(block.last),
        size,
      };
    },

    /**
     * What a reminder's link shows; null when the token is unknown. A household's reminder is paid
     * for the household (its reference, its paid-through month), a VSI one for the enrollment.
     */
    async payPage(token: string) {
      const r = await repo.reminderByToken(token);
      if (!r) return null;
      const period = String(r.period_month).slice(0, 7);
      const household = r.household_id !== null;
      const paidThrough = household ? r.household_paid_through : r.enrollment_paid_through;
      const paid = paidThrough !== null && String(paidThrough).slice(0, 7) >= period;
      const to = await account();
      // The same references the receipts print, so reconciliation matches either way.
      const purpose = household
        ? vietQrPurpose({ product: 'hhi', ref: `HGD${r.household_id}`, month: period })
        : vietQrPurpose({ product: 'vsi', ref: `DK${r.enrollment_id}`, month: period });
      return {
        paid,
        view: {
          product: household ? ('hhi' as const) : ('vsi' as const),
          firstName: r.full_name.split(' ').slice(-1)[0] ?? r.full_name,
          period,
          dueDate: r.due_date,
          amount: Number(r.amount),
          channel: r.channel,
          bankLine: `${to.accountName} · STK ${to.accountNumber}`,
          purpose,
          qrPayload: vietQrPayload({
            bankBin: to.bankBin,
            accountNumber: to.accountNumber,
            amount: Number(r.amount),
            purpose,
          }),
        },
      };
    },

    series: (actor: Actor) => (actor.userId ? repo.series(actor.userId) : Promise.resolve([])),
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
