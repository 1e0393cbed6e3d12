import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TagProposal } from '../../src/assist/suggestion-schema.ts';
import { createKeys } from '../../src/conversation/keys.ts';
import { createStores } from '../../src/compose/stores.ts';
import type { StoredSuggestion } from '../../src/suggestions/suggestion-store.ts';
import { editDistance } from '../../src/suggestions/edit-distance.ts';
import { businessDay } from '../../src/suggestions/business-day.ts';
import { deleteUnder, testRedis } from '../support/test-service.ts';

const prefix = `test:${randomUUID().slice(0, 8)}:`;
const redis = testRedis();
const stores = createStores(redis, createKeys(prefix), 3600, 50, 3600);
afterAll(async () => {
  await deleteUnder(prefix);
  redis.disconnect();
});

const suggestion = (id: string, answered: string[]): StoredSuggestion => ({
  id,
  guideId: 'g1',
  customerId: 'c1',
  createdAt: 1,
  status: 'fresh',
  drafts: [{ id: 'd1', source: 'script', sourceId: 'sc-1', text: '您好，这款有M码。', skus: [], flags: [], needsApproval: false }],
  tags: [],
  summary: '问尺码',
  nextAction: '确认尺码',
  engine: 'offline',
  latencyMs: 3,
  answeredMessageIds: answered,
});
const proposal = (tag: string, confidence = 0.8): TagProposal => ({ tag, tagId: `id-${tag}`, evidence: 'M码', messageId: 'm1', confidence });

describe('suggestion store', () => {
  it('keeps the latest suggestion and marks it stale only for a message it does not answer', async () => {
    await stores.suggestions.save(suggestion('s1', ['m1']));
    expect(await stores.suggestions.markStale('g1', 'c1', 'm1')).toBeUndefined();
    expect(await stores.suggestions.markStale('g1', 'c1', 'm2')).toBe('s1');
    expect((await stores.suggestions.get('g1', 'c1'))?.status).toBe('stale');
    expect(await stores.suggestions.markStale('g1', 'c1', 'm3')).toBeUndefined();
  });

  it('keeps one proposal per tag until decided, and never proposes a decided tag again', async () => {
    expect((await stores.suggestions.addTagProposals('g1', 'c2', [proposal('尺码/M'), proposal('预算/200-500', 0.6)])).map((p) => p.tag)).toEqual(['尺码/M', '预算/200-500']);
    expect(await stores.suggestions.addTagProposals('g1', 'c2', [proposal('尺码/M', 0.9)])).toEqual([]);
    expect((await stores.suggestions.listTagProposals('g1', 'c2')).map((p) => p.tag)).toEqual(['尺码/M', '预算/200-500']);
    expect((await stores.suggestions.decideTag('g1', 'c2', '尺码/M', 'dismissed'))?.tag).toBe('尺码/M');
    expect(await stores.suggestions.decideTag('g1', 'c2', '尺码/M', 'accepted')).toBeUndefined();
    expect(await stores.suggestions.addTagProposals('g1', 'c2', [proposal('尺码/M')])).toEqual([]);
    expect((await stores.suggestions.listTagProposals('g1', 'c2')).map((p) => p.tag)).toEqual(['预算/200-500']);
  });
});

describe('approval store', () => {
  const pending = { id: 's9.d1', suggestionId: 's9', draftId: 'd1', guideId: 'g1', customerId: 'c1', storeId: 'st1', originalText: '给您打五折', flags: [], createdAt: 100, state: 'pending' as const };

  it('lists pending items per store and lets exactly one of two concurrent decisions win', async () => {
    expect(await stores.approvals.createPending(pending)).toBe(true);
    expect(await stores.approvals.createPending({ ...pending, originalText: 'changed' })).toBe(false);
    expect((await stores.approvals.listPending(['st1'])).map((a) => a.id)).toEqual(['s9.d1']);
    expect(await stores.approvals.listPending(['st2'])).toEqual([]);
    const results = await Promise.all([
      stores.approvals.decide('s9.d1', { state: 'approved', text: '会员可享95折', by: 'm1', at: 200 }),
      stores.approvals.decide('s9.d1', { state: 'rejected', comment: '不行', by: 'm2', at: 201 }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const decided = await stores.approvals.get('s9.d1');
    expect(decided?.state).not.toBe('pending');
    expect(await stores.approvals.listPending(['st1'])).toEqual([]);
    expect((await stores.approvals.listDecided(['st1'], 0, 1000)).map((a) => a.id)).toEqual(['s9.d1']);
  });
});

describe('feedback and task stores', () => {
  it('counts each draft action once per guide and business day', async () => {
    const at = Date.UTC(2026, 10, 25, 17, 0); // 01:00 the next day in China
    const event = { at, guideId: 'g1', customerId: 'c1', suggestionId: 's1', draftId: 'd1', action: 'shown' as const };
    expect(await stores.feedback.record(event)).toBe(true);
    expect(await stores.feedback.record(event)).toBe(false);
    expect(await stores.feedback.record({ ...event, action: 'sent_edited', editDistance: 3, text: 'x' })).toBe(true);
    expect(businessDay(at)).toBe('2026-11-26');
    expect(await stores.feedback.counts('g1', '2026-11-26')).toMatchObject({ shown: 1, sent_edited: 1, sent: 0 });
    expect((await stores.feedback.events('2026-11-26')).map((e) => e.action)).toEqual(['shown', 'sent_edited']);
  });

  it('creates one task per member, rule and period, and closes it', async () => {
    const task = { id: 't1', guideId: 'g1', customerId: 'c1', kind: 'welcome' as const, title: 'hi', createdAt: 1, due: 1, status: 'open' as const };
    expect(await stores.tasks.create(task, 'welcome:g1:c1:1')).toBe(true);
    expect(await stores.tasks.create({ ...task, id: 't2' }, 'welcome:g1:c1:1')).toBe(false);
    expect((await stores.tasks.listOpen('g1', 'c1')).map((t) => t.id)).toEqual(['t1']);
    expect((await stores.tasks.close('t1', 'done', 'sent'))?.status).toBe('done');
    expect(await stores.tasks.listOpen('g1')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts Chinese characters as single edits', () => {
    expect(editDistance('您好，这款有M码', '您好，这款有L码')).toBe(1);
    expect(editDistance('', '你好')).toBe(2);
    expect(editDistance('一样', '一样')).toBe(0);
  });
});
