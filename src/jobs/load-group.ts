import type { CustomerGroup } from '../conversation/group-model.ts';
import type { GroupStore } from '../conversation/group-store.ts';
import type { GroupChatDetail, WecomApi } from '../wecom/api/wecom-api.ts';
import { isWecomApiError } from '../wecom/api/wecom-api-error.ts';

export interface GroupDeps {
  api: Pick<WecomApi, 'getGroupChat'>;
  groups: GroupStore;
  now: () => number;
}

/** groupchat/get's answer as we keep it. */
export function toGroup(detail: GroupChatDetail, refreshedAt: number): CustomerGroup {
  return {
    chatId: detail.chatId,
    name: detail.name,
    owner: detail.owner,
    ...(detail.notice ? { notice: detail.notice } : {}),
    createTime: detail.createTime,
    members: detail.members.map((m) => ({
      userId: m.userId,
      kind: m.type === 1 ? 'member' : 'external',
      ...(m.name ? { name: m.name } : {}),
      ...(m.groupNickname ? { groupNickname: m.groupNickname } : {}),
      joinTime: m.joinTime,
    })),
    admins: detail.admins,
    ...(detail.memberVersion ? { memberVersion: detail.memberVersion } : {}),
    status: 'active',
    refreshedAt,
  };
}

/** Asks WeCom for the group as it is now and keeps it (with the member index). */
export async function refreshGroup(deps: GroupDeps, chatId: string): Promise<CustomerGroup> {
  const group = toGroup(await deps.api.getGroupChat(chatId), deps.now());
  await deps.groups.saveGroup(group);
  return group;
}

/**
 * The group from the cache, else from WeCom (a group first seen through an archived message). Undefined
 * when WeCom does not know the chat (40050: gone, or outside the app's visible range).
 */
export async function loadGroup(deps: GroupDeps, chatId: string): Promise<CustomerGroup | undefined> {
  const cached = await deps.groups.getGroup(chatId);
  if (cached) return cached;
  try {
    return await refreshGroup(deps, chatId);
  } catch (error) {
    if (isWecomApiError(error, 40050)) return undefined;
    throw error;
  }
}
