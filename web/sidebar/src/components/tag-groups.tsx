import type { CardTag } from '../api-types.ts';
import { groupTags } from '../group-tags.ts';

/** A customer's tags by tag-library group (意向品类：服装 鞋履 …). */
export function TagGroups({ tags, label }: { tags: readonly CardTag[]; label: string }) {
  return (
    <dl class="tag-groups" aria-label={label}>
      {groupTags(tags).map(({ group, names }) => (
        <div class="tag-group" key={group}>
          <dt>{group}</dt>
          <dd>
            {names.map((name) => (
              <span class="chip chip-tag" key={name}>
                {name}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
