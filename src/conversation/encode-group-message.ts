import type { GroupMessage } from './group-model.ts';

/**
 * The stored form of a group message: a JSON array led by the same three order keys as a 1:1 entry
 * (encode-message.ts), so the same append script orders both, without the chat id the key holds.
 *
 *   [at, seq, id, speakerId, speaker (c|m), source, text, extra?]     extra = kind, fromDraft … when any
 */
type Extra = Omit<GroupMessage, 'at' | 'seq' | 'id' | 'chatId' | 'speakerId' | 'speaker' | 'source' | 'text'>;
type Stored = [at: number, seq: number, id: string, speakerId: string, speaker: 'c' | 'm', source: GroupMessage['source'], text: string, extra?: Extra];

export function encodeGroupMessage(message: GroupMessage): string {
  const { at, seq, id, chatId: _chat, speakerId, speaker, source, text, ...extra } = message;
  const stored: Stored = [at, seq ?? 0, id, speakerId, speaker === 'customer' ? 'c' : 'm', source, text];
  if (Object.values(extra).some((v) => v !== undefined)) stored.push(extra);
  return JSON.stringify(stored);
}

export function decodeGroupMessage(json: string, chatId: string): GroupMessage {
  const [at, seq, id, speakerId, speaker, source, text, extra] = JSON.parse(json) as Stored;
  return { id, chatId, speakerId, speaker: speaker === 'c' ? 'customer' : 'member', text, source, at, ...(seq ? { seq } : {}), ...extra };
}
