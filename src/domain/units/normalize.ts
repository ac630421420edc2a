/**
 * The form names are searched in: no diacritics, lower case, single spaces, so that "ha noi",
 * "Hà Nội" and "HA NOI" all match. đ is a letter of its own in Unicode, not d plus a mark.
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A URL- and code-safe slug of a Vietnamese name: "Huyện Ứng Hòa" → "huyen-ung-hoa". */
export function slugify(text: string): string {
  return normalizeSearch(text).replace(/ /g, '-');
}

/** The kind of a commune-level unit from its name: Phường, Xã or Đặc khu. */
export function communeKind(name: string): 'phuong' | 'xa' | 'dac_khu' {
  if (name.startsWith('Phường')) return 'phuong';
  if (name.startsWith('Đặc khu')) return 'dac_khu';
  return 'xa';
}

/** "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Hoà Bình" → "Hoà Bình". */
export function stripProvincePrefix(name: string): string {
  return name.replace(/^(Thành phố|Tỉnh)\s+/, '').trim();
}
