import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { api, browserFetch, signIn } from '../support/demo-session.ts';
import { startTestService } from '../support/service-fixture.ts';

let service: Service;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ WORKER_ENABLED: 'false' }, { warmUp: false }));
});

afterAll(() => stop());

describe('POST /api/content', () => {
  it('writes a Moments post with catalog prices for a signed-in guide', async () => {
    const guide = api(service, (await signIn(service, 'guide.lin')).cookie);
    const res = await guide.post('/api/content', { kind: 'moments', skus: ['AP-1001'], theme: '秋冬上新' });
    expect(res.status).toBe(200);
    const { copy } = (await res.json()) as { copy: { text: string; skus: string[]; flags: unknown[] } };
    expect(copy.text).toContain('双面羊毛呢大衣 ¥1299');
    expect(copy.text).toContain('上海静安嘉里店');
    expect(copy.flags).toEqual([]);
  });

  it('refuses unknown products, unknown kinds and anonymous callers', async () => {
    const guide = api(service, (await signIn(service, 'guide.lin')).cookie);
    expect((await guide.post('/api/content', { kind: 'moments', skus: ['NOPE-1'] })).status).toBe(404);
    expect((await guide.post('/api/content', { kind: 'poem', skus: ['AP-1001'] })).status).toBe(400);
    expect((await browserFetch(service, '/api/content', { method: 'POST' })).status).toBe(401);
  });
});
