import { CgiError, bodyString, bodyStrings, type CgiDeps, type CgiRoute } from './cgi.ts';
import { nextId, type EmTag, type EmTagGroup, type EmulatorState } from './emulator-state.ts';

/** The corp tag library: get_corp_tag_list and add_corp_tag (doc 92117). */

function groupJson(group: EmTagGroup, tags: EmTag[] = group.tags): Record<string, unknown> {
  return {
    group_id: group.id,
    group_name: group.name,
    create_time: group.createTime,
    order: group.order,
    deleted: false,
    tag: tags.map((t) => ({ id: t.id, name: t.name, create_time: t.createTime, order: t.order, deleted: false })),
  };
}

export interface NewTags {
  groupId?: string;
  groupName?: string;
  order?: number;
  tags: { name: string; order?: number }[];
}

/**
 * Adds tags to an existing group (by id, or by name) or to a new group. Returns the group, the new tags
 * and whether the group itself is new. Names longer than 30 characters or already in the group fail.
 */
export function addTags(state: EmulatorState, input: NewTags, nowS: number): { group: EmTagGroup; created: EmTag[]; newGroup: boolean } {
  if (input.tags.length === 0) throw new CgiError(40058, 'tag is empty');
  for (const t of input.tags) {
    if (t.name === '' || [...t.name].length > 30) throw new CgiError(40058, 'tag name must be 1..30 characters');
  }
  let group = input.groupId
    ? state.tagGroups.find((g) => g.id === input.groupId)
    : state.tagGroups.find((g) => g.name === input.groupName);
  if (input.groupId && !group) throw new CgiError(40068);
  if (!input.groupId && !input.groupName) throw new CgiError(40058, 'group_id or group_name is required');
  const newGroup = group === undefined;
  if (!group) {
    group = { id: nextId(state, 'etG'), name: input.groupName ?? '', order: input.order ?? 0, createTime: nowS, tags: [] };
    state.tagGroups.push(group);
  }
  const names = new Set(group.tags.map((t) => t.name));
  const created: EmTag[] = [];
  for (const t of input.tags) {
    if (names.has(t.name)) throw new CgiError(40071);
    names.add(t.name);
    created.push({ id: nextId(state, 'etT'), name: t.name, order: t.order ?? 0, createTime: nowS });
  }
  group.tags.push(...created);
  return { group, created, newGroup };
}

export function tagRoutes({ state }: CgiDeps, now: () => number): CgiRoute[] {
  return [
    {
      method: 'POST',
      path: 'externalcontact/get_corp_tag_list',
      handler: ({ body }) => {
        const groupIds = bodyStrings(body, 'group_id');
        const tagIds = bodyStrings(body, 'tag_id');
        // Both given: group_id wins (doc 92117).
        if (groupIds.length > 0) return { tag_group: state.tagGroups.filter((g) => groupIds.includes(g.id)).map((g) => groupJson(g)) };
        if (tagIds.length > 0) {
          return {
            tag_group: state.tagGroups
              .map((g) => ({ g, tags: g.tags.filter((t) => tagIds.includes(t.id)) }))
              .filter(({ tags }) => tags.length > 0)
              .map(({ g, tags }) => groupJson(g, tags)),
          };
        }
        return { tag_group: state.tagGroups.map((g) => groupJson(g)) };
      },
    },
    {
      method: 'POST',
      path: 'externalcontact/add_corp_tag',
      handler: ({ body }) => {
        const raw = Array.isArray(body.tag) ? (body.tag as unknown[]) : [];
        const tags = raw.map((t) => {
          const entry = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
          return { name: bodyString(entry, 'name') ?? '', ...(typeof entry.order === 'number' ? { order: entry.order } : {}) };
        });
        const groupId = bodyString(body, 'group_id');
        const groupName = bodyString(body, 'group_name');
        const { group, created } = addTags(
          state,
          {
            tags,
            ...(groupId ? { groupId } : {}),
            ...(groupName ? { groupName } : {}),
            ...(typeof body.order === 'number' ? { order: body.order } : {}),
          },
          Math.floor(now() / 1000),
        );
        return { tag_group: groupJson(group, created) };
      },
    },
  ];
}
