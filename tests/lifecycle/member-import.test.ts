import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/conversation/keys.ts';
import { LIFECYCLE_QUEUE, type LifecycleJob } from '../../src/jobs/lifecycle-jobs.ts';
import { importMembers } from '../../src/lifecycle/import-members.ts';
import { createMemberStore, type MemberStore } from '../../src/lifecycle/member-store.ts';
import type { MemberFileFormat } from '../../src/lifecycle/read-member-file.ts';
import { loadOrg, type Org } from '../../src/org/org.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { deleteUnder, keysUnder, redisEnv, testRedis } from '../support/test-service.ts';
import { NOW } from './support.ts';

const keys = createKeys(`test:${randomUUID()}:`);
let redis: RedisClient;
let org: Org;
let members: MemberStore;

beforeAll(async () => {
  redis = testRedis();
  org = await loadOrg('config/demo/stores.yaml');
  members = createMemberStore(redis, keys, 3600);
});

afterAll(async () => {
  redis.disconnect();
  await deleteUnder(keys.prefix);
});

const run = (text: string, format: MemberFileFormat = 'csv', dryRun = false) => importMembers({ members, org }, { text, format, now: NOW, dryRun });

/** A CRM export as Excel writes "CSV UTF-8": BOM, CRLF, Chinese headers, a quoted remark spanning two lines, a phone column. */
const CRM_EXPORT = [
  '\uFEFF客户ID,姓名,生日,最近购买日期,积分余额,积分到期日,门店,导购,备注,手机号',
  'wmImp001,张敏,1988/3/14,2026-02-21,"3,260",2026-03-31,上海静安嘉里店,guide.lin,金卡,13800000000',
  'wmImp002,李娜,11-28,2026年1月2日,860,2026-12-15,sh-jingan,陈思雨,"喜欢通勤款',
  '偏好M码",13900000000',
  'wmImp003,王芳,13-45,2026-01-01,420,,上海静安嘉里店,guide.chen,,',
  '',
  'wmImp004,刘洋,1983-12-02,2026-01-18,abc,2026-12-10,北京店,guide.nobody,,',
  ',无ID,1990-01-01,,,,,,,',
  'wmImp005,重复甲,05-05,,,,,,,',
  'wmImp006,未来,2030-01-01,,,,,,,',
  'wmImp005,重复乙,05-06,,,,,,,',
  'wmImp007,何雨,01-06,,2450,2027-01-15,杭州湖滨银泰店,,,',
].join('\r\n');

describe('importing a member file', () => {
  it('reads a CSV with a BOM and Chinese headers, and reports every rejected row with its line and reasons', async () => {
    const report = await run(CRM_EXPORT);
    expect(report).toMatchObject({ format: 'csv', rows: 9, imported: 3, updated: 0, unchanged: 0, ignoredColumns: ['备注', '手机号'], dryRun: false });
    expect(report.rejected.map((r) => [r.line, r.customerId])).toEqual([
      [5, 'wmImp003'],
      [7, 'wmImp004'],
      [8, undefined],
      [9, 'wmImp005'],
      [10, 'wmImp006'],
      [11, 'wmImp005'],
    ]);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reasons.join(' | ')]));
    expect(reasons[5]).toContain('生日“13-45”不是有效日期');
    expect(reasons[7]).toMatch(/积分余额“abc”.*门店“北京店”.*导购“guide\.nobody”/);
    expect(reasons[8]).toContain('缺少客户ID');
    expect(reasons[9]).toContain('第 9、11 行重复');
    expect(reasons[10]).toContain('晚于今天');
  });

  it('stores what it accepted in one normal form (ids for store and guide, YYYY-MM-DD dates)', async () => {
    expect(await members.get('wmImp001')).toEqual({
      customerId: 'wmImp001',
      name: '张敏',
      birthday: '1988-03-14',
      lastPurchaseAt: '2026-02-21',
      pointsBalance: 3260,
      pointsExpireAt: '2026-03-31',
      storeId: 'sh-jingan',
      guideId: 'guide.lin',
    });
    expect(await members.get('wmImp002')).toMatchObject({ birthday: '11-28', lastPurchaseAt: '2026-01-02', guideId: 'guide.chen', storeId: 'sh-jingan' });
    expect(await members.get('wmImp007')).toEqual({ customerId: 'wmImp007', name: '何雨', birthday: '01-06', pointsBalance: 2450, pointsExpireAt: '2027-01-15', storeId: 'hz-hubin' });
    for (const id of ['wmImp003', 'wmImp004', 'wmImp005', 'wmImp006']) expect(await members.get(id)).toBeUndefined();
    const stored = await members.forEach(100, async () => undefined);
    expect(stored).toBe(3);
    expect(await redis.ttl(keys.lifecycleMember('wmImp001'))).toBeGreaterThan(3000);
  });

  it('tells new, changed and unchanged members apart on a second import', async () => {
    const again = await run(CRM_EXPORT.replace('wmImp007,何雨,01-06', 'wmImp007,何雨,01-07'));
    expect(again).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    expect((await members.get('wmImp007'))?.birthday).toBe('01-07');
  });

  it('takes JSON (a list or { members }), English or Chinese keys, and reports positions', async () => {
    const report = await run(
      JSON.stringify({
        members: [
          { customerId: 'wmJson01', name: '周凯', birthday: '1993-02-11', pointsBalance: 720, pointsExpireAt: '2027-01-31', guideId: 'guide.zhou', level: '银卡' },
          { 客户ID: 'wmJson02', 生日: '02-29', 导购: '何佳' },
          { customerId: 'wmJson03', birthday: 19930211 },
          'not a member',
          { customerId: 'wmJson05', birthday: '01-01', pointsBalance: { value: 5 } },
        ],
      }),
      'json',
    );
    expect(report).toMatchObject({ format: 'json', rows: 5, imported: 2, ignoredColumns: ['level'] });
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(report.rejected[2]?.reasons).toEqual(['积分余额应为文字或数字']);
    expect(report.rejected[0]?.reasons.join()).toContain('不要写成数字');
    expect(await members.get('wmJson02')).toEqual({ customerId: 'wmJson02', birthday: '02-29', guideId: 'guide.he' });
  });

  it('reads tab-separated exports too', async () => {
    const report = await run('customer_id\tbirthday\tguide_id\nwmTab01\t1990-07-01\tguide.chen\n');
    expect(report).toMatchObject({ imported: 1, rejected: [] });
  });

  it('a dry run reports without writing', async () => {
    const report = await run('客户ID,生日\nwmDry01,04-01\n', 'csv', true);
    expect(report).toMatchObject({ imported: 1, dryRun: true });
    expect(await members.get('wmDry01')).toBeUndefined();
  });
});

