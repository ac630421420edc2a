/**
 * The one way the web app talks to the server: JSON over fetch, the session cookie, and the
 * anti-forgery token echoed on every request that changes something.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface List<T> {
  items: T[];
  total: number;
}

let csrfToken: string | null = null;
let language = 'vi';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The server answers errors in the caller's language. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when a request needing a session gets 401, so the app can send the user to log in. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

// Auth endpoints answer 401 as part of their normal flow; they must not bounce to the login page.
const QUIET_401 = ['/auth/login', '/auth/me', '/auth/logout'];

/** Extra headers for one request, e.g. the Idempotency-Key of a money or enrollment write. */
export interface RequestOptions {
  headers?: Record<string, string>;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options?: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...options?.headers,
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network.offline', '');
  }

  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;

  const error = (data as { error?: Partial<ApiError> & { fields?: FieldError[] } } | null)?.error;
  const apiError = new ApiError(
    response.status,
    error?.code ?? `http.${response.status}`,
    error?.message ?? '',
    error?.field,
    error?.fields ?? [],
  );
  if (response.status === 401 && !QUIET_401.some((p) => path.startsWith(p))) onUnauthorized?.();
  throw apiError;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) =>
    request<T>('DELETE', path, undefined, options),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
