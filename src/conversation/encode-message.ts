import type { ChatMessage, MessageSource, Speaker } from './model.ts';

/**
 * The stored form of a message in a conversation list: a JSON array led by the three order keys, so the
 * append script reads them by position, and without the guide and customer ids, which the key already
 * holds (they were a quarter of every entry). Keeping 200 messages of a conversation is most of what a
 * conversation costs in Redis.
 *
 *   [at, seq, id, speaker (c|g), source, text, extra?]     extra = every other field (kind, fromDraft …) when any
 *
 * Lists written before this form hold whole ChatMessage objects; decodeMessage reads both.
 */
type Extra = Omit<ChatMessage, 'at' | 'seq' | 'id' | 'guideId' | 'customerId' | 'speaker' | 'source' | 'text'>;
type Stored = [at: number, seq: number, id: string, speaker: 'c' | 'g', source: MessageSource, text: string, extra?: Extra];

export function encodeMessage(message: ChatMessage): string {
  // Whatever else a message carries travels in `extra`, so a field added to ChatMessage is never dropped.
  const { at, seq, id, guideId: _guide, customerId: _customer, speaker, source, text, ...extra } = message;
  const stored: Stored = [at, seq ?? 0, id, speaker === 'guide' ? 'g' : 'c', source, text];
  if (Object.values(extra).some((v) => v !== undefined)) stored.push(extra);
  return JSON.stringify(stored);
}

export function decodeMessage(json: string, guideId: string, customerId: string): ChatMessage {
  const parsed = JSON.parse(json) as Stored | ChatMessage;
  if (!Array.isArray(parsed)) return parsed;
  const [at, seq, id, speaker, source, text, extra] = parsed;
  const who: Speaker = speaker === 'g' ? 'guide' : 'customer';
  return { id, guideId, customerId, speaker: who, text, source, at, ...(seq ? { seq } : {}), ...extra };
}
