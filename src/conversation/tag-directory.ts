/** A corp tag as guides see it, with what single-choice groups need. */
export interface TagInfo {
  id: string;
  /** "组/标签" */
  key: string;
  group: string;
  name: string;
  /** Other tag ids of the same group when the group is single-choice (they are removed on accept). */
  exclusiveWith: string[];
}

export interface TagDirectory {
  byId(id: string): TagInfo | undefined;
  byKey(key: string): TagInfo | undefined;
}

/**
 * WeCom's tag library has no notion of single- or multi-choice groups: that is a local rule (tags.yaml
 * `multi`), joined here by group name. Unknown groups are multi-choice.
 */
export function buildTagDirectory(
  tags: { groups: ReadonlyArray<{ name: string; tags: ReadonlyArray<{ id: string; name: string }> }> },
  singleChoiceGroups: ReadonlySet<string>,
): TagDirectory {
  const byId = new Map<string, TagInfo>();
  const byKey = new Map<string, TagInfo>();
  for (const group of tags.groups) {
    const single = singleChoiceGroups.has(group.name);
    for (const tag of group.tags) {
      const info: TagInfo = {
        id: tag.id,
        key: `${group.name}/${tag.name}`,
        group: group.name,
        name: tag.name,
        exclusiveWith: single ? group.tags.filter((t) => t.id !== tag.id).map((t) => t.id) : [],
      };
      byId.set(info.id, info);
      byKey.set(info.key, info);
    }
  }
  return { byId: (id) => byId.get(id), byKey: (key) => byKey.get(key) };
}
