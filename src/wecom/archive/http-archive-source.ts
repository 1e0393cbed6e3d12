import { AppError } from '../../errors.ts';
import { archivePageSchema, type ArchiveSource } from './archive-source.ts';

export interface HttpArchiveSourceOptions {
  /** Sidecar base URL, e.g. `http://127.0.0.1:8088`; `/chatdata` is appended. */
  baseUrl: string;
  token: string;
  /** Bound on one call, including reading the body. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

const HINT = 'check ARCHIVE_URL/ARCHIVE_TOKEN and the sidecar log (Finance SDK errors 10001–10003 are retriable)';

function failure(code: string, message: string, cause?: unknown): AppError {
  return new AppError(code, message, { status: 502, hint: HINT, ...(cause === undefined ? {} : { cause }) });
}

/** The ArchiveSource of a sidecar speaking the contract in archive-source.ts. */
export function createHttpArchiveSource(options: HttpArchiveSourceOptions): ArchiveSource {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async fetchChatData({ seq, limit }) {
      const url = `${base}/chatdata?seq=${seq}&limit=${Math.min(Math.max(limit, 1), 1000)}`;
      let text: string;
      try {
        const response = await doFetch(url, {
          headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        text = await response.text();
        if (!response.ok) throw failure('archive_http_error', `chat-archive sidecar answered HTTP ${response.status}: ${text.slice(0, 200)}`);
      } catch (error) {
        if (error instanceof AppError) throw error;
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw timedOut
          ? failure('archive_timeout', `chat-archive sidecar did not answer within ${options.timeoutMs} ms`, error)
          : failure('archive_unreachable', `chat-archive sidecar call failed: ${(error as Error).message}`, error);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw failure('archive_bad_response', 'chat-archive sidecar answer is not JSON', error);
      }
      const parsed = archivePageSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw failure('archive_bad_response', `chat-archive sidecar answer does not match the contract at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
      }
      return { records: parsed.data.items, hasMore: parsed.data.has_more };
    },
  };
}
