/** The law engine: pure, plain data in and out, safe to import in the browser. */
export type { CalcContext, CalcError, CalcOutcome, Step } from './calc.input.ts';
export { LABELS } from './calc.labels.ts';
export {
  CALC_KINDS,
  type CalcKind,
  type CalcResults,
  calcErrorBody,
  calculate,
  calculateJson,
  isCalcKind,
} from './calculate.ts';
export {
  type CitizenIdInput,
  type CitizenIdProblem,
  type CitizenIdResult,
  checkCitizenId,
} from './citizen-id.calc.ts';
export {
  type HhiMember,
  type HhiQuoteInput,
  type HhiQuoteResult,
  MAX_HHI_MEMBERS,
  quoteHhi,
} from './hhi-quote.calc.ts';
export {
  addDays,
  addMonths,
  dayNumber,
  firstDayOfMonth,
  isIsoDate,
  isIsoMonth,
  monthIndex,
  monthOfDate,
  monthOfIndex,
  monthsBetween,
} from './law.calendar.ts';
export {
  amountInWords,
  formatDate,
  formatDateVi,
  formatDecimal,
  formatMonth,
  formatMonthVi,
  formatNumber,
  formatPpmPercent,
  formatRatePercent,
  formatVnd,
  groupThousands,
  type Lang,
} from './law.format.ts';
export {
  type CalcErrorCode,
  type CitizenIdProblemCode,
  MESSAGE_CODES,
  type MessageCode,
  message,
  type RuleProblemCode,
} from './law.messages.ts';
export { mulDivRound, PPM, toPpm } from './law.money.ts';
export { computeLumpSum, type LumpSumInput, type LumpSumResult } from './lump-sum.calc.ts';
export {
  adjustedAverageIncome,
  computePension,
  countHalfYears,
  type PensionInput,
  type PensionResult,
} from './pension.calc.ts';
export {
  LEGACY_PROVINCES_2DIGIT,
  PROVINCES_2025,
  PROVINCES_2025_FROM,
  provincesAt,
} from './provinces.data.ts';
export {
  computeRetirementAge,
  type RetirementAge,
  type RetirementAgeInput,
  type RetirementAgeResult,
  retirementAgeOf,
} from './retirement-age.calc.ts';
export {
  createRuleBook,
  findRulesAt,
  LawError,
  latestRules,
  param,
  paramAt,
  paramCoverage,
  rulesAt,
  shortHash,
} from './rules.book.ts';
export {
  type EditOptions,
  type EditResult,
  type ParameterChange,
  setParameter,
  setTopup,
  type TopupChange,
} from './rules.edit.ts';
export { RULE_KEYS, type RuleKey, type RuleKeyInfo, type RuleUnit, ruleKeyInfo } from './rules.keys.ts';
export { DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS } from './rules.seed.ts';
export {
  CATEGORIES,
  type Category,
  type Confidence,
  PERIODIC_MODES,
  type PeriodicMode,
  type RuleBook,
  type RuleProblem,
  type RuleRow,
  type RuleSet,
  SEXES,
  type Sex,
  type TopupRow,
  VSI_MODES,
  type VsiMode,
} from './rules.types.ts';
export { hasErrors, validateRuleRows, validateTopupRows } from './rules.validate.ts';
export { quoteVsi, type VsiQuoteInput, type VsiQuoteResult } from './vsi-quote.calc.ts';
