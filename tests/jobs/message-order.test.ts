import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/conversation/model.ts';
import type { Service } from '../../src/main.ts';
import { api, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';

let service: Service;
let stop: () => Promise<void>;
let guide: ReturnType<typeof api>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ ASSIST_DEBOUNCE_MS: '50' }));
  await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0002'), Boolean);
  guide = api(service, (await signIn(service, 'guide.lin')).cookie);
});

afterAll(async () => stop());

const T = 1_790_000_000_000;
const line = (id: string, speaker: ChatMessage['speaker'], text: string, at: number): ChatMessage => ({ id, guideId: 'guide.lin', customerId: 'wmLT0002', speaker, text, source: 'kf', at });

describe('messages of one conversation', () => {
  it('are stored and shown in the platform order whatever order their jobs finish in, and the suggestion answers the newest', async () => {
    // The platform's order: by send time, msgid breaking ties within the same second.
    const ordered = [
      line('msg-a', 'customer', '你好，在吗', T),
      line('msg-b', 'guide', '在的，您请说', T + 1000),
      line('msg-c1', 'customer', '这件大衣有M码吗？', T + 2000),
      line('msg-c2', 'customer', '周末想到店试一下', T + 2000),
      line('msg-d', 'guide', '有的，给您留一件', T + 3000),
      line('msg-e', 'customer', '那预算一千左右还有什么推荐？', T + 4000),
    ];
    // Jobs finishing out of order: the newest first, the oldest last, some at the same time.
    const arrivals = [ordered[5]!, ordered[3]!, ordered[1]!, ordered[4]!, ordered[2]!, ordered[0]!];
    await service.record([arrivals[0]!]);
    await Promise.all(arrivals.slice(1, 4).map((m) => service.record([m])));
    await service.record([arrivals[4]!]);
    await service.record([arrivals[5]!]);

    const res = await guide.get('/api/customers/wmLT0002/messages?limit=50');
    expect(res.status).toBe(200);
    const shown = ((await res.json()) as { messages: ChatMessage[] }).messages.filter((m) => m.id.startsWith('msg-'));
    expect(shown.map((m) => m.id)).toEqual(ordered.map((m) => m.id));

    const suggestion = await eventually(
      () => service.stores.suggestions.get('guide.lin', 'wmLT0002'),
      (s) => s?.status === 'fresh' && s.answeredMessageIds.includes('msg-e'),
    );
    expect(suggestion?.answeredMessageIds).toEqual(['msg-e']);
  });
});
