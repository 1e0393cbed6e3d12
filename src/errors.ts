/**
 * One error type with a stable code. `expose` decides whether the message may reach a client;
 * `hint` tells an operator what to check. HTTP mapping lives in http/error-middleware.ts.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { status?: number; expose?: boolean; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.expose = options.expose ?? this.status < 500;
    this.hint = options.hint;
  }
}

/** A request we refuse: 4xx, exposed, nothing stored. */
export function badRequest(code: string, message: string, status = 400, hint?: string): AppError {
  return new AppError(code, message, { status, expose: true, ...(hint ? { hint } : {}) });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
