import type { WecomApi } from '../wecom/api/wecom-api.ts';
import { refreshGroup, type GroupDeps } from './load-group.ts';

/**
 * Imports the customer groups our guides own (groupchat/list by owner, ≤100 owners a call, then
 * groupchat/get each): group events only cover changes from now on. Groups where a guide is a member but
 * not the owner arrive with their first event or archived message. Idempotent.
 */
export async function syncGroups(deps: GroupDeps & { api: Pick<WecomApi, 'listGroupChats' | 'getGroupChat'> }, ownerIds: string[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < ownerIds.length; i += 100) {
    let cursor = '';
    do {
      const page = await deps.api.listGroupChats({ ownerUserIds: ownerIds.slice(i, i + 100), limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const chat of page.chats) {
        await refreshGroup(deps, chat.chatId);
        count++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return count;
}
