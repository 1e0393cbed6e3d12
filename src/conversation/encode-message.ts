import type { ChatMessage, MessageSource, Speaker } from './model.ts';

/**
 * The stored form of a message in a conversation list: a JSON array led by the three order keys, so the
 * append script reads them by position, and without the guide and customer ids, which the key already
 * holds (they were a quarter of every entry). Keeping 200 messages of a conversation is most of what a
 * conversation costs in Redis.
 *
 *   [at, seq, id, speaker (c|g), source, text, extra?]     extra = { kind?, fromDraft? } when present
 *
 * Lists written before this form hold whole ChatMessage objects; decodeMessage reads both.
 */
type Extra = Pick<ChatMessage, 'kind' | 'fromDraft'>;
type Stored = [at: number, seq: number, id: string, speaker: 'c' | 'g', source: MessageSource, text: string, extra?: Extra];

export function encodeMessage(message: ChatMessage): string {
  const extra: Extra = {
    ...(message.kind === undefined ? {} : { kind: message.kind }),
    ...(message.fromDraft === undefined ? {} : { fromDraft: message.fromDraft }),
  };
  const stored: Stored = [message.at, message.seq ?? 0, message.id, message.speaker === 'guide' ? 'g' : 'c', message.source, message.text];
  if (Object.keys(extra).length > 0) stored.push(extra);
  return JSON.stringify(stored);
}

export function decodeMessage(json: string, guideId: string, customerId: string): ChatMessage {
  const parsed = JSON.parse(json) as Stored | ChatMessage;
  if (!Array.isArray(parsed)) return parsed;
  const [at, seq, id, speaker, source, text, extra] = parsed;
  const who: Speaker = speaker === 'g' ? 'guide' : 'customer';
  return { id, guideId, customerId, speaker: who, text, source, at, ...(seq ? { seq } : {}), ...extra };
}
