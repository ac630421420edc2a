/**
 * The law for calculations in the browser: GET /rules when the server answers, else the copy saved on
 * this device at the last visit, else the rules bundled with the app. A calculator that worked once
 * keeps working in a village without signal; the page says which rules it used.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createRuleBook, type RuleBook } from '../../domain/law/index.ts';
import { ApiError, api } from '../api.ts';
import type { RulesPayload } from '../types.ts';
import { useOnline } from './use-online.ts';

const STORAGE_KEY = 'diemtua.rules';

interface Saved {
  savedAt: string;
  payload: RulesPayload;
}

export function readSavedRules(): Saved | null {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
    return saved && Array.isArray(saved.payload?.rows) && Array.isArray(saved.payload.topups) ? saved : null;
  } catch {
    return null;
  }
}

function saveRules(payload: RulesPayload): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), payload }));
  } catch {
    // Storage full or refused (private browsing): the rules bundled with the app remain.
  }
}

export const rulesQuery = queryOptions({
  queryKey: ['rules', 'all'],
  queryFn: async () => {
    const payload = await api.get<RulesPayload>('/rules');
    saveRules(payload);
    return payload;
  },
  staleTime: 60_000,
});

let bundled: RuleBook | undefined;
function bundledBook(): RuleBook {
  bundled ??= createRuleBook();
  return bundled;
}

export type RulesSource = 'server' | 'saved' | 'bundled';

export interface RuleBookState {
  book: RuleBook;
  source: RulesSource;
  /** When the rules in use were fetched (ISO timestamp); null for the bundled ones. */
  savedAt: string | null;
  /** The network is down (or the server unreachable): the page shows which rules it fell back on. */
  offline: boolean;
  /** The server answered with an error other than a dropped connection. */
  failed: boolean;
}

export function useRuleBook(): RuleBookState {
  const online = useOnline();
  // Offline, a retry only delays the fallback; online, one retry covers a dropped packet.
  const query = useQuery({ ...rulesQuery, retry: online ? 1 : false });
  const saved = useMemo(() => (query.data ? null : readSavedRules()), [query.data]);
  const payload = query.data ?? saved?.payload;
  const book = useMemo(() => {
    if (!payload) return bundledBook();
    try {
      return createRuleBook(payload.rows, payload.topups);
    } catch {
      return bundledBook();
    }
  }, [payload]);
  const networkDown = query.error instanceof ApiError && query.error.code === 'network.offline';
  return {
    book,
    source: query.data ? 'server' : saved ? 'saved' : 'bundled',
    savedAt: query.data ? new Date(query.dataUpdatedAt).toISOString() : (saved?.savedAt ?? null),
    offline: !online || networkDown,
    failed: Boolean(query.error) && !networkDown,
  };
}
