import type { ChatMessage } from './model.ts';

/**
 * The platform's order of a conversation: when it was sent (CreateTime / send_time / msgtime), then the
 * platform's sequence number where there is one (会话内容存档 seq), then the message id to break ties, so
 * every process sorts the same messages the same way whatever order their jobs finished in. The Redis
 * adapter's Lua (append-message-2.lua) orders by the same three keys.
 */
export function compareMessages(a: Pick<ChatMessage, 'at' | 'seq' | 'id'>, b: Pick<ChatMessage, 'at' | 'seq' | 'id'>): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const sa = a.seq ?? 0;
  const sb = b.seq ?? 0;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
