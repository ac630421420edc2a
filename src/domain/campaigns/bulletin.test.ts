import { describe, expect, it } from 'vitest';
import { type BulletinFigures, composeBulletin, coverageFigures } from './bulletin.ts';

const q1_2022: BulletinFigures = {
  asOf: '2022-03-31',
  scopeName: 'cả nước',
  national: true,
  labourForce: 50_614_000,
  compulsory: 15_146_000,
  voluntary: 1_288_000,
  householdHi: 0,
  lastYear: { compulsory: 14_881_548, voluntary: 1_109_500, householdHi: 0 },
  campaign: null,
};

describe('the bulletin', () => {
  it('writes the seed article’s sentence from the figures', () => {
    expect(composeBulletin(q1_2022)).toBe(
      'Tính đến hết quý I/2022, cả nước đã có hơn 16,4 triệu người tham gia bảo hiểm xã hội, đạt 32,47% lực lượng lao động trong độ tuổi, tăng 2,77% so với cùng kỳ năm 2021. ' +
        'Trong đó, số người tham gia bảo hiểm xã hội tự nguyện đạt gần 1,3 triệu người, tăng 16,09%.',
    );
  });

  it('chooses "hơn" above the rounded figure and "gần" below it', () => {
    const text = composeBulletin({
      ...q1_2022,
      compulsory: 14_950_000,
      voluntary: 1_340_000,
      lastYear: null,
    });
    expect(text).toContain('gần 16,3 triệu người tham gia bảo hiểm xã hội');
    expect(text).toContain('hơn 1,3 triệu người');
    expect(text).not.toContain('cùng kỳ');
  });

  it('reports the campaign against its target, and its overshoot', () => {
    const text = composeBulletin({
      ...q1_2022,
      asOf: '2022-05-31',
      campaign: {
        name: 'Tháng vận động',
        startsOn: '2022-05-01',
        endsOn: '2022-05-31',
        vsi: 33_120,
        hhi: 72_400,
        target: 10_000,
      },
    });
    expect(text).toContain('Tính đến ngày 31/05/2022');
    expect(text).toContain(
      'Trong Tháng vận động (từ 01/05/2022 đến 31/05/2022), toàn quốc đã vận động được 33.120 người tham gia bảo hiểm xã hội tự nguyện và 72.400 người tham gia bảo hiểm y tế hộ gia đình, đạt 331,2% chỉ tiêu 10.000 người, vượt 23.120 người.',
    );
  });

  it('leaves out what it has no figures for, rather than writing a zero', () => {
    const text = composeBulletin({
      ...q1_2022,
      labourForce: null,
      compulsory: null,
      lastYear: null,
      scopeName: 'tỉnh Cà Mau',
      national: false,
    });
    expect(text).toBe(
      'Tính đến hết quý I/2022, tỉnh Cà Mau có gần 1,3 triệu người tham gia bảo hiểm xã hội tự nguyện.',
    );
  });
});