describe('a bad file changes nothing', () => {
  const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x49, 0x44, 0x2c, 0xc9, 0xfa, 0xc8, 0xd5, 0x0a, 0x77, 0x6d, 0x31, 0x2c, 0x30, 0x33, 0x2d, 0x30, 0x35, 0x0a]).toString('utf8');
  it.each([
    ['no birthday column', 'csv', '客户ID,姓名\nwmImp001,张三\n', /缺少必需的列：生日/],
    ['two columns for one field', 'csv', '客户ID,生日,birthday\nwmImp001,01-01,01-02\n', /都表示生日/],
    ['broken quoting', 'csv', '客户ID,生日\nwmImp001,01-01\nwmImp007,"01-02\n', /CSV 无法解析/],
    ['a GBK file', 'csv', gbk, /不是 UTF-8/],
    ['an empty file', 'csv', '\uFEFF', /空/],
    ['only a header', 'csv', '客户ID,生日\r\n', /没有会员数据/],
    ['JSON that is not a list', 'json', '{"customerId":"wmImp001"}', /会员数组/],
    ['broken JSON', 'json', '[{"customerId":', /JSON 无法解析/],
  ] as const)('%s', async (_name, format, text, message) => {
    const before = (await keysUnder(redis, keys.prefix)).sort();
    const member = await members.get('wmImp001');
    await expect(run(text, format)).rejects.toMatchObject({ code: 'member_file_invalid', status: 400, message: expect.stringMatching(message) });
    expect((await keysUnder(redis, keys.prefix)).sort()).toEqual(before);
    expect(await members.get('wmImp001')).toEqual(member);
  });
});

describe('npm run import-members', () => {
  it('imports a file into the configured Redis, queues a run with --run, and exits 2 when rows were rejected', async () => {
    const prefix = `test:${randomUUID()}:`;
    const dir = mkdtempSync(join(tmpdir(), 'ga-members-'));
    const file = join(dir, 'members.csv');
    writeFileSync(file, '\uFEFF客户ID,姓名,生日,导购\r\nwmCli001,宋雅,2000-11-27,guide.he\r\nwmCli002,坏日期,2000-13-27,guide.he\r\n');
    const env = { ...process.env, ...redisEnv(), REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' };
    const outcome = await promisify(execFile)('npm', ['run', '--silent', 'import-members', '--', file, '--run'], { env }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    try {
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toContain('2 rows — 1 new, 0 updated, 0 unchanged, 1 rejected');
      expect(outcome.stdout).toContain('line 3 (wmCli002)');
      const store = createMemberStore(redis, createKeys(prefix), 60);
      expect(await store.get('wmCli001')).toEqual({ customerId: 'wmCli001', name: '宋雅', birthday: '2000-11-27', guideId: 'guide.he' });
      expect(outcome.stdout).toContain('lifecycle run queued');
      const queue = new Queue<LifecycleJob>(LIFECYCLE_QUEUE, { connection: redis, prefix: createKeys(prefix).bull(LIFECYCLE_QUEUE) });
      expect((await queue.getJobs(['waiting'])).map((j) => j.data)).toEqual([{ kind: 'run' }]);
      await queue.close();
    } finally {
      await deleteUnder(prefix);
    }
  });

  it('imports the demo member file without a rejected row', async () => {
    const prefix = `test:${randomUUID()}:`;
    const env = { ...process.env, ...redisEnv(), REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' };
    try {
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'import-members', '--', 'config/demo/members.csv'], { env });
      expect(stdout).toContain('21 rows — 21 new, 0 updated, 0 unchanged, 0 rejected');
      expect(stdout).toContain('ignored columns: 会员等级');
    } finally {
      await deleteUnder(prefix);
    }
  });
});
