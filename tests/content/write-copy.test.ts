import { describe, expect, it } from 'vitest';
import { COPY_KINDS } from '../../src/assist/content/copy-kinds.ts';
import { writeCopy } from '../../src/assist/content/write-copy.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';

const kb = await loadKnowledge('config/demo');
const [first, second] = kb.products;

describe('writeCopy', () => {
  it.each(COPY_KINDS)('writes %s from catalog facts, with catalog prices and no flags', (kind) => {
    const copy = writeCopy(kb, { kind, skus: [first!.sku, second!.sku], storeName: '上海静安嘉里店', guideName: '林晓' });
    expect(copy.text).toContain(first!.name);
    expect(copy.text).toContain(`¥${first!.price}`);
    expect(copy.skus).toEqual([first!.sku, second!.sku]);
    expect(copy.flags).toEqual([]);
    expect(copy.needsApproval).toBe(false);
  });

  it('runs the guide’s own theme through the guardrails', () => {
    const copy = writeCopy(kb, { kind: 'moments', skus: [first!.sku], theme: '全网最低价 打5折' });
    expect(copy.flags.length).toBeGreaterThan(0);
    expect(copy.needsApproval).toBe(true);
  });

  it('skips unknown skus and writes nothing without a product', () => {
    expect(writeCopy(kb, { kind: 'moments', skus: ['NOPE'] })).toMatchObject({ text: '', skus: [] });
    expect(writeCopy(kb, { kind: 'live_script', skus: ['NOPE', first!.sku] }).skus).toEqual([first!.sku]);
  });
});
