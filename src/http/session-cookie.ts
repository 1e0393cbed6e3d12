import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring cookie values: `<base64url(json)>.<base64url(hmac-sha256)>`. The first secret signs; every
 * secret verifies, so secrets rotate without signing everyone out.
 */
export interface CookieSigner {
  sign(payload: object, now: number, ttlMs: number): string;
  /** The payload, or undefined when the value is tampered, signed with an unknown secret, or expired. */
  verify<T extends object>(value: string | undefined, now: number): T | undefined;
}

const mac = (secret: string, data: string): Buffer => createHmac('sha256', secret).update(data).digest();

export function createCookieSigner(secrets: readonly string[]): CookieSigner {
  if (secrets.length === 0) throw new Error('at least one cookie secret is required');
  return {
    sign(payload, now, ttlMs) {
      const body = Buffer.from(JSON.stringify({ ...payload, exp: now + ttlMs })).toString('base64url');
      return `${body}.${mac(secrets[0] as string, body).toString('base64url')}`;
    },
    verify<T extends object>(value: string | undefined, now: number): T | undefined {
      if (!value) return undefined;
      const dot = value.indexOf('.');
      if (dot <= 0) return undefined;
      const body = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1), 'base64url');
      const valid = secrets.some((secret) => {
        const expected = mac(secret, body);
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
      if (!valid) return undefined;
      try {
        const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp?: number };
        return typeof payload.exp === 'number' && payload.exp > now ? payload : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** A Set-Cookie header value. Secure is always on: browsers accept it on https and on http://localhost. */
/**
 * `secure` false only for the demo served over plain http to another machine (a phone on the LAN): browsers
 * keep Secure cookies over http for localhost alone, so the demo could not sign anyone in there.
 */
export function cookieHeader(name: string, value: string, maxAgeSec: number, path = '/', secure = true): string {
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeSec}; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Lax`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
