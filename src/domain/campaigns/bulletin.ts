import { exactVi, pressDate, pressGrowth, pressNumber, pressPercent } from './press.ts';

/** People covered in a place on a day: the dated denominators and the coverage roll-up. */
export interface Covered {
  /** Working-age labour force (denominators); null when none is recorded for the place. */
  labourForce: number | null;
  compulsory: number | null;
  /** Voluntary SI participants: paid for the month here, plus those recorded outside Điểm Tựa. */
  voluntary: number;
  householdHi: number;
}

/** The same figures a year earlier, through the 2025 lineage. */
export type CoveredBefore = Pick<Covered, 'compulsory' | 'voluntary' | 'householdHi'>;

/** What a press office derives from them: the shares of the labour force and the growth on a year. */
export interface CoverageFigures {
  /** Social insurance participants, compulsory and voluntary; null without a compulsory count. */
  participants: number | null;
  /** Participants ÷ working-age labour force. */
  coverage: number | null;
  /** Voluntary participants ÷ participants. */
  voluntaryShare: number | null;
  /** Growth against the same day a year earlier; null when there is nothing to compare with. */
  growth: { participants: number | null; voluntary: number | null; householdHi: number | null };
}

const growth = (now: number, before: number) => (before > 0 ? now / before - 1 : null);
const total = (c: CoveredBefore) => (c.compulsory === null ? null : c.compulsory + c.voluntary);

export function coverageFigures(now: Covered, lastYear: CoveredBefore | null): CoverageFigures {
  const participants = total(now);
  const before = lastYear ? total(lastYear) : null;
  return {
    participants,
    coverage: participants !== null && now.labourForce ? participants / now.labourForce : null,
    voluntaryShare: participants ? now.voluntary / participants : null,
    growth: {
      participants: participants !== null && before !== null ? growth(participants, before) : null,
      voluntary: lastYear ? growth(now.voluntary, lastYear.voluntary) : null,
      householdHi: lastYear ? growth(now.householdHi, lastYear.householdHi) : null,
    },
  };
}

/**
 * The figures a press office quotes, as of one day, for the country, one province, or one unit below
 * a province: the coverage is then its province's, and the campaign's figures are the unit's.
 */
export interface BulletinFigures extends Covered {
  asOf: string;
  /** "cả nước" or the province's name: where the coverage figures are counted. */
  scopeName: string;
  national: boolean;
  /** A unit below the province whose campaign figures are reported (what its subtree collected). */
  unitName?: string | null | undefined;
  /** Null when there is nothing to compare with. */
  lastYear: CoveredBefore | null;
  campaign: {
    name: string;
    startsOn: string;
    endsOn: string;
    vsi: number;
    hhi: number;
    /** The VSI target; null when none is set. */
    target: number | null;
    /** The household HI target; null when none is set. */
    hhiTarget?: number | null | undefined;
  } | null;
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The paragraph a press office writes, with the figures from the data: "Tính đến hết quý I/2022,
 * cả nước đã có hơn 16,4 triệu người tham gia bảo hiểm xã hội, đạt 32,47% lực lượng lao động trong
 * độ tuổi, tăng 2,77% so với cùng kỳ năm 2021. Trong đó, …". A clause whose figures are missing is
 * left out rather than written with a zero.
 */
export function composeBulletin(f: BulletinFigures): string {
  const when = pressDate(f.asOf);
  const opening = when.startsWith('quý') ? `Tính đến hết ${when}` : `Tính đến ${when}`;
  const lastYearLabel = `cùng kỳ năm ${Number(f.asOf.slice(0, 4)) - 1}`;
  const cover = coverageFigures(f, f.lastYear);
  const sentences: string[] = [];

  if (cover.participants !== null) {
    let s = `${opening}, ${f.scopeName} đã có ${pressNumber(cover.participants)} người tham gia bảo hiểm xã hội`;
    if (cover.coverage !== null)
      s += `, đạt ${pressPercent(cover.coverage)} lực lượng lao động trong độ tuổi`;
    if (cover.growth.participants !== null)
      s += `, ${pressGrowth(cover.growth.participants)} so với ${lastYearLabel}`;
    sentences.push(`${s}.`);
    if (f.voluntary > 0) {
      let v = `Trong đó, số người tham gia bảo hiểm xã hội tự nguyện đạt ${pressNumber(f.voluntary)} người`;
      if (cover.growth.voluntary !== null) v += `, ${pressGrowth(cover.growth.voluntary)}`;
      sentences.push(`${v}.`);
    }
  } else if (f.voluntary > 0) {
    let v = `${opening}, ${f.scopeName} có ${pressNumber(f.voluntary)} người tham gia bảo hiểm xã hội tự nguyện`;
    if (cover.growth.voluntary !== null)
      v += `, ${pressGrowth(cover.growth.voluntary)} so với ${lastYearLabel}`;
    sentences.push(`${v}.`);
  }

  if (f.householdHi > 0) {
    let h = `Số người tham gia bảo hiểm y tế hộ gia đình đạt ${pressNumber(f.householdHi)} người`;
    if (cover.growth.householdHi !== null)
      h += `, ${pressGrowth(cover.growth.householdHi)} so với ${lastYearLabel}`;
    sentences.push(`${h}.`);
  }

  if (f.campaign) {
    const c = f.campaign;
    // The campaign has ended only once its last day is over: on that day it is still under way.
    const ended = f.asOf > c.endsOn;
    const span = `(từ ${dmy(c.startsOn)} đến ${dmy(c.endsOn)})`;
    const who = f.national ? 'toàn quốc' : (f.unitName ?? f.scopeName);
    let s = `${ended ? 'Kết thúc' : 'Trong'} ${c.name} ${span}, ${who} đã vận động được ${exactVi(c.vsi)} người tham gia bảo hiểm xã hội tự nguyện`;
    if (c.hhiTarget && c.hhiTarget > 0) {
      // Each product against its own target: "…, đạt x% chỉ tiêu …; và … hộ gia đình, đạt y% chỉ tiêu …".
      s += reached(c.vsi, c.target);
      s += `; và ${exactVi(c.hhi)} người tham gia bảo hiểm y tế hộ gia đình${reached(c.hhi, c.hhiTarget)}`;
    } else {
      if (c.hhi > 0) s += ` và ${exactVi(c.hhi)} người tham gia bảo hiểm y tế hộ gia đình`;
      s += reached(c.vsi, c.target);
    }
    sentences.push(`${s}.`);
  }
  return sentences.join(' ');
}

/** ", đạt 66% chỉ tiêu 10.000 người" and the overshoot; nothing without a target. */
function reached(count: number, target: number | null | undefined): string {
  if (!target || target <= 0) return '';
  let s = `, đạt ${pressPercent(count / target)} chỉ tiêu ${exactVi(target)} người`;
  if (count > target) s += `, vượt ${exactVi(count - target)} người`;
  return s;
}
