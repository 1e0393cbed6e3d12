import type { CardTag } from './api-types.ts';

export interface TagGroup {
  group: string;
  names: string[];
}

/** Tags grouped by their tag-library group, groups and names in the order the server listed them. */
export function groupTags(tags: readonly CardTag[]): TagGroup[] {
  const groups = new Map<string, string[]>();
  for (const tag of tags) {
    const group = tag.group || '其他';
    const names = groups.get(group) ?? [];
    if (!names.includes(tag.name)) names.push(tag.name);
    groups.set(group, names);
  }
  return [...groups].map(([group, names]) => ({ group, names }));
}

/** "组/标签" → its parts; a proposal without a group shows only the name. */
export function splitTagPath(path: string): { group: string; name: string } {
  const slash = path.indexOf('/');
  return slash < 0 ? { group: '', name: path } : { group: path.slice(0, slash), name: path.slice(slash + 1) };
}

/** Proposals still worth asking about: not already on the card (by id or by "组/标签"), one per tag. */
export function pendingProposals<P extends { tag: string; tagId: string }>(proposals: readonly P[], cardTags: readonly CardTag[]): P[] {
  const have = new Set(cardTags.flatMap((t) => [t.id, `${t.group}/${t.name}`]));
  const seen = new Set<string>();
  return proposals.filter((p) => {
    if (have.has(p.tagId) || have.has(p.tag) || seen.has(p.tag)) return false;
    seen.add(p.tag);
    return true;
  });
}
