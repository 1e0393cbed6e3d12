import { useState } from 'preact/hooks';
import type { GroupCard as Card, GroupCustomer } from '../api-types.ts';
import { TagGroups } from './tag-groups.tsx';

/** Customers shown before 展开: the drafts stay on the first screen of a phone. */
const FOLDED = 2;

/** The one asking first, then the guide's own customers, then colleagues'. */
function byRelevance(customers: readonly GroupCustomer[], askerId: string | undefined): GroupCustomer[] {
  const rank = (c: GroupCustomer): number => (c.customerId === askerId ? 0 : c.followedByYou ? 1 : 2);
  return [...customers].sort((a, b) => rank(a) - rank(b));
}

/**
 * The customer group the sidebar is open in: its name, owner and size, the notice, and which members are
 * our customers (yours first) with their tags; the customer whose question the drafts answer is marked.
 */
export function GroupCard({ card, askerId }: { card: Card; askerId?: string | undefined }) {
  const [expanded, setExpanded] = useState(false);
  const all = byRelevance(card.customers, askerId);
  const customers = expanded ? all : all.slice(0, FOLDED);
  const others = card.externalCount - card.customers.length;
  return (
    <section class="card customer group-card" aria-label="客户群信息">
      <div class="customer-head">
        <div class="avatar avatar-group" aria-hidden="true">
          群
        </div>
        <div class="customer-id">
          <h1 class="customer-name group-name">{card.name}</h1>
          <div class="muted small meta-line">
            {[`群主 ${card.owner.name}`, `${card.memberCount} 人`, card.status === 'dismissed' ? '已解散' : ''].filter(Boolean).join(' · ')}
          </div>
        </div>
      </div>
      {card.notice && <p class="group-notice small">群公告：{card.notice}</p>}
      {card.status === 'dismissed' && <p class="banner banner-warn">这个客户群已解散，只能查看以前的消息。</p>}
      <h2 class="mini-title">
        群里的客户 {card.customers.length} 位{others > 0 ? `（另有 ${others} 位非客户成员）` : ''}
      </h2>
      {customers.length === 0 ? (
        <p class="muted small">群里还没有我们的客户。</p>
      ) : (
        <ul class="group-customers">
          {customers.map((c) => (
            <li key={c.customerId} class={`group-customer${c.customerId === askerId ? ' group-customer-asking' : ''}`} data-customer-id={c.customerId}>
              <div class="group-customer-head">
                <span class="group-customer-name">{c.name}</span>
                {c.followedByYou ? <span class="chip chip-info">我的客户</span> : <span class="chip chip-muted">{c.guides.join('、')}的客户</span>}
                {c.customerId === askerId && <span class="chip chip-attention">在问你</span>}
              </div>
              {c.tags.length > 0 && <TagGroups tags={c.tags} label={`${c.name}的标签`} />}
            </li>
          ))}
        </ul>
      )}
      {all.length > FOLDED && (
        <button type="button" class="expand" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          <span>{expanded ? '只看前几位' : `还有 ${all.length - FOLDED} 位客户`}</span>
          <span class="expand-mark">{expanded ? '收起' : '展开'}</span>
        </button>
      )}
    </section>
  );
}
