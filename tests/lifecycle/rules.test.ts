import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpTags, loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { createKeys, type Keys } from '../../src/conversation/keys.ts';
import { createRedisConversationStore } from '../../src/conversation/redis-conversation-store.ts';
import { buildTagDirectory, type TagDirectory } from '../../src/conversation/tag-directory.ts';
import { HELD_NOTE } from '../../src/lifecycle/build-task.ts';
import { nextBirthday, parseBirthday, parseDay } from '../../src/lifecycle/china-date.ts';
import { createLifecycleCounts } from '../../src/lifecycle/lifecycle-counts.ts';
import type { LifecycleMember, LifecycleSettings } from '../../src/lifecycle/member.ts';
import { createMemberStore } from '../../src/lifecycle/member-store.ts';
import { createOnceMarkers } from '../../src/lifecycle/once-markers.ts';
import { runLifecycle, type LifecycleRunDeps } from '../../src/lifecycle/run-lifecycle.ts';
import { DEFAULT_TEMPLATES, loadTemplates, type LifecycleTemplates } from '../../src/lifecycle/templates.ts';
import { loadOrg, type Org } from '../../src/org/org.ts';
import { createRedisTaskStore, type Task } from '../../src/tasks/task-store.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { deleteKeys, deleteUnder, keysUnder, silentLog, testConfig, testRedis } from '../support/test-service.ts';
import { DAY_MS, lifecycleTenant, NOW } from './support.ts';

const SETTINGS: LifecycleSettings = {
  rules: ['birthday', 'win_back', 'points_expiring', 'new_arrival'],
  birthday: { daysBefore: 3 },
  winBack: { afterDays: 60, offer: 'spend-1000-off-100' },
  pointsExpiring: { withinDays: 30, minBalance: 500 },
  newArrival: { withinDays: 30 },
};

let redis: RedisClient;
let kb: KnowledgeBase;
let demoKb: KnowledgeBase;
let org: Org;
let directory: TagDirectory;
let tenantDir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  redis = testRedis();
  const tenant = lifecycleTenant();
  tenantDir = tenant.dir;
  kb = await loadKnowledge(tenant.dir);
  demoKb = await loadKnowledge('config/demo');
  org = await loadOrg(tenant.orgFile);
  directory = buildTagDirectory(await loadCorpTags(join(tenant.dir, 'tags.yaml')), new Set());
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteUnder(prefix);
  redis.disconnect();
});

interface World {
  keys: Keys;
  deps: LifecycleRunDeps;
  created: Task[];
  tasksOf(guideId: string): Promise<Task[]>;
}

const tagIds = (...tags: string[]): string[] => tags.map((t) => directory.byKey(t)?.id ?? `missing:${t}`);

async function world(members: LifecycleMember[], options: { templates?: LifecycleTemplates; knowledge?: KnowledgeBase; relationships?: Record<string, Array<{ guideId: string; tags: string[]; since?: number }>> } = {}): Promise<World> {
  const keys = createKeys(`test:${randomUUID()}:`);
  prefixes.push(keys.prefix);
  const store = createRedisConversationStore(redis, keys, { ttlSec: 3600, maxMessages: 50 });
  for (const [customerId, rels] of Object.entries(options.relationships ?? {})) {
    await store.updateProfile(customerId, NOW, (p) => ({
      ...p,
      name: `微信${customerId}`,
      relationships: Object.fromEntries(rels.map((r) => [r.guideId, { guideId: r.guideId, status: 'active' as const, since: r.since ?? NOW - 100 * DAY_MS, tagIds: tagIds(...r.tags) }])),
    }));
  }
  const memberStore = createMemberStore(redis, keys, 3600);
  await memberStore.putAll(members);
  const tasks = createRedisTaskStore(redis, keys, 3600);
  const created: Task[] = [];
  const deps: LifecycleRunDeps = {
    members: memberStore,
    store,
    tasks,
    org,
    knowledge: staticKnowledge(options.knowledge ?? kb),
    tags: () => directory,
    templates: async () => options.templates ?? (await loadTemplates(tenantDir)),
    settings: SETTINGS,
    threshold: () => undefined,
    once: createOnceMarkers(redis, keys),
    counts: createLifecycleCounts(redis, keys, 3600),
    onCreated: async (task) => void created.push(task),
    log: silentLog,
  };
  return { keys, deps, created, tasksOf: (guideId) => tasks.listOpen(guideId) };
}

