/**
 * Which conversation the sidebar is in: a customer's 1:1 chat (getCurExternalContact) or a customer group
 * (getCurExternalChat). Drafts, sending and feedback work the same in both, under their own API path.
 */
export type ChatRef = { kind: 'customer' | 'group'; id: string };

export const customerChat = (id: string): ChatRef => ({ kind: 'customer', id });
export const groupChat = (id: string): ChatRef => ({ kind: 'group', id });

export function chatPath(chat: ChatRef): string {
  return `/api/${chat.kind === 'group' ? 'groups' : 'customers'}/${encodeURIComponent(chat.id)}`;
}
