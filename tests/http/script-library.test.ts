import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { api, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';
import { tempTenant } from '../support/temp-tenant.ts';

/** What an older console promoted before scripts were checked: company-wide, and in the library already. */
const RISKY = '这件大衣今天只要99元，全额退款随时可以';
const HUBIN = '湖滨店每周三晚上有会员穿搭沙龙，可以带朋友一起来';

let service: Service;
let stop: () => Promise<void>;
let learnedFile: string;
let lin: ReturnType<typeof api>;
let zhou: ReturnType<typeof api>;
let wang: ReturnType<typeof api>;
let li: ReturnType<typeof api>;
let hq: ReturnType<typeof api>;

interface Draft {
  id: string;
  sourceId?: string;
  text: string;
  needsApproval: boolean;
  flags: Array<{ rule: string; severity: string }>;
}

beforeAll(async () => {
  const tenant = tempTenant(['{ userid: manager.li, name: 李娟, role: manager, stores: [hz-hubin] }']);
  learnedFile = join(tenant.dir, 'scripts.learned.yaml');
  writeFileSync(learnedFile, `scripts:\n  - { id: learned-old-risky, intent: 优惠活动, text: "${RISKY}" }\n`);
  ({ service, stop } = await startTestService({ ASSIST_DEBOUNCE_MS: '20', KNOWLEDGE_DIR: tenant.dir, ORG_FILE: tenant.orgFile }));
  for (const [guide, customer] of [['guide.zhou', 'wmLT0008'], ['guide.zhou', 'wmLT0014'], ['guide.lin', 'wmLT0007']] as const) {
    await eventually(() => service.stores.store.isFollowing(guide, customer), Boolean);
  }
  const as = async (userId: string): Promise<ReturnType<typeof api>> => api(service, (await signIn(service, userId)).cookie);
  [lin, zhou, wang, li, hq] = [await as('guide.lin'), await as('guide.zhou'), await as('manager.wang'), await as('manager.li'), await as('admin.hq')];
});

afterAll(() => stop());

async function expectError(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = (await res.json()) as { error: { code: string } };
  expect(body.error.code).toBe(code);
  return body;
}

async function searchIds(member: ReturnType<typeof api>, q: string): Promise<string[]> {
  const res = await member.get(`/api/knowledge/search?limit=20&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ kind: string; id: string }> }).results.filter((r) => r.kind === 'script').map((r) => r.id);
}

/** Pastes a customer line and waits for the suggestion that answers it. */
async function draftsAfter(guide: ReturnType<typeof api>, customerId: string, text: string): Promise<Draft[]> {
  const pasted = (await (await guide.post(`/api/customers/${customerId}/paste`, { text })).json()) as { message: { id: string } };
  const read = async (): Promise<{ answeredMessageIds: string[]; drafts: Draft[] } | null> =>
    ((await (await guide.get(`/api/customers/${customerId}/suggestion`)).json()) as { suggestion: { answeredMessageIds: string[]; drafts: Draft[] } | null }).suggestion;
  const suggestion = await eventually(read, (s) => Boolean(s?.answeredMessageIds.includes(pasted.message.id)));
  expect(suggestion?.answeredMessageIds).toContain(pasted.message.id);
  return suggestion?.drafts ?? [];
}

const learnedIds = (): string[] => (existsSync(learnedFile) ? [...readFileSync(learnedFile, 'utf8').matchAll(/id: (learned-[\w-]+)/g)].map((m) => m[1] ?? '') : []);

describe('promotion scope', () => {
  it('only an admin writes for the whole company; a manager only for stores they manage', async () => {
    const body = { text: HUBIN, intent: '预约到店' };
    await expectError(await li.post('/api/review/scripts', { ...body, companyWide: true }), 403, 'company_wide_admin_only');
    await expectError(await li.post('/api/review/scripts', { ...body, stores: ['sh-jingan'] }), 403, 'not_your_store');
    await expectError(await li.post('/api/review/scripts', { ...body, stores: ['hz-hubin', 'sh-jingan'] }), 403, 'not_your_store');
    await expectError(await li.post('/api/review/scripts', { ...body, stores: ['no-such-store'] }), 400, 'unknown_store');
    await expectError(await hq.post('/api/review/scripts', { ...body, stores: ['hz-hubin'], companyWide: true }), 400, 'bad_scope');
    await expectError(await li.post('/api/review/scripts', { ...body, stores: [] }), 400, 'bad_request');
    expect(learnedIds()).toEqual(['learned-old-risky']);
  });

  it('a manager’s script carries the stores they manage', async () => {
    const res = await li.post('/api/review/scripts', { text: HUBIN, intent: '预约到店' });
    expect(res.status, await res.clone().text()).toBe(201);
    const { script } = (await res.json()) as { script: { id: string; stores?: string[] } };
    expect(script.stores).toEqual(['hz-hubin']);
    expect(readFileSync(learnedFile, 'utf8')).toContain('hz-hubin');
    const two = await wang.post('/api/review/scripts', { text: '两家店的会员都可以在小程序里查看积分', intent: '会员积分' });
    expect(((await two.json()) as { script: { stores?: string[] } }).script.stores).toEqual(['sh-jingan', 'hz-hubin']);
    const narrowed = await wang.post('/api/review/scripts', { text: '静安店本周六有新品试穿会，可以提前帮您预约', intent: '预约到店', stores: ['sh-jingan'] });
    expect(((await narrowed.json()) as { script: { stores?: string[] } }).script.stores).toEqual(['sh-jingan']);
  });

  it('an admin’s script is company-wide', async () => {
    const res = await hq.post('/api/review/scripts', { text: '全国门店都可以凭电子会员卡积分', intent: '会员积分' });
    expect(res.status).toBe(201);
    const { script } = (await res.json()) as { script: { id: string; stores?: string[] } };
    expect(script.stores).toBeUndefined();
    expect(await searchIds(lin, '电子会员卡 积分')).toContain(script.id);
    expect(await searchIds(zhou, '电子会员卡 积分')).toContain(script.id);
  });
});

describe('guardrails at promotion', () => {
  it('refuses a script with a block-level flag with 422 and its flags, and stores nothing', async () => {
    const before = learnedIds();
    const body = await expectError(await wang.post('/api/review/scripts', { text: RISKY, intent: '优惠活动' }), 422, 'script_flagged');
    const rules = (body.flags as Array<{ rule: string; severity: string }>).map((f) => `${f.rule}:${f.severity}`);
    expect(rules).toEqual(expect.arrayContaining(['price:block', 'promise:block']));
    await expectError(await wang.post('/api/review/scripts', { text: '结账时报{coupon_code}就能用', intent: '优惠活动' }), 422, 'script_flagged');
    expect(learnedIds()).toEqual(before);
    const audit = (await (await wang.get('/api/review/audit?limit=50')).json()) as { entries: Array<{ after?: string }> };
    expect(audit.entries.some((e) => e.after === RISKY)).toBe(false);
  });

  it('takes a warn-level flag and answers it with the script', async () => {
    const res = await wang.post('/api/review/scripts', { text: '这款{product_name}是店里最受欢迎的，{price}元', intent: '价格咨询' });
    expect(res.status, await res.clone().text()).toBe(201);
    const { flags } = (await res.json()) as { flags: Array<{ rule: string; severity: string }> };
    expect(flags.map((f) => f.severity)).toEqual(['warn']);
  });
});

describe('store-scoped scripts reach their store only', () => {
  it('search: the store’s guide, its managers and admins see it; another store’s guide never does', async () => {
    const q = '周三 穿搭沙龙';
    const [own] = (await searchIds(zhou, q)).filter((id) => id.startsWith('learned-'));
    expect(own).toBeDefined();
    expect(await searchIds(li, q)).toContain(own);
    expect(await searchIds(wang, q)).toContain(own);
    expect(await searchIds(hq, q)).toContain(own);
    expect(await searchIds(lin, q)).not.toContain(own);
  });

  it('drafts: a guide of the store gets it, a guide of another store does not', async () => {
    const ask = '周三晚上的穿搭沙龙可以带朋友来吗';
    const hubin = await draftsAfter(zhou, 'wmLT0008', ask);
    expect(hubin.map((d) => d.text)).toContain(HUBIN);
    const jingan = await draftsAfter(lin, 'wmLT0007', ask);
    expect(jingan.length).toBeGreaterThan(0);
    expect(jingan.map((d) => d.text)).not.toContain(HUBIN);
  });

  it('a learned script is checked again as a draft: never a clean draft for any store', async () => {
    const drafts = await draftsAfter(zhou, 'wmLT0014', '这件大衣今天有优惠吗');
    const risky = drafts.find((d) => d.text === RISKY);
    expect(risky, JSON.stringify(drafts)).toBeDefined();
    expect(risky?.flags.map((f) => `${f.rule}:${f.severity}`)).toEqual(expect.arrayContaining(['price:block', 'promise:block']));
    expect(risky?.needsApproval).toBe(true);
  });
});
