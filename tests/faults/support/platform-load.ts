import type { CallbackKeys } from '../../../src/wecom/crypto.ts';
import { postCallback, signedCallback, textMessageXml } from '../../support/callbacks.ts';

/** One message a guide writes to the app, as the platform numbers it. */
export interface PlatformMessage {
  guide: string;
  /** MsgId: fixed width, so its text order is the platform's order within one second. */
  msgId: string;
  /** CreateTime, unix seconds: two messages of a conversation share each second, so the MsgId breaks the tie. */
  createTime: number;
  text: string;
}

const TEXTS = ['顾客问：这件大衣有M码吗？', '顾客说周末想到店试一下', '顾客问：羊绒的怎么洗？', '顾客问预算一千左右有什么推荐', '顾客问：今天能发货吗？'];

/**
 * `perGuide` messages in each guide's conversation, interleaved across guides in the order the platform
 * sends them (message i of every guide, then message i+1). `series` keeps MsgIds apart between batches.
 */
export function planMessages(guides: readonly string[], perGuide: number, series = 1, startSec = Math.floor(Date.now() / 1000)): PlatformMessage[] {
  const plan: PlatformMessage[] = [];
  for (let i = 0; i < perGuide; i++) {
    guides.forEach((guide, g) => {
      const msgId = `7${String(series).padStart(3, '0')}${String(g).padStart(4, '0')}${String(i).padStart(6, '0')}`;
      plan.push({ guide, msgId, createTime: startSec + Math.floor(i / 2), text: TEXTS[(g + i) % TEXTS.length]! });
    });
  }
  return plan;
}

/** Platform order within one conversation: CreateTime, then MsgId. */
export function platformOrder(a: PlatformMessage, b: PlatformMessage): number {
  return a.createTime - b.createTime || (a.msgId < b.msgId ? -1 : a.msgId > b.msgId ? 1 : 0);
}

export interface LoadOptions {
  keys: CallbackKeys;
  /** The service URL the next POST of a copy goes to; undefined while none is up (the POST waits and retries). */
  target: (message: PlatformMessage, copy: number, post: number) => string | undefined;
  ratePerSec: number;
  /** Deliveries of every message (WeCom re-sends a callback it thinks was lost; 3 = the original and two retries). */
  copies?: number;
  /** Copies at the same time instead of one after the other's 200. */
  concurrentCopies?: boolean;
  /** A copy still not answered 200 after this long is given up (then the message counts as not acknowledged). */
  giveUpMs?: number;
}

export interface Load {
  /** Messages acknowledged so far (at least one copy answered 200). */
  acked(): number;
  /** Resolves when every copy of every message was answered 200 or given up: the acknowledged messages. */
  done: Promise<PlatformMessage[]>;
}

const RETRY_MS = 200;

/** One copy, re-signed per POST (fresh timestamp and nonce) and re-sent until a 200, as WeCom keeps trying. */
async function deliverCopy(message: PlatformMessage, copy: number, options: LoadOptions): Promise<boolean> {
  const giveUpAt = Date.now() + (options.giveUpMs ?? 20_000);
  for (let post = 0; Date.now() < giveUpAt; post++) {
    const url = options.target(message, copy, post);
    if (url) {
      const xml = textMessageXml(options.keys.corpId, message.msgId, message.text, message.guide, message.createTime);
      const status = await postCallback(url, signedCallback(options.keys, xml, Math.floor(Date.now() / 1000)))
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch(() => 0);
      if (status === 200) return true;
    }
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
  return false;
}

async function deliverMessage(message: PlatformMessage, options: LoadOptions): Promise<boolean> {
  const copies = options.copies ?? 1;
  if (options.concurrentCopies) return (await Promise.all(Array.from({ length: copies }, (_, c) => deliverCopy(message, c, options)))).some(Boolean);
  let acked = false;
  for (let c = 0; c < copies; c++) acked = (await deliverCopy(message, c, options)) || acked;
  return acked;
}

/** Sends the messages at a fixed rate (an open loop: a slow answer does not hold the next message back). */
export function startLoad(messages: readonly PlatformMessage[], options: LoadOptions): Load {
  let acked = 0;
  const started = performance.now();
  const done = (async () => {
    const sent: Array<Promise<PlatformMessage | undefined>> = [];
    for (const [i, message] of messages.entries()) {
      const wait = started + (i * 1000) / options.ratePerSec - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sent.push(deliverMessage(message, options).then((ok) => (ok ? (acked++, message) : undefined)));
    }
    return (await Promise.all(sent)).filter((m): m is PlatformMessage => m !== undefined);
  })();
  return { acked: () => acked, done };
}
