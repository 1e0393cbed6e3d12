import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendGuard } from '../../src/wecom/api/send-guard.ts';
import type { Service } from '../../src/main.ts';
import { api, browserFetch, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';
import { keysUnder } from '../support/test-service.ts';
import { lifecycleTenant, NOW } from './support.ts';

let service: Service;
let stop: () => Promise<void>;
let admin: ReturnType<typeof api>;
let lin: ReturnType<typeof api>;
let chen: ReturnType<typeof api>;
let wang: ReturnType<typeof api>;
let li: ReturnType<typeof api>;
const clock = { now: NOW };

beforeAll(async () => {
  const tenant = lifecycleTenant(['{ userid: manager.li, name: 李娟, role: manager, stores: [hz-hubin] }']);
  // The daily scheduler is off here: runs are queued by the test (or the admin API) with the clock above.
  ({ service, stop } = await startTestService({ KNOWLEDGE_DIR: tenant.dir, ORG_FILE: tenant.orgFile, LIFECYCLE_ENABLED: 'false' }, { now: () => clock.now }));
  await eventually(() => service.stores.store.isFollowing('guide.zhou', 'wmLT0005'), Boolean);
  admin = api(service, (await signIn(service, 'admin.hq')).cookie);
  lin = api(service, (await signIn(service, 'guide.lin')).cookie);
  chen = api(service, (await signIn(service, 'guide.chen')).cookie);
  wang = api(service, (await signIn(service, 'manager.wang')).cookie);
  li = api(service, (await signIn(service, 'manager.li')).cookie);
});

afterAll(() => stop());

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

function upload(who: ReturnType<typeof api>, body: string | Uint8Array<ArrayBuffer>, type: string, query = ''): Promise<Response> {
  return browserFetch(service, `/api/admin/members/import${query}`, { method: 'POST', headers: { cookie: who.cookie, 'content-type': type }, body });
}

/** Waits for a queued run and the digest jobs it queued; returns the run's result. */
async function settle(jobId: string): Promise<string> {
  const queue = service.lifecycle.queue;
  await eventually(async () => (await queue.getJob(jobId))?.getState(), (state) => state === 'completed', 400);
  await eventually(() => queue.getJobCounts('waiting', 'active', 'prioritized'), (c) => Object.values(c).every((n) => n === 0), 400);
  return String((await queue.getJob(jobId))?.returnvalue);
}

function digestsTo(guideId: string): Array<{ title: string; description: string; url: string }> {
  return service
    .emulator!.state.appMessages.filter((m) => m.touser === guideId && m.msgtype === 'textcard')
    .map((m) => m.body as { title: string; description: string; url: string })
    .filter((card) => card.title.includes('待跟进'));
}

interface TaskView {
  id: string;
  kind: string;
  title: string;
  draft?: string;
  customer: { customerId: string; name: string };
  following: boolean;
}
const tasksOf = async (who: ReturnType<typeof api>): Promise<TaskView[]> => ((await (await who.get('/api/tasks')).json()) as { tasks: TaskView[] }).tasks;

const MEMBER_CSV = [
  '\uFEFF客户ID,姓名,生日,最近购买日期,积分余额,积分到期日,门店,导购',
  'wmLT0001,张敏,03-12,2026-02-20,3260,2027-03-31,上海静安嘉里店,guide.lin',
  'wmLT0002,李娜,08-01,2026-02-01,1200,2026-03-31,上海静安嘉里店,guide.lin',
  'wmLT0003,王芳,07-09,2025-12-01,420,,上海静安嘉里店,guide.chen',
  'wmLT0005,陈静,03-10,2026-03-01,,,杭州湖滨银泰店,',
  'wmLT0008,周凯,1993-13-11,,,,杭州湖滨银泰店,guide.zhou',
  'wmLT0014,黄伟,05-03,2025-11-20,,,杭州湖滨银泰店,guide.zhou',
].join('\r\n');

describe('member import over the admin API', () => {
  it('refuses everyone but an admin', async () => {
    await expectError(await upload(lin, MEMBER_CSV, 'text/csv'), 403, 'forbidden_role');
    await expectError(await upload(wang, MEMBER_CSV, 'text/csv'), 403, 'forbidden_role');
    await expectError(await browserFetch(service, '/api/admin/members/import', { method: 'POST', body: MEMBER_CSV, headers: { 'content-type': 'text/csv' } }), 401, 'not_signed_in');
    expect(await keysUnder(service.redis, service.keys.lifecycleMember(''))).toEqual([]);
  });

  it('imports a CSV with a BOM and Chinese headers and reports the rejected row', async () => {
    const res = await upload(admin, MEMBER_CSV, 'text/csv; charset=utf-8');
    expect(res.status, await res.clone().text()).toBe(200);
    const report = (await res.json()) as { imported: number; rejected: Array<{ line: number; customerId: string; reasons: string[] }> };
    expect(report).toMatchObject({ format: 'csv', rows: 6, imported: 5, updated: 0 });
    expect(report.rejected).toEqual([{ line: 6, customerId: 'wmLT0008', reasons: [expect.stringContaining('生日“1993-13-11”不是有效日期')] }]);
    expect(await service.lifecycle.members.get('wmLT0005')).toEqual({ customerId: 'wmLT0005', name: '陈静', birthday: '03-10', lastPurchaseAt: '2026-03-01', storeId: 'hz-hubin' });
  });

  it('updates from JSON, after a dry run that writes nothing', async () => {
    const file = JSON.stringify([{ customerId: 'wmLT0010', name: '郑雪', birthday: '2004-03-11', guideId: 'guide.he' }, { customerId: 'wmLT0003', name: '王芳', birthday: '07-09', lastPurchaseAt: '2025-12-01', pointsBalance: 420, storeId: 'sh-jingan', guideId: 'guide.chen' }]);
    expect(await (await upload(admin, file, 'application/json', '?dryRun=true')).json()).toMatchObject({ dryRun: true, imported: 1, unchanged: 1 });
    expect(await service.lifecycle.members.get('wmLT0010')).toBeUndefined();
    const res = await upload(admin, file, 'application/json');
    expect(await res.json()).toMatchObject({ format: 'json', imported: 1, unchanged: 1, updated: 0, rejected: [], dryRun: false });
  });

  it('a bad file changes nothing: 400 with the problem, every member as before', async () => {
    const before = await service.lifecycle.members.get('wmLT0001');
    const broken = `${MEMBER_CSV.replace('张敏,03-12', '张敏改,04-12')}\r\nwmLT0099,"未闭合,05-05,,,,,`;
    await expectError(await upload(admin, broken, 'text/csv'), 400, 'member_file_invalid');
    await expectError(await upload(admin, '客户ID,姓名\r\nwmLT0001,张敏改\r\n', 'text/csv'), 400, 'member_file_invalid');
    await expectError(await upload(admin, new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x49, 0x44, 0x2c, 0xc9, 0xfa, 0xc8, 0xd5, 0x0a]), 'text/csv'), 400, 'member_file_invalid');
    await expectError(await upload(admin, MEMBER_CSV, 'multipart/form-data; boundary=x'), 415, 'unsupported_media_type');
    expect(await service.lifecycle.members.get('wmLT0001')).toEqual(before);
    expect(await service.lifecycle.members.get('wmLT0099')).toBeUndefined();
  });
});

