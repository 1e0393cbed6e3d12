/**
 * Regenerate transforms the drafts rather than returning them again: 更简短 is at most 60 % as long,
 * 更热情 warmer, 推荐同价位 the customer's budget band (else the focus product's), 正式一点 without the chat marks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import type { CustomerProfile } from '../../src/conversation/model.ts';
import { DEMO_DIR, chat, demoCorpTags } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
const profile: CustomerProfile = { customerId: 'wmCUST', name: '李娜', gender: 2, relationships: {}, facts: [], updatedAt: 0 };

beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
  const corp = await demoCorpTags();
  assistant = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp, directory: { guideName: () => '林晓', storeName: () => '上海静安嘉里店' } });
});

const suggest = (lines: string[], instruction?: string): Promise<Suggestion> =>
  assistant.suggest({ conversation: chat(...lines), profile, guideId: 'guide.lin', customerId: 'wmCUST', now: 1_700_000_100_000, ...(instruction ? { instruction } : {}) });

const BUDGET = ['顾客: 想买件通勤穿的外套，预算一千左右', '导购: 千鸟格羊毛大衣（¥2899）很适合通勤', '顾客: 有点贵'];

describe('regenerate', () => {
  it('更简短 gives every draft at most 60 % of its length, still ending a sentence', async () => {
    const plain = await suggest(BUDGET);
    const short = await suggest(BUDGET, '更简短');
    expect(short.drafts.length).toBe(plain.drafts.length);
    short.drafts.forEach((draft, i) => {
      const before = plain.drafts[i]?.text ?? '';
      expect(draft.text.length).toBeLessThanOrEqual(Math.ceil(before.length * 0.6));
      expect(draft.text.length).toBeGreaterThan(0);
      expect(draft.text).not.toBe(before);
    });
  });

  it('推荐同价位 uses the budget the customer stated, not the price of the product last quoted', async () => {
    const same = await suggest(BUDGET, '推荐同价位');
    const first = same.drafts[0];
    expect(first?.sourceId).toBe('catalog:same-price');
    const prices = (first?.skus ?? []).map((sku) => kb.productBySku.get(sku)?.price ?? 0);
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(price).toBeGreaterThanOrEqual(750);
    for (const price of prices) expect(price).toBeLessThanOrEqual(1250);
    expect(first?.skus).not.toContain('AP-1006');
  });

  it('推荐同价位 without a budget stays within ±30 % of the product in focus', async () => {
    const same = await suggest(['顾客: 双面羊毛呢大衣多少钱', '导购: 双面羊毛呢大衣是¥1299'], '推荐同价位');
    const prices = (same.drafts[0]?.skus ?? []).map((sku) => kb.productBySku.get(sku)?.price ?? 0);
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(Math.abs(price - 1299)).toBeLessThanOrEqual(1299 * 0.3);
  });

  it('更热情 speaks warmer: the name, a soft ending, and different text', async () => {
    const plain = await suggest(BUDGET);
    const warm = await suggest(BUDGET, '更热情');
    warm.drafts.forEach((draft, i) => {
      expect(draft.text).not.toBe(plain.drafts[i]?.text);
      expect(draft.text).toMatch(/李娜|亲/u);
      expect(draft.text).toMatch(/[～~😊]$/u);
    });
  });

  it('takes a need from a free-text instruction ("推荐黑色的")', async () => {
    const s = await suggest(['顾客: 想买件大衣'], '推荐黑色的');
    expect(s.state?.slots.colour?.value).toBe('黑色');
    const skus = s.drafts[0]?.skus ?? [];
    expect(skus.length).toBeGreaterThan(0);
    for (const sku of skus) expect(JSON.stringify(kb.productBySku.get(sku)?.attributes)).toContain('黑');
  });
});
