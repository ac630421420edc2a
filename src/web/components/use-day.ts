import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';

/**
 * A stable dayjs for a controlled date picker. A new object on every render makes the picker reset
 * what the user is typing whenever the page re-renders for another reason.
 */
export function useDay(iso: string | undefined): Dayjs | null {
  return useMemo(() => (iso ? dayjs(iso) : null), [iso]);
}