describe('the daily run and the digest', () => {
  let firstRun: string;

  it('makes the tasks and sends each guide with new tasks exactly one app message', async () => {
    firstRun = await settle(await service.lifecycle.requestRun());
    expect(firstRun).toBe('created_12');
    expect(digestsTo('guide.lin')).toHaveLength(1);
    expect(digestsTo('guide.chen')).toHaveLength(1);
    expect(digestsTo('guide.zhou')).toHaveLength(1);
    expect(digestsTo('guide.he')).toHaveLength(1);
    const [card] = digestsTo('guide.lin');
    expect(card?.title).toBe('今日有 2 个客户待跟进');
    expect(card?.description).toMatch(/生日关怀 1.*积分到期 1.*新品推荐 2/s);
    expect(card?.url).toBe(`${service.url}/sidebar/?view=tasks`);
    expect(digestsTo('guide.zhou')[0]?.title).toBe('今日有 2 个客户待跟进');
    expect(await service.redis.scard(service.keys.lifecycleDigest('guide.lin'))).toBe(0);
  });

  it('a second run, through the admin API, makes nothing and sends nothing', async () => {
    await expectError(await lin.post('/api/admin/lifecycle/run'), 403, 'forbidden_role');
    const res = await admin.post('/api/admin/lifecycle/run');
    expect(res.status).toBe(202);
    expect(await settle(((await res.json()) as { jobId: string }).jobId)).toBe('created_0');
    for (const guide of ['guide.lin', 'guide.chen', 'guide.zhou', 'guide.he']) expect(digestsTo(guide)).toHaveLength(1);
  });

  it('shows a guide their open tasks with personalised drafts, and only theirs', async () => {
    const mine = await tasksOf(lin);
    expect(mine.map((t) => `${t.customer.customerId}:${t.kind}`).sort()).toEqual(['wmLT0001:birthday', 'wmLT0001:new_arrival', 'wmLT0002:new_arrival', 'wmLT0002:points_expiring']);
    const points = mine.find((t) => t.kind === 'points_expiring');
    expect(points).toMatchObject({ customer: { name: '李娜' }, following: true });
    expect(points?.draft).toContain('李娜您好，提醒您一下：您有1200积分将在3月31日到期');
    expect(mine.find((t) => t.customer.customerId === 'wmLT0002' && t.kind === 'new_arrival')?.draft).toContain('羊毛混纺通勤西装外套，1499元');
    expect((await tasksOf(chen)).map((t) => t.kind).sort()).toEqual(['new_arrival', 'win_back']);
    await expectError(await wang.get('/api/tasks'), 403, 'forbidden_role');
    const card = (await (await lin.get('/api/customers/wmLT0001')).json()) as { tasks: Array<{ kind: string }> };
    expect(card.tasks.map((t) => t.kind).sort()).toEqual(['birthday', 'new_arrival']);
  });
});

