import { describe, expect, it } from 'vitest';
import type { Lead } from '../components/lead-types.ts';
import { readEnrollPrefill } from './enroll.model.ts';
import { enrollPrefill, leadActions } from './leads.model.ts';

const lead = (overrides: Partial<Lead> = {}): Lead => ({
  id: 7,
  campaignId: 3,
  source: 'convoy',
  eventId: 12,
  eventTitle: 'Đoàn xe diễu hành',
  participantId: null,
  enrollmentId: null,
  personalId: null,
  fullName: 'Lò Thị Hoa',
  phone: '0912 345 678',
  commune: { code: '00004', name: 'Phường Ba Đình' },
  provinceCode: '01',
  channel: 'convoy',
  consent: true,
  purpose: 'vsi_enroll',
  assignedTo: null,
  orgUnit: { id: 5, name: 'Điểm Bưu điện – Văn hóa xã' },
  status: 'new',
  contactedAt: null,
  consultedAt: null,
  enrolledAt: null,
  paidAt: null,
  lostAt: null,
  lostReason: null,
  note: null,
  createdAt: '2026-05-08T02:00:00.000Z',
  updatedAt: '2026-05-08T02:00:00.000Z',
  isDemo: false,
  ...overrides,
});

describe('a lead’s card', () => {
  it('offers a call only to someone who agreed to be called', () => {
    expect(leadActions(lead()).tel).toBe('tel:0912345678');
    expect(leadActions(lead({ consent: false, phone: null })).tel).toBeNull();
  });

  it('offers the steps still open, and undo once one is taken', () => {
    expect(leadActions(lead())).toMatchObject({ steps: ['contacted', 'consulted', 'lost'], undo: false });
    const contacted = lead({ status: 'contacted', contactedAt: '2026-05-08T03:00:00.000Z' });
    expect(leadActions(contacted)).toMatchObject({ steps: ['consulted', 'lost'], undo: true });
    const enrolled = lead({ status: 'enrolled', participantId: 40, enrolledAt: '2026-05-09T03:00:00.000Z' });
    expect(leadActions(enrolled)).toMatchObject({ steps: [], undo: false, enroll: null, collectFrom: 40 });
  });

  it('opens the enrollment form with what the lead knows, and the campaign and event to count it for', () => {
    const prefill = enrollPrefill(lead());
    expect(prefill).toEqual({
      ten: 'Lò Thị Hoa',
      xa: '00004',
      sdt: '0912 345 678',
      dongY: 1,
      chienDich: 3,
      hoatDong: 12,
      kenh: 'convoy',
    });
    // The address carries it as text; reading it back gives the same.
    const search = Object.fromEntries(Object.entries(prefill).map(([k, v]) => [k, String(v)]));
    expect(readEnrollPrefill(search)).toEqual(prefill);
    expect(readEnrollPrefill({ xa: 'Ba Đình', cccd: '123', kenh: 'fax', chienDich: '-1' })).toEqual({});
  });

  it('sends a lapsed participant to collection, not to a second enrollment', () => {
    const lapsed = lead({ source: 'list_lapsed', participantId: 90, enrollmentId: 33 });
    expect(leadActions(lapsed)).toMatchObject({ enroll: null, collectFrom: 90 });
  });
});
