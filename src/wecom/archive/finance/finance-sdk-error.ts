import { AppError } from '../../../errors.ts';

/**
 * Finance SDK return codes (doc 91774 and the SDK's error table). 10001–10003 are transient (network, a
 * bad parse of Tencent's answer, a system failure) and retried; the others need an operator, so each
 * carries what to check.
 */
export const RETRYABLE_SDK_CODES: ReadonlySet<number> = new Set([10001, 10002, 10003]);

const MEANING: Record<number, [meaning: string, hint: string]> = {
  10000: ['parameter error', 'check WECOM_CORP_ID, ARCHIVE_SECRET and ARCHIVE_PROXY (socks5://host:port or http://host:port)'],
  10001: ['network error', 'the SDK host cannot reach Tencent: check egress, ARCHIVE_PROXY and its password'],
  10002: ['answer could not be parsed', 'transient; if it persists, update the SDK'],
  10003: ['system failure', 'transient; if it persists, contact WeCom support'],
  10004: ['key error, encryption failed', 'the uploaded public key and ARCHIVE_PRIVATE_KEYS do not form a pair'],
  10005: ['bad sdkfileid', 'the media id does not exist (or was given wrongly)'],
  10006: ['decryption failed', 'DecryptData got a wrong random key: the private key of that publickey_ver is not the pair of the uploaded public key'],
  10007: ['no private key for the message version', 'add the private key of that publickey_ver to ARCHIVE_PRIVATE_KEYS'],
  10008: ['encrypt_key could not be parsed', 'the RSA step produced garbage: check the private key of that version'],
  10009: ['IP not allowed', "add this host's egress IP to 可信IP on the 会话内容存档 page of the admin console"],
  10010: ['data expired', 'the archive keeps records for a limited time: pull more often (every msgaudit_notify)'],
  10011: ['certificate error', 'check ARCHIVE_SECRET (the 会话内容存档 Secret, not the app Secret) and WECOM_CORP_ID'],
};

export function sdkMeaning(code: number): string {
  return MEANING[code]?.[0] ?? 'unknown error';
}

/** The error a failed SDK call surfaces as (after retries, for the retryable codes). */
export function financeSdkError(operation: string, code: number, attempts: number): AppError {
  const hint = MEANING[code]?.[1] ?? 'see the Finance SDK error codes (doc 91774)';
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new AppError('archive_sdk_error', `Finance SDK ${operation} failed with ${code} (${sdkMeaning(code)})${tries}`, {
    status: RETRYABLE_SDK_CODES.has(code) ? 503 : 502,
    hint,
  });
}
