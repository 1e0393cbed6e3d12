import { createHash } from 'node:crypto';
import type { WecomEvent } from './events.ts';

/**
 * WeCom retries a callback up to 3 times. Messages carry MsgId; events do not, and every contact event has
 * FromUserName=sys, so FromUserName+CreateTime (the doc's suggestion) collides within a second. We hash
 * the decrypted XML instead: a retry is byte-identical, two different events are not.
 */
export function dedupeKeyOf(event: WecomEvent, decryptedXml: string): string {
  if (event.type === 'text' || event.type === 'unsupported_message') return `msg-${event.msgId}`;
  return `evt-${createHash('sha256').update(decryptedXml).digest('base64url').slice(0, 32)}`;
}
