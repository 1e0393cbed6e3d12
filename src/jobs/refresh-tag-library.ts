import type { CorpTagCache, CorpTags } from '../conversation/corp-tag-cache.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';

/**
 * Any change_external_tag event (create/update/delete/shuffle) → re-pull the whole library: deleting a group
 * deletes its tags without per-tag events, so patching from the event alone would drift (doc 92130).
 */
export async function refreshTagLibrary(
  deps: { api: Pick<WecomApi, 'getCorpTagList'>; cache: CorpTagCache; now: () => number; onRefreshed?: (tags: CorpTags) => void },
): Promise<CorpTags> {
  const groups = await deps.api.getCorpTagList();
  const tags: CorpTags = {
    refreshedAt: deps.now(),
    groups: groups.map((g) => ({
      id: g.groupId,
      name: g.groupName,
      order: g.order,
      tags: g.tags.map((t) => ({ id: t.id, name: t.name, order: t.order })),
    })),
  };
  await deps.cache.set(tags);
  deps.onRefreshed?.(tags);
  return tags;
}
