import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { encryptAndSign, type CallbackKeys } from '../wecom/crypto.ts';
import type { EmCallbackRecord, EmulatorState } from './emulator-state.ts';
import { buildEnvelope } from './event-xml.ts';

export interface CallbackSenderOptions {
  /** Our webhook (e.g. `http://127.0.0.1:3000/wecom/callback`); without it callbacks are only recorded. */
  webhookUrl: () => string | undefined;
  keys: CallbackKeys;
  agentId: string;
  state: EmulatorState;
  now: () => number;
  /** Pause before each re-send. WeCom re-sends 3 times after a failure or a 5 s silence (doc 90238). */
  retryDelayMs: number;
}

/** What became of one callback (the record kept in state.callbacks). */
export type Delivery = EmCallbackRecord;

export interface CallbackSender {
  /** Encrypts, signs and POSTs one decrypted message; resolves when delivered or given up. */
  send(xml: string, summary: string): Promise<Delivery>;
  /** The GET 「设置API接收」 check: our webhook must echo the decrypted echostr (doc 90238). */
  verifyUrl(): Promise<{ ok: boolean; httpStatus?: number; echoed?: string }>;
}

const TIMEOUT_MS = 5000;

function signedQuery(keys: CallbackKeys, message: string, now: number): { query: URLSearchParams; encrypt: string } {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const signed = encryptAndSign(keys, message, timestamp, nonce);
  return { query: new URLSearchParams({ msg_signature: signed.signature, timestamp, nonce }), encrypt: signed.encrypt };
}

/** One POST; the HTTP status, or undefined when nothing answered in time. */
async function attempt(url: string, body: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

export function createCallbackSender(options: CallbackSenderOptions): CallbackSender {
  const { keys, state, now } = options;

  return {
    async send(xml, summary) {
      const record: EmCallbackRecord = { id: state.callbacks.length + 1, xml, summary, status: 'skipped', attempts: 0, at: now() };
      state.callbacks.push(record);
      const webhookUrl = options.webhookUrl();
      if (!webhookUrl) return record;
      for (let tries = 0; tries < 4; tries++) {
        if (tries > 0) await delay(options.retryDelayMs);
        // Each re-send is signed afresh, as WeCom does.
        const { query, encrypt } = signedQuery(keys, xml, now());
        const status = await attempt(`${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${query}`, buildEnvelope(keys.corpId, encrypt, options.agentId));
        record.attempts = tries + 1;
        if (status !== undefined) record.httpStatus = status;
        if (status === 200) {
          record.status = 'delivered';
          return record;
        }
      }
      record.status = 'failed';
      return record;
    },

    async verifyUrl() {
      const webhookUrl = options.webhookUrl();
      if (!webhookUrl) return { ok: false };
      const echo = randomBytes(8).readBigUInt64BE().toString();
      const { query, encrypt } = signedQuery(keys, echo, now());
      query.set('echostr', encrypt);
      try {
        const response = await fetch(`${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${query}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        const echoed = await response.text();
        return { ok: response.status === 200 && echoed === echo, httpStatus: response.status, echoed };
      } catch {
        return { ok: false };
      }
    },
  };
}
