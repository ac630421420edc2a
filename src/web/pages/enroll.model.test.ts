import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { createRuleBook } from '../../domain/law/index.ts';
import { checkId, cleanId, enrollBody, firstQuote, incomeRange, startMonths } from './enroll.model.ts';

const book = createRuleBook();
const today = '2026-05-20';

describe('the enrollment form', () => {
  it('offers a start from last month to twelve months ahead, as the server allows', () => {
    const months = startMonths(today);
    expect(months[0]).toBe('2026-04');
    expect(months[1]).toBe('2026-05');
    expect(months.at(-1)).toBe('2027-05');
    expect(months).toHaveLength(14);
  });

  it('reads a personal ID written in groups', () => {
    expect(cleanId(' 001 090 123456 ')).toBe('001090123456');
  });

  it('names each mismatch between the ID, the birth date and the sex, in Vietnamese', () => {
    const result = checkId(book, today, 'vi', {
      personalId: '001090123456',
      birthDate: dayjs('1991-02-03'),
      sex: 'F',
    });
    expect(result?.valid).toBe(false);
    expect(result?.errors.map((e) => e.code)).toEqual([
      'citizen_id.birth_year_mismatch',
      'citizen_id.sex_mismatch',
    ]);
    expect(result?.errors[0]?.message).toMatch(/năm sinh|sinh năm/i);
    expect(
      checkId(book, today, 'vi', { personalId: '001090123456', birthDate: dayjs('1990-02-03'), sex: 'M' })
        ?.valid,
    ).toBe(true);
  });

  it('prices the first payment in the browser and puts an off-step income on the income field', () => {
    const range = incomeRange(book, today);
    expect(range).not.toBeNull();
    const ok = firstQuote(book, today, 'vi', { monthlyIncome: range!.min, paymentMode: 'quarterly' }, '01');
    expect(ok.result?.months).toBe(3);
    expect(ok.result?.total).toBe(ok.result!.netMonthly * 3);
    const off = firstQuote(
      book,
      today,
      'vi',
      { monthlyIncome: range!.min + 1, paymentMode: 'monthly' },
      '01',
    );
    expect(off.result).toBeNull();
    expect(off.errors[0]?.field).toBe('monthlyIncome');
  });

  it('sends only the evidence of the categories still ticked, and the declarations as given', () => {
    const body = enrollBody({
      personalId: '001 090 123456',
      fullName: '  Nguyễn   Văn An ',
      birthDate: dayjs('1990-02-03'),
      sex: 'M',
      communeCode: '00004',
      categories: ['near_poor'],
      evidence: { near_poor: ' GCN 12/2026 ', poor: 'left over' },
      monthlyIncome: 2_000_000,
      paymentMode: 'monthly',
      startMonth: '2026-05',
      notCompulsory: true,
      noPension: true,
    });
    expect(body).toMatchObject({
      personalId: '001090123456',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-02-03',
      categoryEvidence: { near_poor: 'GCN 12/2026' },
      contactConsent: false,
      declarations: { notCompulsory: true, noPension: true },
    });
    expect(body.phone).toBeUndefined();
  });
});
