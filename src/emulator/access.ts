import { randomBytes } from 'node:crypto';
import type { Faults } from './faults.ts';

/**
 * Everything the emulator hands out and later checks: access tokens, JS-SDK tickets, OAuth codes,
 * welcome codes and 微信客服 callback tokens, each with WeCom's lifetime and use rules.
 */

export type OauthIdentity = { userid: string } | { openid: string };

interface TokenRecord {
  secretName: string;
  expiresAt: number;
  generation: number;
}

interface Timed {
  expiresAt: number;
}

export interface Access {
  /** Same token while the current one is valid (doc 91039), a new one otherwise. */
  issueToken(secretName: string): { token: string; expiresIn: number };
  /** 0 when valid, else WeCom's errcode: 41001 missing, 40014 unknown, 42001 expired. */
  checkToken(token: string | null): { errcode: 0; secretName: string } | { errcode: 41001 | 40014 | 42001 };
  issueTicket(kind: 'jsapi' | 'agent_config'): { ticket: string; expiresIn: number };
  validTickets(kind: 'jsapi' | 'agent_config'): string[];
  issueOauthCode(who: OauthIdentity): string;
  /** Single use, 5 minutes (doc 91023). */
  redeemOauthCode(code: string): OauthIdentity | undefined;
  issueWelcomeCode(userid: string, externalUserId: string): string;
  /** 20 seconds, single use (doc 92137). */
  takeWelcomeCode(code: string): { userid: string; externalUserId: string; state: 'ok' | 'used' | 'expired' } | undefined;
  issueKfToken(): string;
  /** Valid 10 minutes (doc 94670). */
  kfTokenValid(token: string): boolean;
}

const random = (prefix: string, bytes = 24): string => prefix + randomBytes(bytes).toString('base64url');

export function createAccess(now: () => number, faults: Faults): Access {
  const tokens = new Map<string, TokenRecord>();
  const current = new Map<string, string>();
  const tickets = new Map<string, { kind: string } & Timed>();
  const codes = new Map<string, { who: OauthIdentity; used: boolean } & Timed>();
  const welcome = new Map<string, { userid: string; externalUserId: string; used: boolean } & Timed>();
  const kfTokens = new Map<string, Timed>();

  const tokenValid = (record: TokenRecord | undefined): boolean =>
    record !== undefined && record.expiresAt > now() && record.generation === faults.tokenGeneration;

  return {
    issueToken(secretName) {
      const existing = current.get(secretName);
      const record = existing === undefined ? undefined : tokens.get(existing);
      if (existing !== undefined && record && tokenValid(record)) {
        return { token: existing, expiresIn: Math.floor((record.expiresAt - now()) / 1000) };
      }
      const token = random('emu_at_', 48);
      const expiresIn = faults.tokenExpiresIn;
      tokens.set(token, { secretName, expiresAt: now() + expiresIn * 1000, generation: faults.tokenGeneration });
      current.set(secretName, token);
      return { token, expiresIn };
    },
    checkToken(token) {
      if (!token) return { errcode: 41001 };
      const record = tokens.get(token);
      if (!record) return { errcode: 40014 };
      if (!tokenValid(record)) return { errcode: 42001 };
      return { errcode: 0, secretName: record.secretName };
    },
    issueTicket(kind) {
      const live = [...tickets.entries()].find(([, t]) => t.kind === kind && t.expiresAt > now());
      if (live) return { ticket: live[0], expiresIn: Math.floor((live[1].expiresAt - now()) / 1000) };
      const ticket = random(kind === 'jsapi' ? 'emu_jt_' : 'emu_agent_ticket_', 32);
      tickets.set(ticket, { kind, expiresAt: now() + 7200_000 });
      return { ticket, expiresIn: 7200 };
    },
    validTickets(kind) {
      return [...tickets.entries()].filter(([, t]) => t.kind === kind && t.expiresAt > now()).map(([ticket]) => ticket);
    },
    issueOauthCode(who) {
      const code = random('emu_code_');
      codes.set(code, { who, used: false, expiresAt: now() + 300_000 });
      return code;
    },
    redeemOauthCode(code) {
      const record = codes.get(code);
      if (!record || record.used || record.expiresAt <= now()) return undefined;
      record.used = true;
      return record.who;
    },
    issueWelcomeCode(userid, externalUserId) {
      const code = random('emu_welcome_');
      welcome.set(code, { userid, externalUserId, used: false, expiresAt: now() + 20_000 });
      return code;
    },
    takeWelcomeCode(code) {
      const record = welcome.get(code);
      if (!record) return undefined;
      const state = record.used ? 'used' : record.expiresAt <= now() ? 'expired' : 'ok';
      record.used = true;
      return { userid: record.userid, externalUserId: record.externalUserId, state };
    },
    issueKfToken() {
      const token = random('ENC', 30);
      kfTokens.set(token, { expiresAt: now() + 600_000 });
      return token;
    },
    kfTokenValid(token) {
      const record = kfTokens.get(token);
      return record !== undefined && record.expiresAt > now();
    },
  };
}
