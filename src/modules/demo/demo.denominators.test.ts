import { describe, expect, it } from 'vitest';
import { composeBulletin } from '../../domain/campaigns/bulletin.ts';
import { DEMO_DENOMINATORS } from './demo.denominators.ts';

const national = (asOf: string) => {
  const rows = DEMO_DENOMINATORS.filter((d) => d.asOf === asOf);
  const sum = (pick: (d: (typeof rows)[number]) => number) => rows.reduce((s, d) => s + pick(d), 0);
  return {
    provinces: rows.length,
    labourForce: sum((d) => d.labourForce),
    compulsory: sum((d) => d.compulsoryParticipants),
    voluntary: sum((d) => d.voluntaryOutside),
  };
};

describe('the demo denominators', () => {
  it('cover the 34 provinces at every date', () => {
    for (const asOf of new Set(DEMO_DENOMINATORS.map((d) => d.asOf)))
      expect(national(asOf).provinces).toBe(34);
  });

  // The demo has no voluntary participant of its own before May 2022: those of Q1/2022 are all recorded outside.
  it('make the Q1/2022 bulletin read as the press wrote it', () => {
    const now = national('2022-03-31');
    const before = national('2021-03-31');
    const text = composeBulletin({
      asOf: '2022-03-31',
      scopeName: 'cả nước',
      national: true,
      labourForce: now.labourForce,
      compulsory: now.compulsory,
      voluntary: now.voluntary,
      householdHi: 0,
      lastYear: { compulsory: before.compulsory, voluntary: before.voluntary, householdHi: 0 },
      campaign: null,
    });
    expect(text).toBe(
      'Tính đến hết quý I/2022, cả nước đã có hơn 16,4 triệu người tham gia bảo hiểm xã hội, đạt 32,47% lực lượng lao động trong độ tuổi, tăng 2,77% so với cùng kỳ năm 2021. ' +
        'Trong đó, số người tham gia bảo hiểm xã hội tự nguyện đạt gần 1,3 triệu người, tăng 16,09%.',
    );
  });
});
