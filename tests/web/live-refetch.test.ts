import { describe, expect, it } from 'vitest';
import { groupResourcesForEvent, parseLiveEvent, resourcesForEvent } from '../../web/sidebar/src/live-refetch.ts';

describe('resourcesForEvent', () => {
  const me = 'wmLT0001';

  it('refetches what each event names for the open customer', () => {
    expect(resourcesForEvent({ type: 'suggestion', customerId: me, suggestionId: 's2' }, me)).toEqual(['suggestion', 'proposals', 'recommendations']);
    expect(resourcesForEvent({ type: 'suggestion_stale', customerId: me, suggestionId: 's1' }, me)).toEqual(['suggestion']);
    expect(resourcesForEvent({ type: 'approval', customerId: me, suggestionId: 's1', draftId: 'd1', decision: 'approved' }, me)).toEqual(['suggestion']);
    expect(resourcesForEvent({ type: 'tags', customerId: me }, me)).toEqual(['card', 'proposals', 'recommendations']);
    expect(resourcesForEvent({ type: 'task', customerId: me, taskId: 't1' }, me)).toEqual(['card']);
    expect(resourcesForEvent({ type: 'message', customerId: me, messageId: 'm1' }, me)).toEqual([]);
  });

  it('ignores events about another customer', () => {
    expect(resourcesForEvent({ type: 'suggestion', customerId: 'wmLT0002', suggestionId: 's9' }, me)).toEqual([]);
  });
});

describe('groupResourcesForEvent', () => {
  const chat = 'wrG1';
  const customers = new Set(['wmLT0002']);
  it('refetches the group suggestion or card for events about the group, and the card for its customers’ tags', () => {
    expect(groupResourcesForEvent({ type: 'suggestion', customerId: chat, suggestionId: 's1' }, chat, customers)).toEqual(['suggestion', 'card']);
    expect(groupResourcesForEvent({ type: 'suggestion_stale', customerId: chat, suggestionId: 's1' }, chat, customers)).toEqual(['suggestion']);
    expect(groupResourcesForEvent({ type: 'group', customerId: chat }, chat, customers)).toEqual(['card']);
    expect(groupResourcesForEvent({ type: 'tags', customerId: 'wmLT0002' }, chat, customers)).toEqual(['card']);
    expect(groupResourcesForEvent({ type: 'tags', customerId: 'wmLT0009' }, chat, customers)).toEqual([]);
    expect(groupResourcesForEvent({ type: 'suggestion', customerId: 'wrOther', suggestionId: 's2' }, chat, customers)).toEqual([]);
  });
});

describe('parseLiveEvent', () => {
  it('reads the typed payload and drops unknown fields', () => {
    expect(parseLiveEvent('approval', '{"customerId":"c1","suggestionId":"s1","draftId":"d1","decision":"rejected","extra":1}')).toEqual({
      type: 'approval',
      customerId: 'c1',
      suggestionId: 's1',
      draftId: 'd1',
      decision: 'rejected',
    });
  });

  it('drops unknown types, broken JSON and payloads without a customer', () => {
    expect(parseLiveEvent('ping', '{"customerId":"c1"}')).toBeNull();
    expect(parseLiveEvent('suggestion', '{not json')).toBeNull();
    expect(parseLiveEvent('suggestion', '{"suggestionId":"s1"}')).toBeNull();
    expect(parseLiveEvent('tags', 'null')).toBeNull();
  });
});
