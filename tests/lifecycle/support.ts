import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempTenant } from '../support/temp-tenant.ts';

/** 09:30 on 2026-03-10 in China (01:30 UTC): "today" in the lifecycle tests. */
export const NOW = Date.UTC(2026, 2, 10, 1, 30);
export const DAY_MS = 86400_000;

/**
 * A copy of the demo tenant whose catalog has two products flagged new (`arrivedAt`) and one that arrived
 * long ago, so the new-arrival rule has something to match.
 */
export function lifecycleTenant(extraMembers: string[] = []): { dir: string; orgFile: string } {
  const tenant = tempTenant(extraMembers);
  appendFileSync(
    join(tenant.dir, 'catalog.yaml'),
    `
  - sku: AP-9001
    name: 羊毛混纺通勤西装外套
    category: 服装
    subcategory: 西装
    brand: 澜庭
    price: 1499
    attributes: { arrivedAt: "2026-03-05", 颜色: [黑色, 燕麦色] }
    description: 春季新到的通勤西装外套。
    tags: [意向品类/服装, 场合/通勤]
  - sku: BT-9002
    name: 山茶花舒缓精华水
    category: 美妆
    price: 268
    attributes: { arrivedAt: "2026-03-08" }
    tags: [意向品类/美妆, 肤质/敏感性]
  - sku: AC-9003
    name: 珍珠扣皮革手拿包
    category: 配饰
    price: 899
    attributes: { arrivedAt: "2025-12-01" }
    tags: [意向品类/配饰, 场合/送礼]
`,
  );
  return tenant;
}
