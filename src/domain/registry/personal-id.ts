/**
 * Personal IDs are shown in full only to those who need them. The province code (first three
 * digits) and the last three are enough to tell two records apart on a list.
 */
export function maskPersonalId(id: string): string {
  if (id.length !== 12) return '************';
  return `${id.slice(0, 3)}******${id.slice(9)}`;
}

/** A search term that is a personal ID (12 digits) or a phone number (9–11 digits with 0/84). */
export function classifySearch(term: string): { kind: 'personal_id' | 'phone' | 'name'; value: string } {
  const digits = term.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(digits)) return { kind: 'personal_id', value: digits };
  if (/^(\+?84|0)\d{8,10}$/.test(digits)) return { kind: 'phone', value: normalizePhone(digits) };
  return { kind: 'name', value: term.trim() };
}

/** Vietnamese mobile numbers in their national form: 0 followed by 9 digits. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (digits.startsWith('84') && digits.length === 11) return `0${digits.slice(2)}`;
  return digits;
}
