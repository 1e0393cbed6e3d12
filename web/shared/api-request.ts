/** A refused or failed call: `code` is the server's stable error code, or `network` / `http_<status>`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

export type Request = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>;

export interface RequestOptions {
  /** Statuses answered without a body (the call resolves to undefined). */
  bodiless: readonly number[];
  /** Called before the ApiError is thrown for a 401 (the page's way back to sign-in). */
  onUnauthorized?: () => void;
}

/**
 * The JSON call both pages make: same-origin cookies, JSON in and out, and the server's
 * `{ error: { code, message } }` turned into an ApiError (a missing or unreadable body into `http_<status>`).
 */
export function createRequest({ bodiless, onUnauthorized }: RequestOptions): Request {
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    // The server takes state changes as JSON only (its CSRF guard), so a POST without a body (logout) sends {}.
    const sent = method === 'POST' ? (body ?? {}) : body;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: sent === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        ...(sent === undefined ? {} : { body: JSON.stringify(sent) }),
      });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    if (bodiless.includes(response.status)) return undefined as T;
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
      const message = typeof error?.message === 'string' ? error.message : response.statusText;
      if (response.status === 401) onUnauthorized?.();
      throw new ApiError(response.status, code, message);
    }
    return json as T;
  };
}