const CRAFTED: LifecycleMember[] = [
  { customerId: 'c-bday', name: '张敏', birthday: '03-12', guideId: 'guide.lin' },
  { customerId: 'c-bday-far', name: '远生日', birthday: '1990-03-20', guideId: 'guide.lin' },
  { customerId: 'c-winback', name: '李娜', birthday: '08-01', lastPurchaseAt: '2026-01-05', guideId: 'guide.lin' },
  { customerId: 'c-recent', name: '近期', birthday: '08-02', lastPurchaseAt: '2026-02-01', guideId: 'guide.lin' },
  { customerId: 'c-points', name: '王芳', birthday: '08-03', pointsBalance: 1200, pointsExpireAt: '2026-03-31', guideId: 'guide.chen' },
  { customerId: 'c-points-low', birthday: '08-04', pointsBalance: 300, pointsExpireAt: '2026-03-20', guideId: 'guide.chen' },
  { customerId: 'c-points-far', birthday: '08-05', pointsBalance: 5000, pointsExpireAt: '2026-05-01', guideId: 'guide.chen' },
  { customerId: 'c-new', birthday: '08-06' },
  { customerId: 'c-nobody', name: '无人跟进', birthday: '03-11' },
];
const RELATIONSHIPS = { 'c-new': [{ guideId: 'guide.chen', tags: ['意向品类/服装', '场合/通勤', '尺码/M'] }] };

describe('the lifecycle rules on crafted members, as of 2026-03-10 09:30 in China', () => {
  let w: World;
  let first: Awaited<ReturnType<typeof runLifecycle>>;

  beforeAll(async () => {
    w = await world(CRAFTED, { relationships: RELATIONSHIPS });
    first = await runLifecycle(w.deps, NOW);
  });

  const taskOf = (customerId: string): Task => {
    const task = w.created.find((t) => t.customerId === customerId);
    if (!task) throw new Error(`no task for ${customerId}`);
    return task;
  };

  it('makes exactly the tasks the rules call for, each for the right guide', () => {
    expect(w.created.map((t) => `${t.customerId}:${t.kind}:${t.guideId}`).sort()).toEqual([
      'c-bday:birthday:guide.lin',
      'c-new:new_arrival:guide.chen',
      'c-points:points_expiring:guide.chen',
      'c-winback:win_back:guide.lin',
    ]);
    expect(first).toMatchObject({ day: '2026-03-10', members: CRAFTED.length, created: 4, held: 0, unassigned: 1 });
    expect(Object.keys(first.byGuide).sort()).toEqual(['guide.chen', 'guide.lin']);
  });

  it('birthday: greets N days before with the name and the date, due on the day', () => {
    const task = taskOf('c-bday');
    expect(task.draft).toContain('张敏您好');
    expect(task.draft).toContain('后天就是您的生日');
    expect(task.draft).toContain('生日月双倍积分');
    expect(task.title).toContain('3月12日');
    expect(task.due).toBe(Date.UTC(2026, 2, 11, 16, 0));
  });

  it('win-back: after 60 days without a purchase, with the coupon wording the policy allows', () => {
    const task = taskOf('c-winback');
    expect(task.title).toContain('64');
    expect(task.draft).toContain('李娜您好');
    expect(task.draft).toContain('满1000减100（当季新品除外）');
  });

  it('points: a balance over the minimum lapsing within 30 days, with the points and the date', () => {
    const task = taskOf('c-points');
    expect(task.draft).toContain('1200积分将在3月31日到期');
    expect(task.draft).toContain('100积分抵1元');
    expect(task.due).toBe(Date.UTC(2026, 2, 30, 16, 0));
  });

  it('new arrival: the newest product sharing the tags of the relationship, with its catalog price', () => {
    const task = taskOf('c-new');
    expect(task.draft).toContain('羊毛混纺通勤西装外套');
    expect(task.draft).toContain('1499元');
    expect(task.title).toContain('服装、通勤');
    expect(task.draft?.startsWith('微信c-new您好')).toBe(true);
  });

  it('puts the tasks in each guide’s open list and counts them per store', async () => {
    expect((await w.tasksOf('guide.lin')).map((t) => t.customerId).sort()).toEqual(['c-bday', 'c-winback']);
    const counts = await w.deps.counts.load(['sh-jingan'], 1, NOW);
    expect(counts.find((c) => c.rule === 'birthday')).toMatchObject({ created: 1, held: 0 });
    expect(counts.reduce((n, c) => n + c.created, 0)).toBe(4);
  });

  it('never makes a task twice: a second run, and two more at once, make nothing', async () => {
    const again = await Promise.all([runLifecycle(w.deps, NOW), runLifecycle(w.deps, NOW + 3600_000), runLifecycle(w.deps, NOW + 2 * DAY_MS)]);
    expect(again.map((s) => s.created)).toEqual([0, 0, 0]);
    expect(w.created).toHaveLength(4);
  });

  it('still never twice once the task store forgot (its once-keys expire with the retention TTL)', async () => {
    const forgotten = await keysUnder(redis, `${w.keys.prefix}task-once:`);
    expect(forgotten.length).toBe(4);
    await deleteKeys(redis, forgotten);
    expect((await runLifecycle(w.deps, NOW + DAY_MS)).created).toBe(0);
  });

  it('win-back comes back only in the next 60-day window', async () => {
    const winBacks = (): Task[] => w.created.filter((t) => t.customerId === 'c-winback');
    await runLifecycle(w.deps, NOW + 55 * DAY_MS); // day 119 since the purchase: still the first window
    expect(winBacks()).toHaveLength(1);
    expect(w.created.filter((t) => t.customerId === 'c-recent' && t.kind === 'win_back')).toHaveLength(1);
    await runLifecycle(w.deps, NOW + 56 * DAY_MS); // day 120: the second window
    expect(winBacks()).toHaveLength(2);
    expect(winBacks()[1]?.title).toContain('120');
  });
});

