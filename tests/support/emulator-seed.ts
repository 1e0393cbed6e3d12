import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small demo tenant in the shape of config/demo/stores.yaml, beside the real config/demo/tags.yaml.
 * Tests use this so they do not depend on how many customers the demo file has.
 */
export const FIXTURE_STORES_YAML = `
corp:
  id: ww_fixture_corp
  name: 示例服饰
stores:
  - id: store-sh01
    name: 上海南京西路店
  - id: store-hz01
    name: 杭州湖滨店
members:
  - { userid: guide.lin, name: 林晓, role: guide, store: store-sh01 }
  - { userid: guide.chen, name: 陈静, role: guide, store: store-sh01 }
  - { userid: guide.wang, name: 王磊, role: guide, store: store-hz01 }
  - { userid: manager.zhou, name: 周敏, role: manager, stores: [store-sh01, store-hz01] }
customers:
  - external_userid: wmFixtureC001
    name: 张女士
    gender: 2
    follow:
      - userid: guide.lin
        remark: 张姐-南京西路
        tags: ["意向品类/美妆", "肤质/敏感性"]
        createtime: 1700000000
        state: store-sh01-poster
  - external_userid: wmFixtureC002
    name: 李先生
    gender: 1
    follow:
      - userid: guide.lin
        remark: 李先生
        tags: ["预算/500-1000"]
        createtime: 1700000100
      - userid: guide.chen
        remark: 李总
        tags: []
        createtime: 1700000200
  - external_userid: wmFixtureC003
    name: 王小姐
    gender: 2
    follow:
      - userid: guide.chen
        remark: ""
        tags: ["尺码/M", "场合/通勤"]
        createtime: 1700000300
  - external_userid: wmFixtureC004
    name: 赵阿姨
    gender: 2
    follow:
      - userid: guide.wang
        remark: 老客赵阿姨
        tags: ["客户状态/老客"]
        createtime: "2024-03-01T10:00:00+08:00"
kf:
  open_kfid: wkFixtureKf01
  name: 示例服饰官方客服
  servicers: [guide.lin, guide.chen, guide.wang]
`;

/** Writes the fixture tenant to a fresh directory; returns it and a cleanup. */
export function writeFixtureSeed(storesYaml = FIXTURE_STORES_YAML): { seedDir: string; cleanup: () => void } {
  const seedDir = mkdtempSync(join(tmpdir(), 'ga-emulator-seed-'));
  writeFileSync(join(seedDir, 'stores.yaml'), storesYaml);
  copyFileSync(join(process.cwd(), 'config/demo/tags.yaml'), join(seedDir, 'tags.yaml'));
  return { seedDir, cleanup: () => rmSync(seedDir, { recursive: true, force: true }) };
}
