import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBm25Index, toQuery } from '../../src/assist/knowledge/bm25-index.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { searchKnowledge } from '../../src/assist/knowledge/search-knowledge.ts';
import { tokenize } from '../../src/assist/knowledge/segment.ts';
import { watchKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { isAppError } from '../../src/errors.ts';
import { fixtureKnowledge, makeKnowledgeDir } from './support.ts';
import type { TempKnowledge } from './support.ts';

let temp: TempKnowledge | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

describe('BM25 index', () => {
  it('ranks the document that matches rarer query terms first', () => {
    const docs = [tokenize('羊毛大衣 保暖 通勤'), tokenize('真丝连衣裙 约会'), tokenize('羊毛围巾 保暖 送礼')];
    const index = buildBm25Index(docs);
    const hits = index.search(toQuery(tokenize('羊毛大衣')), 3);
    expect(hits[0]?.doc).toBe(0);
    expect(hits.map((h) => h.doc)).not.toContain(1);
    expect(index.idf('约会')).toBeGreaterThan(index.idf('保暖'));
  });

  it('returns nothing for a query with no known term', () => {
    const index = buildBm25Index([tokenize('羊毛大衣')]);
    expect(index.search(toQuery(tokenize('火箭发动机')), 5)).toEqual([]);
  });
});

describe('loadKnowledge', () => {
  it('loads and indexes every file of a directory', async () => {
    const kb = await fixtureKnowledge();
    expect(kb.products).toHaveLength(8);
    expect(kb.faqs).toHaveLength(5);
    expect(kb.scripts.length).toBeGreaterThan(10);
    expect(kb.policy.discounts.map((d) => d.rate)).toContain(0.95);
    expect(Object.keys(kb.tagRules)).toContain('意向品类/美妆');
    expect(kb.productBySku.get('T-CREAM-1')?.price).toBe(358);
  });

  it('names every broken file in one error', async () => {
    temp = await makeKnowledgeDir();
    await writeFile(join(temp.dir, 'catalog.yaml'), 'products:\n  - sku: X\n    name: 没有价格\n    category: 服装\n');
    await writeFile(join(temp.dir, 'faq.yaml'), 'faqs: [ {id: a, topic: 退换货');
    const error = await loadKnowledge(temp.dir).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    if (!isAppError(error)) return;
    expect(error.code).toBe('knowledge_invalid');
    expect(error.message).toContain('catalog.yaml');
    expect(error.message).toContain('price');
    expect(error.message).toContain('faq.yaml');
    expect(error.hint).toContain('previous knowledge');
  });

  it('rejects a tag rule with an invalid regular expression', async () => {
    temp = await makeKnowledgeDir();
    await writeFile(join(temp.dir, 'tag-rules.yaml'), 'rules:\n  意向品类/服装:\n    regexes: ["(unclosed"]\n');
    await expect(loadKnowledge(temp.dir)).rejects.toThrow(/regular expression/);
  });
});

describe('searchKnowledge', () => {
  it('finds products, FAQ answers and scripts by meaning words', async () => {
    const kb = await fixtureKnowledge();
    const hits = searchKnowledge(kb, '羊毛大衣', 5);
    expect(hits[0]?.kind).toBe('product');
    expect(hits.filter((h) => h.kind === 'product').map((h) => h.id)).toEqual(expect.arrayContaining(['T-COAT-1', 'T-COAT-2']));
    expect(hits.find((h) => h.id === 'T-COAT-1')?.price).toBe(1299);
    const faq = searchKnowledge(kb, '多少钱包邮', 3);
    expect(faq.map((h) => h.id)).toContain('f-ship');
    expect(searchKnowledge(kb, '', 3)).toEqual([]);
  });
});

describe('watchKnowledge', () => {
  it('swaps in an edited knowledge base and keeps the last good one when a file breaks', async () => {
    temp = await makeKnowledgeDir();
    const reloaded: KnowledgeBase[] = [];
    const errors: unknown[] = [];
    let notify: (() => void) | undefined;
    const next = (): Promise<void> => new Promise((resolve) => (notify = resolve));
    const watcher = await watchKnowledge(
      temp.dir,
      (kb) => {
        reloaded.push(kb);
        notify?.();
      },
      { debounceMs: 20, onError: (e) => { errors.push(e); notify?.(); } },
    );
    try {
      const first = watcher.current();
      expect(first.faqs).toHaveLength(5);

      let changed = next();
      await writeFile(join(temp.dir, 'faq.yaml'), 'faqs:\n  - {id: only, topic: 门店, question: 在哪里？, answer: 在商场二楼。}\n');
      await changed;
      expect(watcher.current().faqs.map((f) => f.id)).toEqual(['only']);
      expect(reloaded.at(-1)).toBe(watcher.current());

      const good = watcher.current();
      changed = next();
      await writeFile(join(temp.dir, 'faq.yaml'), 'faqs: [ {id: broken');
      await changed;
      expect(errors.length).toBeGreaterThan(0);
      expect(watcher.current()).toBe(good);
    } finally {
      watcher.close();
    }
  });

  it('reloads on demand without a file event', async () => {
    temp = await makeKnowledgeDir();
    const watcher = await watchKnowledge(temp.dir, () => undefined, { debounceMs: 10_000 });
    try {
      const before = watcher.current();
      await writeFile(join(temp.dir, 'scripts.yaml'), 'scripts:\n  - {id: one, intent: 问候, text: 您好}\n');
      await watcher.reload();
      expect(watcher.current()).not.toBe(before);
      expect(watcher.current().scripts.map((s) => s.id)).toEqual(['one']);
    } finally {
      watcher.close();
    }
  });
});
