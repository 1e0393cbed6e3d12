import { badRequest } from '../errors.ts';
import { verifyAndDecrypt, type CallbackKeys } from './crypto.ts';
import { dedupeKeyOf } from './dedupe-key.ts';
import type { WecomEvent } from './events.ts';
import { parseEvent } from './parse-event.ts';
import { extractEncrypt } from './xml.ts';

/**
 * The whole receive algorithm for a WeCom callback, free of any HTTP framework:
 * check parameters and the replay window → take <Encrypt> → verify + decrypt → parse → dedupe key.
 * See wecom-platform.md §1.2–§1.5 (doc path 90238 and 91144).
 */
export type Query = Record<string, string | string[] | undefined>;

export interface OpenedCallback {
  event: WecomEvent;
  xml: string;
  dedupeKey: string;
}

function param(query: Query, name: string): string {
  const value = query[name];
  if (typeof value !== 'string' || value === '') throw badRequest('missing_param', `query parameter ${name} is required`);
  return value;
}

function checkWindow(timestamp: string, nowMs: number, windowSec: number): void {
  if (!/^\d{1,12}$/.test(timestamp)) throw badRequest('bad_timestamp', 'timestamp must be seconds since the epoch');
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > windowSec) {
    throw badRequest('stale_timestamp', `timestamp is more than ${windowSec}s away from now`, 400, 'check the server clock (NTP)');
  }
}

function signedParams(query: Query, nowMs: number, windowSec: number): { signature: string; timestamp: string; nonce: string } {
  const signature = param(query, 'msg_signature');
  const timestamp = param(query, 'timestamp');
  const nonce = param(query, 'nonce');
  checkWindow(timestamp, nowMs, windowSec);
  return { signature, timestamp, nonce };
}

/** GET URL verification: returns the plaintext echo WeCom expects back. */
export function verifyCallbackUrl(keys: CallbackKeys, query: Query, nowMs: number, windowSec: number): string {
  const signed = signedParams(query, nowMs, windowSec);
  // Node's querystring turns a raw '+' into a space; echostr is base64 (wecom-platform.md §1.2).
  const echostr = param(query, 'echostr').replaceAll(' ', '+');
  return verifyAndDecrypt(keys, { ...signed, encrypt: echostr });
}

/** POST delivery: returns the parsed event and its dedupe key. */
export function openCallback(keys: CallbackKeys, query: Query, body: string, nowMs: number, windowSec: number): OpenedCallback {
  const signed = signedParams(query, nowMs, windowSec);
  const encrypt = extractEncrypt(body);
  const xml = verifyAndDecrypt(keys, { ...signed, encrypt });
  const event = parseEvent(xml);
  return { event, xml, dedupeKey: dedupeKeyOf(event, xml) };
}
