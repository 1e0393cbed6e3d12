import { createHash, randomUUID } from 'node:crypto';
import type { RedisClient } from '../../ops/redis-client.ts';
import type { Keys } from '../../conversation/keys.ts';
import { AppError } from '../../errors.ts';
import { SendRateLimitedError, WecomApiError, failedBeforeSending } from './wecom-api-error.ts';

/**
 * Every outbound WeCom write a job makes goes through here, so a retried job (a worker killed mid-run, a
 * Redis outage after the call, a stalled job picked up by a second worker) does not repeat it.
 *
 * Before the call the operation's key is claimed (SET NX, value `claimed:<attempt>`); after it the key says
 * `done`. Both live `ttlSec` (the callback dedupe window: no redelivery arrives later than that).
 * A retry that finds `done` skips the call. What it does with a claim left by an attempt that died between
 * claim and done depends on the call:
 *
 * - `at-most-once`: the claim is kept and the call skipped. The dead attempt may or may not have reached
 *   WeCom, and a repeat is the worse outcome: a message in a person's WeCom (message/send to a guide or a
 *   manager: app replies, textcards, digests, escalations) cannot be taken back, and send_welcome_msg
 *   shows the customer a second greeting (its 20 s window would be gone by the retry anyway). The price:
 *   a crash inside the call loses that one message; the guide can ask again, a digest's tasks stay in 待办.
 * - `at-least-once`: the claim is taken over and the call repeated. Only for calls WeCom applies
 *   idempotently, where a lost call is the worse outcome: mark_tag (adding a tag the customer has is a
 *   no-op), remark.
 *
 * A call that fails while its attempt is alive releases the claim when WeCom surely did not act on it
 * (an errcode, our own rate guard, a refused connection, no access_token to be had: gettoken timing out is
 * not the call timing out), so the queue's retry sends it. A timeout or an unreadable answer of the call
 * itself may have taken effect: at-most-once keeps the claim, at-least-once releases it.
 * A call that failed because Redis went away (the rate guard and the token cache live there) is the usual
 * case of that during an outage, and the release needs the same Redis: it is retried until Redis answers
 * (up to 30 s), or the claim would outlive the attempt and silence every retry (a lost reply).
 * The same goes for the claim itself when Redis applied it but the answer was lost with the connection:
 * the client either rejects the command (then the attempt drops its claim, by value, before it gives up)
 * or sends it again (then the second SET NX finds the attempt's own claim, which is still its own).
 */
export type Delivery = 'at-most-once' | 'at-least-once';

export type Outcome<T> = { ran: true; value: T } | { ran: false; why: 'done' | 'claimed' };

export interface CallOnce {
  /** Runs `call` unless this operation already happened (or, at most once, may have happened). */
  run<T>(scope: string, id: string, delivery: Delivery, call: () => Promise<T>): Promise<Outcome<T>>;
  /** True once the operation was claimed or done: lets a job skip costly work before the call. */
  started(scope: string, id: string): Promise<boolean>;
}

const CLAIMED = 'claimed:';
const DONE = 'done';
// Compare-then-act: an attempt only drops its own claim, never a newer attempt's or a done marker.
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/** A stable operation id from what the call is about (e.g. the ids a card announces), order-free. */
export function operationId(parts: readonly string[]): string {
  return createHash('sha256').update([...parts].sort().join('\n')).digest('hex').slice(0, 24);
}

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('E')) return code;
  }
  return undefined;
}

/** Whether WeCom cannot have acted on the failed call. */
export function surelyNotApplied(error: unknown): boolean {
  if (error instanceof WecomApiError || error instanceof SendRateLimitedError || failedBeforeSending(error)) return true;
  if (error instanceof AppError && (error.code === 'wecom_unreachable' || error.code === 'wecom_bad_response')) {
    const code = networkCode(error.cause);
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  }
  // Anything else failed on our side before the request (a validation problem, the send guard's Redis).
  return true;
}

/** How long a failed attempt keeps trying to release its claim while Redis does not answer. */
const RELEASE_WITHIN_MS = 30_000;

export function createCallOnce(redis: RedisClient, keys: Keys, ttlSec: number): CallOnce {
  async function release(key: string, mine: string): Promise<void> {
    const giveUpAt = Date.now() + RELEASE_WITHIN_MS;
    for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
      try {
        await redis.eval(RELEASE, 1, key, mine);
        return;
      } catch (error) {
        if (Date.now() + wait > giveUpAt) throw error;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Takes the operation for this attempt (`mine`), or says why not. */
  async function claim(key: string, mine: string, delivery: Delivery): Promise<'mine' | 'done' | 'claimed'> {
    if ((await redis.set(key, mine, 'EX', ttlSec, 'NX')) === 'OK') return 'mine';
    const seen = await redis.get(key);
    if (seen !== null && !seen.startsWith(CLAIMED)) return 'done'; // `done`, or `1` as older releases wrote
    if (seen !== null && seen !== mine && delivery === 'at-most-once') return 'claimed';
    await redis.set(key, mine, 'EX', ttlSec);
    return 'mine';
  }

  async function run<T>(scope: string, id: string, delivery: Delivery, call: () => Promise<T>): Promise<Outcome<T>> {
    const key = keys.done(scope, id);
    const mine = `${CLAIMED}${randomUUID()}`;
    let claimed: Awaited<ReturnType<typeof claim>>;
    try {
      claimed = await claim(key, mine, delivery);
    } catch (error) {
      // Redis may have applied the claim and lost only its answer; the call was not made, so drop it.
      await release(key, mine);
      throw error;
    }
    if (claimed !== 'mine') return { ran: false, why: claimed };
    let value: T;
    try {
      value = await call();
    } catch (error) {
      if (delivery === 'at-least-once' || surelyNotApplied(error)) await release(key, mine);
      throw error;
    }
    await redis.set(key, DONE, 'EX', ttlSec);
    return { ran: true, value };
  }
  return {
    run,
    started: async (scope, id) => (await redis.exists(keys.done(scope, id))) === 1,
  };
}