describe('the campaign clause', () => {
  const may: NonNullable<BulletinFigures['campaign']> = {
    name: 'Tháng vận động',
    startsOn: '2022-05-01',
    endsOn: '2022-05-31',
    vsi: 32_870,
    hhi: 72_460,
    target: 10_000,
  };
  const clause = (f: Partial<BulletinFigures>) =>
    composeBulletin({ ...q1_2022, asOf: '2022-06-01', campaign: may, ...f }).split(' Trong đó, ')[1]!;

  it.each([
    ['2022-05-30', 'Trong'],
    ['2022-05-31', 'Trong'],
    ['2022-06-01', 'Kết thúc'],
  ])('on %s begins with "%s": the campaign has ended only after its last day', (asOf, word) => {
    const text = composeBulletin({ ...q1_2022, asOf, campaign: may });
    expect(text).toContain(`${word} Tháng vận động (từ 01/05/2022 đến 31/05/2022), toàn quốc`);
  });

  it('sets each product against its own target when household HI has one', () => {
    expect(clause({ campaign: { ...may, hhiTarget: 60_000 } })).toContain(
      'Kết thúc Tháng vận động (từ 01/05/2022 đến 31/05/2022), toàn quốc đã vận động được 32.870 người tham gia bảo hiểm xã hội tự nguyện, đạt 328,7% chỉ tiêu 10.000 người, vượt 22.870 người; và 72.460 người tham gia bảo hiểm y tế hộ gia đình, đạt 120,77% chỉ tiêu 60.000 người, vượt 12.460 người.',
    );
    // Short of it, with no VSI target: only the household figure is measured.
    expect(clause({ campaign: { ...may, target: null, hhi: 45_000, hhiTarget: 60_000 } })).toContain(
      'đã vận động được 32.870 người tham gia bảo hiểm xã hội tự nguyện; và 45.000 người tham gia bảo hiểm y tế hộ gia đình, đạt 75% chỉ tiêu 60.000 người.',
    );
  });

  it('names a unit below the province for the campaign, and its province for the coverage', () => {
    const text = composeBulletin({
      ...q1_2022,
      asOf: '2022-05-20',
      scopeName: 'Thành phố Hà Nội',
      national: false,
      unitName: 'Bảo hiểm xã hội cơ sở Ba Đình',
      campaign: { ...may, vsi: 120, hhi: 0, target: 100 },
    });
    expect(text).toMatch(/^Tính đến ngày 20\/05\/2022, Thành phố Hà Nội đã có hơn 16,4 triệu người/);
    expect(text).toContain(
      'Trong Tháng vận động (từ 01/05/2022 đến 31/05/2022), Bảo hiểm xã hội cơ sở Ba Đình đã vận động được 120 người tham gia bảo hiểm xã hội tự nguyện, đạt 120% chỉ tiêu 100 người, vượt 20 người.',
    );
  });
});

describe('the bulletin without voluntary participants', () => {
  it('writes no "0 người" clause', () => {
    const text = composeBulletin({ ...q1_2022, voluntary: 0, lastYear: null });
    expect(text).toBe(
      'Tính đến hết quý I/2022, cả nước đã có hơn 15,1 triệu người tham gia bảo hiểm xã hội, đạt 29,92% lực lượng lao động trong độ tuổi.',
    );
  });
});

describe('coverage figures', () => {
  it('divide the seed article’s participants by the labour force and a year earlier', () => {
    const f = coverageFigures(q1_2022, q1_2022.lastYear);
    // 15,146,000 + 1,288,000 = 16,434,000 of 50,614,000; a year before 14,881,548 + 1,109,500.
    expect(f.participants).toBe(16_434_000);
    expect(f.coverage).toBeCloseTo(16_434_000 / 50_614_000, 12);
    expect(f.voluntaryShare).toBeCloseTo(1_288_000 / 16_434_000, 12);
    expect(f.growth.participants).toBeCloseTo(16_434_000 / 15_991_048 - 1, 12);
    expect(f.growth.voluntary).toBeCloseTo(1_288_000 / 1_109_500 - 1, 12);
    // No household HI a year before: no growth to speak of, rather than an infinite one.
    expect(f.growth.householdHi).toBeNull();
  });

  it('have no share or growth without a compulsory count, a labour force or a year before', () => {
    const f = coverageFigures(
      { labourForce: null, compulsory: null, voluntary: 1_200, householdHi: 40 },
      null,
    );
    expect(f).toEqual({
      participants: null,
      coverage: null,
      voluntaryShare: null,
      growth: { participants: null, voluntary: null, householdHi: null },
    });
    const zero = coverageFigures({ labourForce: 0, compulsory: 10, voluntary: 0, householdHi: 0 }, null);
    expect(zero.coverage).toBeNull();
    expect(zero.voluntaryShare).toBe(0);
  });
});
