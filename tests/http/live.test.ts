import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { api, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { openSse } from '../support/sse-client.ts';
import { startTestService } from '../support/service-fixture.ts';

let service: Service;
let stop: () => Promise<void>;
let cookie: string;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ ASSIST_DEBOUNCE_MS: '30' }));
  await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0016'), Boolean);
  cookie = (await signIn(service, 'guide.lin')).cookie;
});

afterAll(() => stop());

describe('GET /api/live (Server-Sent Events)', () => {
  it('pushes new messages and suggestions, and a reconnect with Last-Event-ID loses nothing', async () => {
    const guide = api(service, cookie);
    const first = openSse(`${service.url}/api/live`, cookie);
    await first.ready;
    await guide.post('/api/customers/wmLT0016/paste', { text: '这双乐福鞋有37码吗？' });
    await eventually(async () => first.events, (e) => e.some((x) => x.event === 'suggestion'));
    expect(first.events.map((e) => e.event)).toEqual(expect.arrayContaining(['message', 'suggestion']));
    const lastSeen = first.events.at(-1)?.id as string;
    first.close();

    // While the sidebar is away: a new customer message makes the suggestion stale and brings a new one.
    await guide.post('/api/customers/wmLT0016/paste', { text: '有黑色的吗？预算五百以内' });
    await eventually(() => service.stores.suggestions.get('guide.lin', 'wmLT0016'), (s) => s?.answeredMessageIds.length === 2 && s.status === 'fresh');

    const second = openSse(`${service.url}/api/live`, cookie, lastSeen);
    await second.ready;
    const missed = await eventually(async () => second.events, (e) => e.some((x) => x.event === 'suggestion'));
    // A `tags` event may follow when the new message brought tag proposals.
    expect(missed.map((e) => e.event).filter((e) => e !== 'tags')).toEqual(['message', 'suggestion_stale', 'suggestion']);
    expect(new Set(missed.map((e) => e.id)).size).toBe(missed.length);
    expect(missed.every((e) => e.data.customerId === 'wmLT0016')).toBe(true);
    second.close();
  });

  it('ends an open stream once its session has ended, before it delivers anything more', async () => {
    const session = await signIn(service, 'guide.lin');
    const stream = openSse(`${service.url}/api/live`, session.cookie);
    await stream.ready;
    expect((await api(service, session.cookie).post('/auth/logout')).status).toBe(204);
    await service.stores.feed.publish('guide.lin', { type: 'tags', customerId: 'wmLT0016' });
    await stream.ended;
    expect(stream.events.filter((e) => e.event === 'tags')).toEqual([]);
  });

  it('only streams to signed-in guides', async () => {
    const anonymous = await fetch(`${service.url}/api/live`);
    expect(anonymous.status).toBe(401);
    const manager = (await signIn(service, 'manager.wang')).cookie;
    expect((await fetch(`${service.url}/api/live`, { headers: { cookie: manager } })).status).toBe(403);
  });
});
