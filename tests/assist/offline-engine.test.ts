import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { findAmounts } from '../../src/assist/guardrails/check-prices.ts';
import { suggestionSchema } from '../../src/assist/suggestion-schema.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import type { CustomerProfile } from '../../src/conversation/model.ts';
import { chat, demoCorpTags, fixtureKnowledge } from './support.ts';

let kb: KnowledgeBase;
let corp: CorpTagLibrary;
let assistant: Assistant;
const profile: CustomerProfile = { customerId: 'wmCUST', name: '张女士', gender: 2, relationships: {}, facts: [], updatedAt: 0 };

beforeAll(async () => {
  kb = await fixtureKnowledge();
  corp = await demoCorpTags();
  assistant = createAssistant({
    knowledge: staticKnowledge(kb),
    corpTags: () => corp,
    directory: { guideName: () => '林晓', storeName: () => '静安嘉里店' },
  });
});

const suggest = (lines: string[], instruction?: string, p: CustomerProfile | null = profile): Promise<Suggestion> =>
  assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: 1_700_000_000_000, ...(p ? { profile: p } : {}), ...(instruction ? { instruction } : {}) });

const catalogPrices = (): Set<number> => new Set(kb.products.map((p) => p.price));

describe('offline engine', () => {
  it('answers a greeting with filled greeting scripts', async () => {
    const s = await suggest(['顾客: 在吗']);
    expect(s.engine).toBe('offline');
    expect(s.drafts.length).toBeGreaterThan(0);
    expect(s.drafts.length).toBeLessThanOrEqual(3);
    expect(s.drafts[0]?.sourceId).toBe('compose:问候');
    expect(s.drafts.map((d) => d.text).join()).toContain('林晓');
    expect(s.drafts[0]?.text).toMatch(/^在的，张女士您好/u);
  });

  it('quotes prices only from the catalog and never leaves a placeholder', async () => {
    const s = await suggest(['顾客: 双面羊毛呢大衣多少钱？']);
    const texts = s.drafts.map((d) => d.text);
    expect(texts.some((t) => t.includes('1299'))).toBe(true);
    for (const draft of s.drafts) {
      expect(draft.text).not.toMatch(/\{[a-z_:A-Z-]+\}/u);
      for (const amount of findAmounts(draft.text)) {
        expect(catalogPrices().has(amount.value) || kb.policy.amounts.includes(amount.value) || [1000, 100].includes(amount.value)).toBe(true);
      }
    }
    const priced = s.drafts.find((d) => d.text.includes('1299'));
    expect(priced?.skus).toContain('T-COAT-1');
    expect(priced?.needsApproval).toBe(false);
  });

  it('skips scripts that need a product when none is in focus', async () => {
    const s = await suggest(['顾客: 多少钱啊']);
    for (const draft of s.drafts) {
      const script = draft.sourceId ? kb.scriptById.get(draft.sourceId) : undefined;
      expect(script?.text ?? '').not.toContain('{price}');
    }
  });

  it('drops the customer name cleanly when the profile has none', async () => {
    const s = await suggest(['顾客: 你好'], undefined, null);
    expect(s.drafts.map((d) => d.text)).toContain('您好，我是静安嘉里店的林晓，有什么可以帮您的吗？');
    for (const d of s.drafts) expect(d.text).not.toMatch(/^[，,]/u);
  });

  it('answers a complaint with an apology and says how to act next', async () => {
    const s = await suggest(['顾客: 收到的大衣开线了！！才穿一次 太失望了']);
    expect(s.tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['客户状态/投诉', '购买阶段/售后']));
    expect(s.drafts.map((d) => d.sourceId)).toContain('s-complaint-1');
    expect(s.nextAction).toContain('致歉');
    expect(s.summary).toContain('太失望');
  });

  it('answers the unanswered messages and reports their ids', async () => {
    const s = await suggest(['顾客: 你好', '导购: 您好～', '顾客: 我是干皮', '顾客: 想买个面霜 预算三四百']);
    expect(s.answeredMessageIds).toEqual(['m3', 'm4']);
    expect(s.tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['肤质/干性', '预算/200-500', '意向品类/美妆']));
    expect(s.drafts.some((d) => d.text.includes('沁润滋养面霜'))).toBe(true);
  });

  it('is deterministic', async () => {
    const a = await suggest(['顾客: 想给长辈买条围巾 一千以内']);
    const b = await suggest(['顾客: 想给长辈买条围巾 一千以内']);
    expect({ ...a, latencyMs: 0 }).toEqual({ ...b, latencyMs: 0 });
  });

  it('reshapes drafts on a regenerate instruction', async () => {
    const lines = ['顾客: 双面羊毛呢大衣多少钱？'];
    const plain = await suggest(lines);
    const short = await suggest(lines, '更简短');
    const longest = (s: Suggestion): number => Math.max(...s.drafts.map((d) => d.text.length));
    expect(longest(short)).toBeLessThanOrEqual(longest(plain));
    // 更简短 transforms: every draft is at most 60 % of the draft it was made from.
    short.drafts.forEach((d, i) => expect(d.text.length).toBeLessThanOrEqual(Math.ceil((plain.drafts[i]?.text.length ?? 0) * 0.6)));
    const warm = await suggest(lines, '更热情');
    expect(warm.drafts.every((d) => d.text.includes('～'))).toBe(true);
    const same = await suggest(lines, '推荐同价位');
    const first = same.drafts[0];
    expect(first?.sourceId).toBe('catalog:same-price');
    expect(first?.text).toContain('千鸟格羊毛大衣（¥1199');
    expect(first?.flags).toEqual([]);
  });

  it('returns a suggestion that passes the schema and uses only library tags', async () => {
    const s = await suggest(['顾客: 想买件M码的大衣 通勤穿 两千左右', '顾客: 黑色的有吗']);
    expect(suggestionSchema.safeParse(s).success).toBe(true);
    const ids = new Set(corp.groups.flatMap((g) => g.tags.map((t) => t.id)));
    for (const tag of s.tags) expect(ids.has(tag.tagId)).toBe(true);
  });
});
