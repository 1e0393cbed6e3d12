import { useState } from 'preact/hooks';
import type { CustomerCard as Card } from '../api-types.ts';
import { formatDate, formatDuration } from '../format.ts';
import { deriveLifecycleFlags } from '../lifecycle-flags.ts';
import { FactList } from './fact-list.tsx';
import { lazyView } from './lazy-view.tsx';
import { TagGroups } from './tag-groups.tsx';

// The tasks fold away under 展开 and share their code with the 待办 view: fetched on first use.
const TaskList = lazyView(() => import('./task-list.tsx').then((m) => m.TaskList), '正在加载待办…');

const GENDER: Record<number, string> = { 1: '男', 2: '女' };

/**
 * Who the guide is talking to: name, how long and through which channel, lifecycle flags and tags by group;
 * profile facts and tasks fold away so the drafts stay on the first screen.
 */
export function CustomerCard({ card, now }: { card: Card; now: number }) {
  const [expanded, setExpanded] = useState(false);
  const { relationship } = card;
  const flags = deriveLifecycleFlags(card, now);
  const since = relationship.since > 0 ? `添加于 ${formatDate(relationship.since)}（${formatDuration(relationship.since, now)}）` : '';
  return (
    <section class="card customer" aria-label="客户信息">
      <div class="customer-head">
        <div class="avatar" aria-hidden="true">
          {Array.from(card.name || '客')[0]}
        </div>
        <div class="customer-id">
          <h1 class="customer-name">
            {card.name || '未命名客户'}
            {GENDER[card.gender] && <span class="muted small"> · {GENDER[card.gender]}</span>}
          </h1>
          {relationship.remark && relationship.remark !== card.name && <div class="muted small">备注：{relationship.remark}</div>}
          <div class="muted small meta-line">{[since, relationship.channel && `渠道：${relationship.channelName ?? relationship.channel}`].filter(Boolean).join(' · ')}</div>
        </div>
      </div>
      {flags.length > 0 && (
        <ul class="chips lifecycle" aria-label="客户状态">
          {flags.map((flag) => (
            <li key={flag.label} class={`chip chip-${flag.tone}`}>
              {flag.label}
            </li>
          ))}
        </ul>
      )}
      {card.tags.length > 0 ? (
        <TagGroups tags={card.tags} label="客户标签" />
      ) : (
        <p class="muted small">还没有标签。聊天中出现的偏好会在下方“标签建议”里提示你添加。</p>
      )}
      {(card.facts.length > 0 || card.tasks.length > 0) && (
        <button type="button" class="expand" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          <span>
            {[card.facts.length > 0 && `客户资料 ${card.facts.length} 条`, card.tasks.length > 0 && `待办 ${card.tasks.length} 项`].filter(Boolean).join(' · ')}
          </span>
          <span class="expand-mark">{expanded ? '收起' : '展开'}</span>
        </button>
      )}
      {expanded && card.facts.length > 0 && <FactList customerId={card.customerId} facts={card.facts} now={now} />}
      {expanded && card.tasks.length > 0 && <TaskList customerId={card.customerId} customerName={card.name} tasks={card.tasks} now={now} />}
    </section>
  );
}
