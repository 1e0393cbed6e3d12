import { describe, expect, it } from 'vitest';
import type { ApprovalItem } from '../../web/review/src/api-types.ts';
import { auditActionLabel } from '../../web/review/src/audit-labels.ts';
import { buildDecision, decideLocally, decisionLabel, mergeQueue } from '../../web/review/src/decision.ts';
import { parseTags } from '../../web/review/src/script-tags.ts';

const ORIGINAL = '这件我给您打8折，今天下单就行～';
const item = (id: string, extra: Partial<ApprovalItem> = {}): ApprovalItem => ({
  id,
  state: 'pending',
  createdAt: 1,
  waitingMs: 0,
  escalated: false,
  store: { id: 'sh', name: '静安店' },
  guide: { userId: 'guide.lin', name: '林晓' },
  customer: { customerId: 'c1', name: '李娜' },
  originalText: ORIGINAL,
  flags: [],
  conversation: [],
  ...extra,
});
const ME = { userId: 'manager.wang', name: '王静' };

describe('buildDecision', () => {
  it('refuses a rejection without a comment and trims the one given', () => {
    expect(buildDecision('reject', { comment: '   ' }, ORIGINAL)).toEqual({ ok: false, error: expect.stringContaining('驳回原因') });
    expect(buildDecision('reject', { comment: ' 优惠不在政策内 ' }, ORIGINAL)).toEqual({ ok: true, decision: { decision: 'reject', comment: '优惠不在政策内' } });
  });

  it('sends edited text only when it changed, and refuses an empty edit', () => {
    expect(buildDecision('edit', { text: '金卡会员可享95折' }, ORIGINAL)).toEqual({ ok: true, decision: { decision: 'approve', text: '金卡会员可享95折' } });
    expect(buildDecision('edit', { text: ` ${ORIGINAL} ` }, ORIGINAL)).toEqual({ ok: true, decision: { decision: 'approve' } });
    expect(buildDecision('edit', { text: '  ' }, ORIGINAL).ok).toBe(false);
    expect(buildDecision('edit', { text: '好'.repeat(501) }, ORIGINAL).ok).toBe(false);
    expect(buildDecision('approve', {}, ORIGINAL)).toEqual({ ok: true, decision: { decision: 'approve' } });
  });
});

describe('optimistic decisions', () => {
  it('shows the decision with the manager and time before the server answers', () => {
    const approved = decideLocally(item('a'), { decision: 'approve', text: '金卡会员可享95折' }, ME, 99);
    expect(approved).toMatchObject({ state: 'approved', text: '金卡会员可享95折', decidedBy: ME, decidedAt: 99 });
    expect(decisionLabel(approved)).toBe('修改后通过');
    const plain = decideLocally(item('a'), { decision: 'approve' }, ME, 99);
    expect(plain.text).toBe(ORIGINAL);
    expect(decisionLabel(plain)).toBe('已通过');
    const rejected = decideLocally(item('a'), { decision: 'reject', comment: '不合规' }, ME, 99);
    expect(rejected).toMatchObject({ state: 'rejected', comment: '不合规' });
    expect(decisionLabel(rejected)).toBe('已驳回');
  });

  it('keeps cards the manager is working in across a refresh, in place, and takes the server version of the rest', () => {
    const shown = [item('a'), item('b'), item('c')];
    const fresh = [item('a', { escalated: true }), item('c'), item('d')];
    const merged = mergeQueue(shown, fresh, new Set(['b']));
    expect(merged.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged[0]?.escalated).toBe(true);
    expect(mergeQueue(shown, fresh, new Set()).map((i) => i.id)).toEqual(['a', 'c', 'd']);
  });
});

describe('script tags and audit labels', () => {
  it('reads 组/标签 tags separated by commas, 、 or spaces, and reports malformed ones', () => {
    expect(parseTags('场合/通勤，预算/1000-3000、场合/通勤  尺码／M')).toEqual({ tags: ['场合/通勤', '预算/1000-3000', '尺码/M'], invalid: [] });
    expect(parseTags('通勤, a/b/c, /x')).toEqual({ tags: [], invalid: ['通勤', 'a/b/c', '/x'] });
    expect(parseTags('   ')).toEqual({ tags: [], invalid: [] });
  });

  it('names audit actions in Chinese, tells an edited approval apart, and shows unknown codes as they are', () => {
    expect(auditActionLabel('approval.approve', 'a', 'a')).toBe('通过回复');
    expect(auditActionLabel('approval.approve', 'a', 'b')).toBe('修改后通过');
    expect(auditActionLabel('approval.reject', 'a')).toBe('驳回回复');
    expect(auditActionLabel('sent.coach')).toBe('标记需辅导');
    expect(auditActionLabel('sent.noted')).toBe('标记已知晓');
    expect(auditActionLabel('script.promote')).toBe('设为话术');
    expect(auditActionLabel('tenant.rotate')).toBe('tenant.rotate');
  });
});
