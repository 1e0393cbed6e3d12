import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import { checkScript } from '../../src/assist/guardrails/check-script.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge, LEARNED_SCRIPTS_FILE } from '../../src/assist/knowledge/load-knowledge.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import { scopeKnowledge, type StoreScope } from '../../src/assist/knowledge/scope-knowledge.ts';
import { searchKnowledge } from '../../src/assist/knowledge/search-knowledge.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { chat, demoCorpTags, makeKnowledgeDir, type TempKnowledge } from './support.ts';

const RISKY = '这件大衣今天只要99元，全额退款随时可以';
const SCOPED = '静安店专属：周三会员日到店试穿送精美小样';

let temp: TempKnowledge;
let kb: KnowledgeBase;
let corp: CorpTagLibrary;

beforeAll(async () => {
  temp = await makeKnowledgeDir();
  // The file says `learned: false`: the loader marks everything in it learned all the same.
  await writeFile(
    join(temp.dir, LEARNED_SCRIPTS_FILE),
    ['scripts:', `  - { id: learned-risky, intent: 优惠活动, text: "${RISKY}", learned: false }`, `  - { id: learned-jingan, intent: 优惠活动, text: "${SCOPED}", stores: [sh-jingan] }`, ''].join('\n'),
  );
  kb = await loadKnowledge(temp.dir);
  corp = await demoCorpTags();
});

afterAll(() => temp.cleanup());

function suggestFor(base: KnowledgeBase, scope: StoreScope | undefined, text: string): Promise<Suggestion> {
  const assistant = createAssistant({
    knowledge: staticKnowledge(base),
    corpTags: () => corp,
    directory: { guideName: () => '林晓', storeName: () => '静安嘉里店' },
    ...(scope ? { storesOf: () => scope } : {}),
  });
  return assistant.suggest({ conversation: chat(`顾客: ${text}`), guideId: 'guide.any', customerId: 'wmCUST', now: 1_700_000_000_000 });
}

describe('learned scripts', () => {
  it('are marked learned by the loader, curated ones are not', () => {
    expect(kb.scriptById.get('learned-risky')?.learned).toBe(true);
    expect(kb.scriptById.get('learned-jingan')).toMatchObject({ learned: true, stores: ['sh-jingan'] });
    expect(kb.scriptById.get('s-promo-1')?.learned).toBeUndefined();
  });

  it('are checked again as drafts: a promoted price and refund promise is flagged and held', async () => {
    const s = await suggestFor(kb, ['sh-jingan'], '有什么优惠活动吗');
    const draft = s.drafts.find((d) => d.sourceId === 'learned-risky');
    expect(draft?.text).toBe(RISKY);
    expect(draft?.flags.map((f) => `${f.rule}:${f.severity}`)).toEqual(expect.arrayContaining(['price:block', 'promise:block']));
    expect(draft?.needsApproval).toBe(true);
  });

  it('the same words as curated library text stay the store’s policy (approvedText exempts them)', async () => {
    const curated = await makeKnowledgeDir();
    try {
      await appendFile(join(curated.dir, 'scripts.yaml'), `  - { id: s-curated-risky, intent: 优惠活动, text: "${RISKY}" }\n`);
      const s = await suggestFor(await loadKnowledge(curated.dir), undefined, '有什么优惠活动吗');
      const draft = s.drafts.find((d) => d.sourceId === 's-curated-risky');
      expect(draft?.text).toBe(RISKY);
      expect(draft?.flags).toEqual([]);
    } finally {
      await curated.cleanup();
    }
  });
});

describe('store scope', () => {
  it('a store-scoped script reaches drafts of its own store only', async () => {
    const own = await suggestFor(kb, ['sh-jingan'], '有什么优惠活动吗');
    const other = await suggestFor(kb, ['hz-hubin'], '有什么优惠活动吗');
    const unscoped = await suggestFor(kb, undefined, '有什么优惠活动吗');
    const ids = (s: Suggestion): Array<string | undefined> => s.drafts.map((d) => d.sourceId);
    expect(ids(own)).toContain('learned-jingan');
    expect(ids(other)).not.toContain('learned-jingan');
    expect(ids(unscoped)).not.toContain('learned-jingan');
    // Company-wide scripts reach every store.
    expect(ids(other)).toContain('learned-risky');
  });

  it('search shows it to its store and to admins, never to another store', () => {
    const found = (scope: StoreScope): string[] => searchKnowledge(scopeKnowledge(kb, scope), '周三 会员日 小样', 10).map((h) => h.id);
    expect(found(['sh-jingan'])).toContain('learned-jingan');
    expect(found(['sh-jingan', 'hz-hubin'])).toContain('learned-jingan');
    expect(found('all')).toContain('learned-jingan');
    expect(found(['hz-hubin'])).not.toContain('learned-jingan');
    expect(found([])).not.toContain('learned-jingan');
    expect(scopeKnowledge(kb, ['hz-hubin']).scriptById.has('learned-jingan')).toBe(false);
    expect(scopeKnowledge(kb, ['hz-hubin'])).toBe(scopeKnowledge(kb, ['hz-hubin']));
  });
});

describe('checkScript (promotion)', () => {
  it('refuses a block-level flag, with the flags', () => {
    const check = checkScript(kb, RISKY);
    expect(check.refused).toBe(true);
    expect(check.flags.map((f) => f.rule)).toEqual(expect.arrayContaining(['price', 'promise']));
  });

  it('lets through the placeholders drafts fill, and warns without refusing', () => {
    expect(checkScript(kb, '{customer_name}您好，{product_name}是{price}元，欢迎来{store_name}找{guide_name}试穿')).toEqual({ flags: [], refused: false });
    const warned = checkScript(kb, '这款大衣是店里最受欢迎的');
    expect(warned.refused).toBe(false);
    expect(warned.flags.map((f) => f.severity)).toEqual(['warn']);
  });

  it('refuses a placeholder no draft can fill', () => {
    const check = checkScript(kb, '您好，{coupon_code}可以在结账时使用');
    expect(check).toMatchObject({ refused: true, flags: [{ rule: 'unfilled_placeholder', text: '{coupon_code}' }] });
  });
});
