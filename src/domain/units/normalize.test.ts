import { describe, expect, it } from 'vitest';
import { communeKind, normalizeSearch, slugify, stripProvincePrefix } from './normalize.ts';

describe('normalizeSearch', () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['HA NOI', 'ha noi'],
    ['ha   noi', 'ha noi'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
    ['Đắk Lắk', 'dak lak'],
    ['Bà Rịa – Vũng Tàu', 'ba ria vung tau'],
    ['Xã Ứng Thiên', 'xa ung thien'],
  ])('%s searches as "%s"', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });

  it('treats precomposed and decomposed spellings the same', () => {
    expect(normalizeSearch('Hoà Bình')).toBe(normalizeSearch('Hòa Bình'));
    expect(normalizeSearch('Hoa\u0300 Bi\u0300nh')).toBe('hoa binh');
  });
});

describe('unit names', () => {
  it('slugs a district name', () => expect(slugify('Huyện Ứng Hòa')).toBe('huyen-ung-hoa'));
  it('knows the kind of a commune', () => {
    expect(communeKind('Phường Ba Đình')).toBe('phuong');
    expect(communeKind('Xã Đất Mũi')).toBe('xa');
    expect(communeKind('Đặc khu Côn Đảo')).toBe('dac_khu');
  });
  it('strips the province prefix', () => {
    expect(stripProvincePrefix('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(stripProvincePrefix('Tỉnh Hoà Bình')).toBe('Hoà Bình');
    expect(stripProvincePrefix('Cà Mau')).toBe('Cà Mau');
  });
});
