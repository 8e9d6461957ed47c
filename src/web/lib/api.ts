/** Fetch wrapper for the すこやか API: JSON, CSRF header on changes, errors as ApiError. */

export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details.fields` (validation errors) as path → message. */
  get fields(): Record<string, string> {
    const d = this.details as { fields?: FieldError[] } | undefined;
    const out: Record<string, string> = {};
    for (const f of d?.fields ?? []) if (!(f.path in out)) out[f.path] = f.message;
    return out;
  }

  /** `details.current` of a VERSION_CONFLICT: the values now stored on the server. */
  get current(): Record<string, unknown> | undefined {
    const d = this.details as { current?: Record<string, unknown> } | undefined;
    return d?.current;
  }
}

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type AuthErrorHandler = (e: ApiError) => void;
let authErrorHandler: AuthErrorHandler | null = null;

/** Called on 401 UNAUTHENTICATED / SESSION_EXPIRED and 403 PASSWORD_CHANGE_REQUIRED. */
export function setAuthErrorHandler(h: AuthErrorHandler | null): void {
  authErrorHandler = h;
}

const authCodes = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED']);

type Options = { silentAuth?: boolean; blob?: boolean };

async function request<T>(method: string, path: string, body?: unknown, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'サーバーに接続できません。ネットワークを確かめてから、もう一度操作してください。',
    );
  }
  if (res.ok && opts.blob) return (await res.blob()) as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const e = new ApiError(
      res.status,
      err?.code ?? 'HTTP_ERROR',
      err?.message ?? `サーバーでエラーが発生しました（${res.status}）。時間をおいて再度お試しください。`,
      err?.details,
    );
    if (!opts.silentAuth && authCodes.has(e.code) && authErrorHandler) authErrorHandler(e);
    throw e;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: Options) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** A POST answered with a file (PDF, CSV): the body as a Blob; errors as ApiError like the others. */
  postBlob: (path: string, body?: unknown) => request<Blob>('POST', path, body ?? {}, { blob: true }),
  /** multipart/form-data (the FormData field order is kept as appended). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

/** Builds '?a=1&b=2' from the non-empty values (or '' when none). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The message of any thrown value, for an Alert. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '処理中にエラーが発生しました。画面を再読み込みしてください。';
}