describe('runs racing from scratch', () => {
  it('still make one task per member, rule and period', async () => {
    const w = await world(CRAFTED, { relationships: RELATIONSHIPS });
    const runs = await Promise.all([runLifecycle(w.deps, NOW), runLifecycle(w.deps, NOW), runLifecycle(w.deps, NOW)]);
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(4);
    expect(w.created).toHaveLength(4);
  });
});

describe('drafts and the guardrails', () => {
  it('a draft the guardrails hold is not used: the task has no draft and says so', async () => {
    const risky: LifecycleTemplates = { ...DEFAULT_TEMPLATES, birthday: { title: '生日：{customer}', draft: '{customer_name}生日快乐！生日当天到店全场5折，再送您一瓶香水。' } };
    const w = await world([{ customerId: 'c-held', name: '赵丽', birthday: '03-10', guideId: 'guide.zhou' }], { templates: risky });
    const summary = await runLifecycle(w.deps, NOW);
    expect(summary).toMatchObject({ created: 1, held: 1 });
    const [task] = w.created;
    expect(task?.draft).toBeUndefined();
    expect(task?.title).toBe(`生日：赵丽${HELD_NOTE}`);
    expect((await w.deps.counts.load(['hz-hubin'], 1, NOW)).find((c) => c.rule === 'birthday')).toMatchObject({ created: 1, held: 1 });
  });

  it('a store with a stricter threshold holds what the policy would let through', async () => {
    const warned: LifecycleTemplates = { ...DEFAULT_TEMPLATES, birthday: { title: '生日', draft: '{customer_name}生日快乐，这款是店里最受欢迎的礼物。' } };
    const w = await world([{ customerId: 'c-strict', birthday: '03-10', guideId: 'guide.lin' }], { templates: warned });
    const lenient = await world([{ customerId: 'c-lenient', birthday: '03-10', guideId: 'guide.lin' }], { templates: warned });
    await runLifecycle({ ...w.deps, threshold: (store) => (store === 'sh-jingan' ? 'warn' : undefined) }, NOW);
    await runLifecycle(lenient.deps, NOW);
    expect(w.created[0]?.draft).toBeUndefined();
    expect(lenient.created[0]?.draft).toContain('最受欢迎');
  });

  it('without a configured offer the win-back draft carries none', async () => {
    const w = await world([{ customerId: 'c-plain', name: '周凯', birthday: '08-01', lastPurchaseAt: '2025-12-01', guideId: 'guide.zhou' }]);
    await runLifecycle({ ...w.deps, settings: { ...SETTINGS, winBack: { afterDays: 60, offer: '' } } }, NOW);
    expect(w.created[0]?.draft).toMatch(/^周凯您好，好久不见，最近还好吗？有空欢迎/);
  });
});

