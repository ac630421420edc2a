/**
 * The signed-in user, read from GET /auth/me and kept in the query cache so the router's guards
 * and the components see the same answer. `null` means "not signed in".
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Permission, can as roleCan } from '../domain/access/roles.ts';
import { ApiError, api, setCsrfToken } from './api.ts';
import type { Me, Session, SystemInfo } from './types.ts';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const session = await api.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
  retry: false,
});

export const systemQuery = queryOptions({
  queryKey: ['system'],
  queryFn: () => api.get<SystemInfo>('/system'),
  staleTime: Number.POSITIVE_INFINITY,
});

interface AuthValue {
  user: Me | null;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue>({ user: null, can: () => false });

export function AuthProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(meQuery);
  const user = data ?? null;
  const value = useMemo<AuthValue>(
    () => ({ user, can: (permission) => (user ? roleCan(user.role, permission) : false) }),
    [user],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  return useContext(AuthContext);
}

/** The user on a page that requires login; the router guard makes sure there is one. */
export function useUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useUser() outside a signed-in route');
  return user;
}

// Cached answers belong to the user who asked, except the system info and the me query itself.
const isPerUserQuery = (q: { queryKey: readonly unknown[] }) =>
  q.queryKey[0] !== 'system' && q.queryKey[0] !== 'auth';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Session>('/auth/login', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Another user may have been signed in on this browser: drop everything cached for them.
      queryClient.removeQueries({ predicate: isPerUserQuery });
      queryClient.setQueryData(ME_KEY, session.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: isPerUserQuery });
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
