import { type TSchema, Type } from 'typebox';

/**
 * The calculation contract (shared/domain/CALC_CONTRACT.md) as JSON schemas: they document the API
 * in OpenAPI and whitelist each response. Inputs are NOT validated by these schemas: the law engine
 * checks them, so HTTP and the CLI give the very same errors.
 */
const Step = Type.Object({ label: Type.String(), value: Type.Union([Type.Number(), Type.String()]) });
const Steps = Type.Array(Step);
const Int = Type.Integer();
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Sex = Type.Enum(['M', 'F']);

export const CALC_SCHEMAS: Record<string, { summary: string; body: TSchema; response: TSchema }> = {
  'vsi-quote': {
    summary: 'Mức đóng BHXH tự nguyện: mức đóng, Nhà nước hỗ trợ, hỗ trợ địa phương, số phải nộp.',
    body: Type.Object({
      paymentDate: Day,
      monthlyIncome: Int,
      mode: Type.Enum(['monthly', 'quarterly', 'semiannual', 'annual', 'advance', 'backpay']),
      months: Type.Optional(Type.Integer({ description: 'required for advance (1..60) and backpay' })),
      categories: Type.Optional(
        Type.Array(Type.Enum(['poor', 'near_poor', 'ethnic_minority', 'island_commune', 'other'])),
      ),
      provinceCode: Type.Optional(
        Type.String({ description: '2-digit province code; applies its local top-ups' }),
      ),
      supportedMonthsUsed: Type.Optional(
        Type.Integer({ description: 'months of state support already received (cap 120)' }),
      ),
      fundRate: Type.Optional(Type.Number({ description: 'monthly r for advance/backpay' })),
    }),
    response: Type.Object({
      ruleVersion: Type.String(),
      months: Int,
      grossMonthly: Int,
      stateSupportMonthly: Int,
      localSupportMonthly: Int,
      netMonthly: Int,
      supportedMonths: Int,
      total: Int,
      steps: Steps,
    }),
  },
  'hhi-quote': {
    summary: 'BHYT hộ gia đình: mức đóng từng thành viên theo thứ tự và tổng của hộ.',
    body: Type.Object({ paymentDate: Day, members: Int, months: Type.Enum([3, 6, 12]) }),
    response: Type.Object({
      ruleVersion: Type.String(),
      baseSalary: Int,
      members: Type.Array(Type.Object({ order: Int, monthly: Int, total: Int })),
      monthlyTotal: Int,
      total: Int,
      steps: Steps,
    }),
  },
  'retirement-age': {
    summary: 'Tuổi nghỉ hưu theo lộ trình Bộ luật Lao động 2019 và tháng bắt đầu hưởng lương hưu.',
    body: Type.Object({ sex: Sex, birthMonth: Month }),
    response: Type.Object({
      ruleVersion: Type.Optional(Type.String()),
      years: Int,
      months: Int,
      reachesAgeMonth: Month,
      pensionStartMonth: Month,
      steps: Steps,
    }),
  },
  pension: {
    summary: 'Điều kiện, tỷ lệ và mức lương hưu hằng tháng; trợ cấp một lần khi nghỉ hưu.',
    body: Type.Object({
      sex: Sex,
      contributionMonths: Int,
      retirementMonth: Month,
      averageMonthlyIncome: Int,
      joinedBefore2021: Type.Optional(Type.Boolean()),
      birthMonth: Type.Optional(Month),
    }),
    response: Type.Object({
      ruleVersion: Type.String(),
      eligible: Type.Boolean(),
      minYears: Type.Number(),
      countedYears: Type.Number(),
      rate: Type.Number(),
      monthlyPension: Int,
      retirementLumpSum: Int,
      steps: Steps,
    }),
  },
  'lump-sum': {
    summary: 'BHXH một lần: số năm tính, khấu trừ tiền hỗ trợ, số tiền nhận.',
    body: Type.Object({
      monthsBefore2014: Int,
      monthsFrom2014: Int,
      averageMonthlyIncome: Int,
      stateSupportReceived: Type.Optional(Int),
      seriousIllness: Type.Optional(Type.Boolean()),
      amountPaid: Type.Optional(Int),
      date: Type.Optional(Day),
    }),
    response: Type.Object({
      ruleVersion: Type.Optional(Type.String()),
      yearsBefore2014: Type.Number(),
      yearsFrom2014: Type.Number(),
      gross: Int,
      supportDeducted: Int,
      amount: Int,
      steps: Steps,
    }),
  },
  'citizen-id': {
    summary: 'Kiểm tra số định danh cá nhân 12 chữ số (mã tỉnh, thế kỷ, giới tính, năm sinh).',
    body: Type.Object({ id: Type.String(), birthDate: Type.Optional(Day), sex: Type.Optional(Sex) }),
    response: Type.Object({
      valid: Type.Boolean(),
      birthProvinceCode: Type.Union([Type.String(), Type.Null()]),
      birthProvinceName: Type.Union([Type.String(), Type.Null()]),
      century: Type.Union([Int, Type.Null()]),
      sex: Type.Union([Sex, Type.Null()]),
      birthYear: Type.Union([Int, Type.Null()]),
      errors: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
      steps: Type.Optional(Steps),
    }),
  },
};