describe('closing tasks and the manager’s figures', () => {
  it('a guide closes their own task with an outcome, once', async () => {
    const birthday = (await tasksOf(lin)).find((t) => t.kind === 'birthday');
    const res = await lin.post(`/api/tasks/${birthday?.id}/close`, { status: 'done', outcome: 'replied' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ task: { id: birthday?.id, status: 'done', outcome: 'replied' } });
    await expectError(await lin.post(`/api/tasks/${birthday?.id}/close`, { status: 'dismissed' }), 409, 'task_closed');
    expect((await tasksOf(lin)).some((t) => t.id === birthday?.id)).toBe(false);
    const points = (await tasksOf(lin)).find((t) => t.kind === 'points_expiring');
    expect((await lin.post(`/api/tasks/${points?.id}/close`, { status: 'dismissed' })).status).toBe(200);
  });

  it('refuses another guide’s task (403), a bad body (400) and an unknown task (404)', async () => {
    const chens = (await tasksOf(chen))[0];
    await expectError(await lin.post(`/api/tasks/${chens?.id}/close`, { status: 'done', outcome: 'sent' }), 403, 'not_your_task');
    expect((await tasksOf(chen)).map((t) => t.id)).toContain(chens?.id);
    await expectError(await chen.post(`/api/tasks/${chens?.id}/close`, { status: 'finished' }), 400, 'bad_request');
    await expectError(await chen.post(`/api/tasks/${chens?.id}/close`, { status: 'done', outcome: 'maybe' }), 400, 'bad_request');
    await expectError(await chen.post('/api/tasks/lc-birthday-0000/close', { status: 'done' }), 404, 'task_not_found');
    await expectError(await wang.post(`/api/tasks/${chens?.id}/close`, { status: 'done' }), 403, 'forbidden_role');
    expect((await chen.post(`/api/tasks/${chens?.id}/close`, { status: 'done', outcome: 'purchased' })).status).toBe(200);
  });

  it('counts per rule and outcome for the manager’s stores only', async () => {
    interface Row { rule: string; created: number; done: number; dismissed: number; outcomes: Record<string, number> }
    const report = (await (await wang.get('/api/review/lifecycle?period=week')).json()) as { period: string; to: string; totals: Row[]; stores: Array<{ id: string; rules: Row[] }> };
    expect(report).toMatchObject({ period: 'week', to: '2026-03-10' });
    const total = (rule: string): Row | undefined => report.totals.find((r) => r.rule === rule);
    expect(total('birthday')).toMatchObject({ created: 3, done: 1, dismissed: 0, outcomes: { replied: 1, sent: 0 } });
    expect(total('points_expiring')).toMatchObject({ created: 1, dismissed: 1, done: 0 });
    expect(total('new_arrival')?.created).toBe(6);
    expect(report.totals.reduce((n, r) => n + r.created, 0)).toBe(12);
    expect(report.totals.reduce((n, r) => n + r.done + r.dismissed, 0)).toBe(3);

    const hz = (await (await li.get('/api/review/lifecycle?period=week')).json()) as { totals: Row[]; stores: Array<{ id: string }> };
    expect(hz.stores.map((s) => s.id)).toEqual(['hz-hubin']);
    expect(hz.totals.find((r) => r.rule === 'birthday')).toMatchObject({ created: 2, done: 0 });
    await expectError(await li.get('/api/review/lifecycle?store=sh-jingan'), 403, 'not_your_store');
    await expectError(await lin.get('/api/review/lifecycle'), 403, 'forbidden_role');
  });
});

describe('WeCom’s 30 messages a minute', () => {
  it('a rate-limited digest is rescheduled with its tasks, not dropped', async () => {
    await upload(admin, '客户ID,姓名,生日,导购\nwmLT0015,宋雅,03-11,guide.he\n', 'text/csv');
    // guide.he already got 30 app messages this minute (as far as the send guard knows; the first digest is one).
    const guard = createSendGuard(service.redis, service.keys);
    const full = async (): Promise<boolean> => guard.claim(['guide.he'], Date.now()).then(() => false, () => true);
    for (let i = 0; i < 30 && !(await full()); i++);
    expect(await full()).toBe(true);
    const runId = await service.lifecycle.requestRun();
    expect(await settle(runId)).toBe('created_2'); // 宋雅's birthday, and the new jacket matches her tags
    const digest = await service.lifecycle.queue.getJob(`digest|guide.he|${runId}`);
    expect(await digest?.getState()).toBe('delayed');
    expect(digestsTo('guide.he')).toHaveLength(1);
    expect(await service.redis.scard(service.keys.lifecycleDigest('guide.he'))).toBe(2);

    // A minute later the window has room again.
    await service.redis.del(service.keys.sendWindow('guide.he'));
    await digest?.promote();
    await eventually(async () => digest?.getState(), (state) => state === 'completed', 400);
    const cards = digestsTo('guide.he');
    expect(cards).toHaveLength(2);
    expect(cards[1]?.title).toBe('今日有 1 个客户待跟进');
    expect(cards[1]?.description).toContain('宋雅');
    expect(await service.redis.scard(service.keys.lifecycleDigest('guide.he'))).toBe(0);
  });
});
