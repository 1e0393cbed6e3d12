/**
 * The dialogue dev set and the holdouts are well formed and tell the truth about the catalog: every line
 * parses, ids are unique, the last line is the customer's, and a product expectation has a fitting
 * catalog product exactly when the line does not say nothing fits. (No engine runs here.)
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { DEMO_DIR, ROOT } from '../assist/support.ts';
import { dialogueLineSchema } from './dialogue-line.ts';
import type { DialogueLine } from './dialogue-line.ts';
import { readJsonl } from './jsonl.ts';
import { fittingProducts } from './product-fit.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
});

async function readSet(name: string): Promise<DialogueLine[]> {
  return (await readJsonl(join(ROOT, 'tests/eval', name))).map((raw) => dialogueLineSchema.parse(raw));
}

describe.each([
  ['dev.dialogue.jsonl', 130],
  ['holdout.dialogue.jsonl', 50],
  ['holdout2.dialogue.jsonl', 80],
  ['dev3.dialogue.jsonl', 120],
  ['holdout3.dialogue.jsonl', 60],
  ['dev4.dialogue.jsonl', 60],
  ['dev5.dialogue.jsonl', 120],
  ['holdout4.dialogue.jsonl', 100],
  ['dev6.dialogue.jsonl', 120],
  ['holdout5.dialogue.jsonl', 100],
  ['dev7.dialogue.jsonl', 120],
  ['holdout6.dialogue.jsonl', 100],
  ['dev8.dialogue.jsonl', 120],
  ['holdout7.dialogue.jsonl', 100],
  ['dev9.dialogue.jsonl', 120],
  ['holdout8.dialogue.jsonl', 80],
  ['dev10.dialogue.jsonl', 120],
  ['holdout9.dialogue.jsonl', 80],
  ['dev11.dialogue.jsonl', 120],
  ['holdout10.dialogue.jsonl', 80],
  ['dev12.dialogue.jsonl', 120],
  ['dev13.dialogue.jsonl', 100],
  ['holdout11.dialogue.jsonl', 80],
  ['dev14.dialogue.jsonl', 120],
  ['dev15.dialogue.jsonl', 120],
  ['holdout12.dialogue.jsonl', 80],
  ['dev16.dialogue.jsonl', 120],
  ['dev17.dialogue.jsonl', 120],
  ['holdout13.dialogue.jsonl', 80],
  ['holdout14.dialogue.jsonl', 80],
  ['holdout15.dialogue.jsonl', 80],
  ['holdout16.dialogue.jsonl', 80],
  ['holdout17.dialogue.jsonl', 80],
  ['holdout18.dialogue.jsonl', 80],
  ['dev18.dialogue.jsonl', 120],
  ['dev19.dialogue.jsonl', 120],
  ['dev20.dialogue.jsonl', 120],
  ['dev21.dialogue.jsonl', 120],
  ['dev22.dialogue.jsonl', 120],
  ['dev23.dialogue.jsonl', 120],
  ['dev24.dialogue.jsonl', 120],
  ['holdout19.dialogue.jsonl', 80],
  ['dev25.dialogue.jsonl', 120],
  ['holdout20.dialogue.jsonl', 80],
  ['dev26.dialogue.jsonl', 120],
  ['dev27.dialogue.jsonl', 120],
  ['holdout21.dialogue.jsonl', 80],
  ['holdout22.dialogue.jsonl', 80],
  ['holdout23.dialogue.jsonl', 80],
  ['dev28.dialogue.jsonl', 100],
  ['dev29.dialogue.jsonl', 100],
  ['holdout24.dialogue.jsonl', 80],
  ['holdout25.dialogue.jsonl', 80],
  ['dev30.dialogue.jsonl', 100],
  ['holdout26.dialogue.jsonl', 80],
  ['holdout27.dialogue.jsonl', 80],
  ['dev31.dialogue.jsonl', 100],
  ['holdout28.dialogue.jsonl', 80],
  ['holdout29.dialogue.jsonl', 80],
  ['holdout30.dialogue.jsonl', 80],
  ['dev32.dialogue.jsonl', 100],
  ['dev33.dialogue.jsonl', 100],
  ['dev34.dialogue.jsonl', 100],
  ['holdout31.dialogue.jsonl', 80],
  ['dev35.dialogue.jsonl', 100],
])('%s', (name, least) => {
  it(`has at least ${least} conversations of 1–8 turns ending with the customer`, async () => {
    const lines = await readSet(name);
    expect(lines.length).toBeGreaterThanOrEqual(least);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    for (const line of lines) {
      expect(line.id, JSON.stringify(line.context)).toBeDefined();
      expect(line.expect, line.id).toBeDefined();
      expect(line.context.length, line.id).toBeLessThanOrEqual(8);
      expect(line.context.at(-1), line.id).toMatch(/^顾客[:：]/u);
    }
  });

  it('expects a fitting product only where the catalog has one, and says so where it has none', async () => {
    for (const line of await readSet(name)) {
      const want = line.expect?.product;
      if (!want) continue;
      const fits = fittingProducts(kb, want).map((p) => p.sku);
      expect(fits.length > 0, `${line.id}: a fitting product exists exactly when nothingFits is not set`).toBe(line.expect?.nothingFits !== true);
    }
  });

  it('names only catalog skus as purchases', async () => {
    for (const line of await readSet(name)) for (const sku of line.customer?.purchases ?? []) expect(kb.productBySku.has(sku), `${line.id} ${sku}`).toBe(true);
  });
});
