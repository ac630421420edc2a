import { describe, expect, it } from 'vitest';
import { type CitizenIdInput, type CitizenIdResult, checkCitizenId } from './citizen-id.calc.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();

function check(input: CitizenIdInput, lang: 'vi' | 'en' = 'vi', today?: string): CitizenIdResult {
  const out = checkCitizenId(input, { book, lang, today });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

describe('citizen-id', () => {
  it('the contract example: 001098012345, born 1998-05-02, male, is valid and from Hà Nội', () => {
    expect(check({ id: '001098012345', birthDate: '1998-05-02', sex: 'M' })).toMatchObject({
      valid: true,
      birthProvinceCode: '001',
      birthProvinceName: 'Hà Nội',
      century: 1900,
      sex: 'M',
      birthYear: 1998,
      errors: [],
    });
  });

  it.each([
    ['079303000001', 2000, 'F', 2003, 'TP. Hồ Chí Minh'],
    ['096200123456', 2000, 'M', 2000, 'Cà Mau'],
    ['001499000000', 2100, 'M', 2199, 'Hà Nội'],
    ['001799000000', 2200, 'F', 2299, 'Hà Nội'],
  ])('%s decodes as century %i, sex %s, born %i in %s', (id, century, sex, birthYear, name) => {
    expect(check({ id })).toMatchObject({ valid: true, century, sex, birthYear, birthProvinceName: name });
  });

  it('accepts a number written in groups', () => {
    expect(check({ id: '001 098 012345' }).valid).toBe(true);
  });

  it('reports each mismatch separately', () => {
    const r = check({ id: '001198012345', birthDate: '2003-05-02', sex: 'M' });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      {
        code: 'citizen_id.century_mismatch',
        message: 'Chữ số thế kỷ 1 ứng với năm sinh 1900–1999, nhưng năm sinh đã khai là 2003',
      },
      {
        code: 'citizen_id.birth_year_mismatch',
        message: 'Số định danh ghi năm sinh 1998 (hai chữ số 98), nhưng năm sinh đã khai là 2003',
      },
      {
        code: 'citizen_id.sex_mismatch',
        message: 'Chữ số thế kỷ và giới tính 1 ứng với nữ, nhưng giới tính đã khai là nam',
      },
    ]);
  });

  it('reports wrong year digits even when the century digit is wrong too', () => {
    expect(check({ id: '001298012345', birthDate: '1997-05-02' }).errors.map((e) => e.code)).toEqual([
      'citizen_id.century_mismatch',
      'citizen_id.birth_year_mismatch',
    ]);
    expect(check({ id: '001298012345', birthDate: '1998-05-02' }).errors.map((e) => e.code)).toEqual([
      'citizen_id.century_mismatch',
    ]);
  });

  it('names the rule version, as every result does', () => {
    expect(check({ id: '001098012345' }).ruleVersion).toMatch(/^\d{4}-\d{2}-\d{2}\./);
  });

  it('reports a wrong birth year within the right century', () => {
    expect(check({ id: '001098012345', birthDate: '1997-05-02' }).errors).toEqual([
      {
        code: 'citizen_id.birth_year_mismatch',
        message: 'Số định danh ghi năm sinh 1998 (hai chữ số 98), nhưng năm sinh đã khai là 1997',
      },
    ]);
  });

  it('reports an unknown province code and still decodes the rest', () => {
    const r = check({ id: '003098012345' });
    expect(r).toMatchObject({
      valid: false,
      birthProvinceCode: '003',
      birthProvinceName: null,
      birthYear: 1998,
    });
    expect(r.errors.map((e) => e.code)).toEqual(['citizen_id.unknown_province']);
  });

  it('reports a wrong length or a non-digit', () => {
    expect(check({ id: '00109801234' })).toMatchObject({
      valid: false,
      birthProvinceCode: null,
      errors: [
        { code: 'citizen_id.length', message: 'Số định danh phải có đúng 12 chữ số; số đã nhập có 11 ký tự' },
      ],
    });
    expect(check({ id: '00109801234A' }, 'en').errors).toEqual([
      {
        code: 'citizen_id.not_digits',
        message: 'A personal ID number has digits 0–9 only; “A” at position 12 is not allowed',
      },
    ]);
  });

  it('reports a birth year after today when today is known', () => {
    expect(check({ id: '001499000000' }, 'vi', '2026-01-01').errors.map((e) => e.code)).toEqual([
      'citizen_id.birth_in_future',
    ]);
  });

  it('refuses input that is not a check at all', () => {
    const out = checkCitizenId({ id: 1234 } as never, { book });
    expect(out.ok ? undefined : out.error.code).toBe('calc.invalid_type');
    const bad = checkCitizenId({ id: '001098012345', birthDate: '1998-02-30' }, { book });
    expect(bad.ok ? undefined : bad.error.code).toBe('calc.invalid_date');
  });
});
