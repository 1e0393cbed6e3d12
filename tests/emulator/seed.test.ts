import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/emulator/load-seed.ts';
import { startEmulator } from '../../src/emulator/start-emulator.ts';
import { FIXTURE_STORES_YAML, writeFixtureSeed } from '../support/emulator-seed.ts';
import { EMU_KEYS, EMU_SECRETS } from '../support/emulator-harness.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function fixture(yaml: string): string {
  const seed = writeFixtureSeed(yaml);
  cleanups.push(seed.cleanup);
  return seed.seedDir;
}

describe('the emulator seed', () => {
  it('loads the real demo tenant from config/demo', async () => {
    const seedDir = join(process.cwd(), 'config/demo');
    const seed = loadSeed(seedDir);
    const emulator = await startEmulator({ seedDir, keys: { ...EMU_KEYS, corpId: seed.stores.corp.id ?? EMU_KEYS.corpId }, secrets: EMU_SECRETS });
    try {
      const state = emulator.state;
      expect(state.members.size).toBe(seed.stores.members.length);
      expect(state.customers.size).toBe(seed.stores.customers.length);
      expect([...state.members.values()].some((m) => m.role === 'manager')).toBe(true);
      // Every "组/标签" of every relationship resolved to a tag id.
      for (const c of seed.stores.customers) {
        for (const f of c.follow) expect(state.customers.get(c.external_userid)?.follows.get(f.userid)?.tagIds).toHaveLength(f.tags.length);
      }
      const guides = [...state.members.values()].filter((m) => m.role === 'guide').map((m) => m.userid);
      expect(state.kf.servicers).toEqual(expect.arrayContaining(guides));
      expect(state.tagGroups.map((g) => g.name)).toEqual(expect.arrayContaining(['意向品类', '预算', '尺码', '肤质', '购买阶段', '客户状态']));
    } finally {
      await emulator.close();
    }
  });

  it('refuses an unknown tag or member with one error naming each problem', () => {
    const broken = FIXTURE_STORES_YAML.replace('"意向品类/美妆"', '"意向品类/不存在"').replace('userid: guide.chen\n        remark: 李总', 'userid: guide.ghost\n        remark: 李总');
    expect(() => loadSeed(fixture(broken))).toThrow(/unknown tag 意向品类\/不存在.*unknown member guide.ghost|unknown member guide.ghost.*unknown tag/);
  });

  it('refuses a malformed file with the field path', () => {
    expect(() => loadSeed(fixture(FIXTURE_STORES_YAML.replace('role: manager', 'role: boss')))).toThrow(/members\.3\.role/);
  });
});
