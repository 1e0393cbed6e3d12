import type { ApprovalItem, Decision, Person } from './api-types.ts';

export type DecisionKind = 'approve' | 'edit' | 'reject';

/**
 * The request for what the manager chose, or the reason it cannot be sent yet. An edit that changes nothing
 * is a plain approval (the guide then sees "店长已通过", not "修改后通过").
 */
export function buildDecision(kind: DecisionKind, input: { text?: string; comment?: string }, original: string): { ok: true; decision: Decision } | { ok: false; error: string } {
  const comment = input.comment?.trim() ?? '';
  if (kind === 'reject') {
    if (!comment) return { ok: false, error: '请写明驳回原因，导购会在侧边栏看到它。' };
    return { ok: true, decision: { decision: 'reject', comment } };
  }
  if (kind === 'edit') {
    const text = input.text?.trim() ?? '';
    if (!text) return { ok: false, error: '修改后的回复不能为空。' };
    if (text.length > 500) return { ok: false, error: '回复太长了（最多 500 字），请精简后再通过。' };
    const edited = text !== original.trim();
    return { ok: true, decision: { decision: 'approve', ...(edited ? { text } : {}), ...(comment ? { comment } : {}) } };
  }
  return { ok: true, decision: { decision: 'approve', ...(comment ? { comment } : {}) } };
}

/** What the item looks like once the decision lands, shown at once while the request is in flight. */
export function decideLocally(item: ApprovalItem, decision: Decision, me: Person, now: number): ApprovalItem {
  const decided: ApprovalItem = { ...item, decidedBy: me, decidedAt: now };
  if (decision.decision === 'reject') return { ...decided, state: 'rejected', comment: decision.comment };
  return { ...decided, state: 'approved', text: decision.text ?? item.originalText, ...(decision.comment ? { comment: decision.comment } : {}) };
}

/**
 * A fresh list from the server, keeping in place the items the manager is working on (editing, or just
 * decided on this screen) even when the server no longer lists them as pending, so a refresh never pulls
 * a card from under the manager's hands. Kept items that the server still lists take the server's version.
 */
export function mergeQueue(shown: readonly ApprovalItem[], fresh: readonly ApprovalItem[], keep: ReadonlySet<string>): ApprovalItem[] {
  const freshIds = new Set(fresh.map((item) => item.id));
  const merged = [...fresh];
  shown.forEach((item, index) => {
    if (!keep.has(item.id) || freshIds.has(item.id)) return;
    merged.splice(Math.min(index, merged.length), 0, item);
  });
  return merged;
}

/** How the queue's state reads to the manager in one line. */
export function decisionLabel(item: ApprovalItem): string {
  if (item.state === 'pending') return '待审核';
  if (item.state === 'rejected') return '已驳回';
  return item.text !== undefined && item.text !== item.originalText ? '修改后通过' : '已通过';
}
