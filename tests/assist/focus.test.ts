import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { detectIntent, topIntent } from '../../src/assist/offline/detect-intent.ts';
import { recommendProducts } from '../../src/assist/recommend-products.ts';
import { buildAssistLibrary } from '../../src/assist/tags/build-assist-library.ts';
import { chat, DEMO_DIR, demoCorpTags } from './support.ts';

describe('what the customer asks now comes first', () => {
  it('does not mistake a greeting in front of a question for the intent', () => {
    expect(topIntent(detectIntent('你好，想买双鞋子，周末出去玩穿，有推荐吗？'))?.intent).not.toBe('问候');
    expect(topIntent(detectIntent('你好'))?.intent).toBe('问候');
  });

  it('recommends from the category the conversation is about, over the profile’s old interest', async () => {
    const kb = await loadKnowledge(DEMO_DIR);
    const library = buildAssistLibrary(await demoCorpTags(), kb);
    const tagIds = ['意向品类/服装', '场合/通勤'].map((k) => library.byKey.get(k)?.id as string);
    const profile = { customerId: 'c', relationships: { g: { guideId: 'g', status: 'active' as const, since: 0, tagIds } }, facts: [], updatedAt: 0 };
    const conversation = chat('顾客: 你好，想买双鞋子，周末出去玩穿，有推荐吗？');
    const withFocus = recommendProducts(kb, profile, conversation, 3, { library, guideId: 'g', tags: ['意向品类/鞋履'] });
    expect(withFocus.map((r) => kb.products.find((p) => p.sku === r.sku)?.category)).toEqual(['鞋履', '鞋履', '鞋履']);
    // The customer's stated kind of product is a hard constraint, whatever the profile's tags say.
    const withoutFocus = recommendProducts(kb, profile, conversation, 3, { library, guideId: 'g' });
    expect(withoutFocus.map((r) => kb.products.find((p) => p.sku === r.sku)?.category)).toEqual(['鞋履', '鞋履', '鞋履']);
    const older = recommendProducts(kb, profile, chat('顾客: 你好'), 3, { library, guideId: 'g' });
    expect(older.some((r) => kb.products.find((p) => p.sku === r.sku)?.category === '服装')).toBe(true);
  });
});

describe('drafts fit the product they name', () => {
  it('fills a category-specific script only with a product of that category, and drops weak matches', async () => {
    const kb = await loadKnowledge(DEMO_DIR);
    const corpTags = await demoCorpTags();
    const { createAssistant } = await import('../../src/assist/create-assistant.ts');
    const { staticKnowledge } = await import('../../src/assist/knowledge/watch-knowledge.ts');
    const assistant = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corpTags });
    const shoes = await assistant.suggest({ conversation: chat('顾客: 你好，想买双鞋子，周末出去玩穿，有推荐吗？'), guideId: 'guide.lin', customerId: 'wmCUST', now: 1 });
    expect(shoes.drafts.length).toBeGreaterThan(0);
    // Composed drafts name shoes only; a library script is a styling script not written for clothes.
    expect(shoes.drafts[0]?.sourceId).toMatch(/^compose:/u);
    expect(shoes.drafts[0]?.skus.length).toBeGreaterThan(0);
    const composed = shoes.drafts.filter((d) => d.sourceId?.startsWith('compose:'));
    expect(composed.flatMap((d) => d.skus).map((sku) => kb.productBySku.get(sku)?.category)).toEqual(composed.flatMap((d) => d.skus).map(() => '鞋履'));
    for (const draft of shoes.drafts.filter((d) => !d.sourceId?.startsWith('compose:'))) {
      const script = kb.scripts.find((s) => s.id === draft.sourceId);
      expect(script?.intent).toBe('搭配建议');
      expect(script?.tags ?? []).not.toContain('意向品类/服装');
    }
    const size = await assistant.suggest({ conversation: chat('顾客: 这件大衣有M码吗？我160cm 100斤'), guideId: 'guide.lin', customerId: 'wmCUST', now: 1 });
    const intentsOf = (id: string | undefined): string[] =>
      id?.startsWith('compose:') ? id.slice('compose:'.length).split(':')[0]?.split('+') ?? [] : [kb.scripts.find((s) => s.id === id)?.intent ?? kb.faqs.find((f) => f.id === id)?.topic ?? ''];
    for (const draft of size.drafts) for (const intent of intentsOf(draft.sourceId)) expect(['尺码咨询', '库存咨询']).toContain(intent);
  });
});

describe('recommendations respect who the customer is', () => {
  it('does not recommend men’s products to a woman', async () => {
    const kb = await loadKnowledge(DEMO_DIR);
    const library = buildAssistLibrary(await demoCorpTags(), kb);
    const profile = { customerId: 'c', gender: 2 as const, relationships: {}, facts: [], updatedAt: 0 };
    const recs = recommendProducts(kb, profile, chat('顾客: 想买双鞋子'), 5, { library, guideId: 'g', tags: ['意向品类/鞋履'] });
    expect(recs.length).toBe(5);
    for (const r of recs) expect(r.name).not.toMatch(/^男士/);
  });
});