describe('which guide, which products', () => {
  it('without a guide in the member file, the active relationship in the member’s store wins', async () => {
    const w = await world([{ customerId: 'c-two', birthday: '03-10', storeId: 'hz-hubin' }], {
      relationships: { 'c-two': [{ guideId: 'guide.lin', tags: [], since: NOW - 900 * DAY_MS }, { guideId: 'guide.zhou', tags: [] }] },
    });
    await runLifecycle(w.deps, NOW);
    expect(w.created.map((t) => t.guideId)).toEqual(['guide.zhou']);
  });

  it('skips the new-arrival rule silently when no product says when it arrived', async () => {
    const w = await world([{ customerId: 'c-new', birthday: '08-06' }], { relationships: RELATIONSHIPS, knowledge: demoKb });
    const summary = await runLifecycle(w.deps, NOW);
    expect(summary.created).toBe(0);
  });

  it('a product that arrived outside the window is not new', async () => {
    const w = await world([{ customerId: 'c-gift', birthday: '08-06', guideId: 'guide.chen' }], {
      relationships: { 'c-gift': [{ guideId: 'guide.chen', tags: ['意向品类/配饰', '场合/送礼'] }] },
    });
    expect((await runLifecycle(w.deps, NOW)).created).toBe(0);
    expect((await runLifecycle(w.deps, Date.UTC(2025, 11, 20, 1, 30))).created).toBe(1);
    expect(w.created[0]?.draft).toContain('珍珠扣皮革手拿包，899元');
  });
});

describe('dates in China time', () => {
  it('reads dates the way spreadsheets write them and rejects impossible ones', () => {
    expect(['2026/3/5', '2026.03.05', '2026年3月5日', '2026-03-05 14:20', '2026-03-04T20:00:00Z'].map(parseDay)).toEqual(Array(5).fill('2026-03-05'));
    expect(['2026-02-30', '20260305', '03-05', ''].map(parseDay)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['3/5', '03-05', '3月5日', '1990-03-05', '02-29'].map(parseBirthday)).toEqual(['03-05', '03-05', '03-05', '1990-03-05', '02-29']);
    expect(parseBirthday('13-01')).toBeUndefined();
  });

  it('finds the next birthday across the new year and on 28 February outside leap years', () => {
    expect(nextBirthday('01-02', '2026-12-30')).toBe('2027-01-02');
    expect(nextBirthday('1990-12-30', '2026-12-30')).toBe('2026-12-30');
    expect(nextBirthday('02-29', '2027-02-01')).toBe('2027-02-28');
    expect(nextBirthday('02-29', '2028-02-01')).toBe('2028-02-29');
  });

  it('greets a birthday on 2 January from 30 December, counted in the birthday’s year', async () => {
    const w = await world([{ customerId: 'c-ny', name: '新年', birthday: '01-02', guideId: 'guide.lin' }]);
    const dec30 = Date.UTC(2026, 11, 30, 1, 30);
    expect((await runLifecycle(w.deps, dec30)).created).toBe(1);
    expect((await runLifecycle(w.deps, dec30 + DAY_MS * 3)).created).toBe(0);
    expect(w.created[0]?.title).toContain('1月2日');
  });
});

describe('settings', () => {
  it('come from config/default.yaml with the documented defaults, overridable from the environment', () => {
    const defaults = testConfig().lifecycle;
    expect(defaults).toMatchObject({ runAt: '09:30', birthday: { daysBefore: 3 }, winBack: { afterDays: 60 }, pointsExpiring: { withinDays: 30, minBalance: 500 } });
    expect(testConfig({ LIFECYCLE_RUN_AT: '10:15', LIFECYCLE_BIRTHDAY_DAYS: '7' }).lifecycle).toMatchObject({ runAt: '10:15', birthday: { daysBefore: 7 } });
    expect(() => testConfig({ LIFECYCLE_RUN_AT: '9:30pm' })).toThrow(/LIFECYCLE_RUN_AT/);
  });
});
