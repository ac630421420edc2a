import { describe, expect, it } from 'vitest';
import type { CampaignItem } from '../components/campaign-types.ts';
import { campaignInstead, registrationsOn, timingOf } from './home.model.ts';

const campaign = (id: number, startsOn: string, endsOn: string, status: CampaignItem['status']) =>
  ({ id, name: `Chiến dịch ${id}`, startsOn, endsOn, status }) as CampaignItem;

describe('the campaign shown when none is under way', () => {
  it('is the next to start, however the list is ordered', () => {
    const later = campaign(1, '2026-09-01', '2026-09-30', 'upcoming');
    const sooner = campaign(2, '2026-07-01', '2026-07-31', 'upcoming');
    const ended = campaign(3, '2026-05-01', '2026-05-31', 'ended');
    expect(campaignInstead([later, sooner], [ended])).toBe(sooner);
  });

  it('is the last to have finished when none is planned', () => {
    const long = campaign(1, '2026-01-01', '2026-04-30', 'ended');
    const latest = campaign(2, '2026-03-01', '2026-05-31', 'ended');
    expect(campaignInstead([], [long, latest])).toBe(latest);
  });

  it('is none on a new installation', () => {
    expect(campaignInstead([], [])).toBeNull();
  });
});

describe('registrations on a day', () => {
  it('reads the trend’s day, and a day absent from it had none', () => {
    const trend = [{ day: '2026-05-08', enrollments: 12, payments: 10, amount: 2_000_000 }];
    expect(registrationsOn(trend, '2026-05-08')).toBe(12);
    expect(registrationsOn(trend, '2026-05-09')).toBe(0);
  });
});

describe('where a campaign stands in time', () => {
  const may = { startsOn: '2026-05-01', endsOn: '2026-05-31' };

  it('counts the days to its start', () => {
    expect(timingOf(may, '2026-04-28')).toEqual({ status: 'upcoming', startsIn: 3 });
  });

  it('counts its last day as a day left', () => {
    expect(timingOf(may, '2026-05-01')).toEqual({ status: 'ongoing', daysLeft: 31 });
    expect(timingOf(may, '2026-05-31')).toEqual({ status: 'ongoing', daysLeft: 1 });
  });

  it('counts the days since it ended', () => {
    expect(timingOf(may, '2026-06-02')).toEqual({ status: 'ended', endedAgo: 2 });
  });
});
