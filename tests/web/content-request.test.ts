import { describe, expect, it } from 'vitest';
import { buildContentRequest, COPY_KINDS, MAX_PRODUCTS, toggleProduct, type ProductChoice } from '../../web/sidebar/src/content-request.ts';

describe('buildContentRequest', () => {
  it('builds the body POST /api/content takes', () => {
    expect(buildContentRequest('moments', ['AP-1001'], '')).toEqual({ ok: true, request: { kind: 'moments', skus: ['AP-1001'] } });
    expect(buildContentRequest('live_script', ['AP-1001', 'AP-1002'], '  秋冬上新 ')).toEqual({
      ok: true,
      request: { kind: 'live_script', skus: ['AP-1001', 'AP-1002'], theme: '秋冬上新' },
    });
  });

  it('drops blank and repeated skus', () => {
    expect(buildContentRequest('video_script', ['AP-1001', ' ', 'AP-1001', 'AP-1003'], '')).toEqual({
      ok: true,
      request: { kind: 'video_script', skus: ['AP-1001', 'AP-1003'] },
    });
  });

  it('says what to fix: no product, too many products, a theme over 30 characters', () => {
    expect(buildContentRequest('moments', [], '')).toEqual({ ok: false, problem: '请至少选择一件商品。' });
    expect(buildContentRequest('moments', ['', ' '], '')).toEqual({ ok: false, problem: '请至少选择一件商品。' });
    const six = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
    expect(buildContentRequest('moments', six, '')).toEqual({ ok: false, problem: '最多选择 5 件商品。' });
    expect(buildContentRequest('moments', six.slice(0, 5), '').ok).toBe(true);
    expect(buildContentRequest('moments', ['A1'], '秋'.repeat(31))).toEqual({ ok: false, problem: '主题最多 30 个字。' });
    expect(buildContentRequest('moments', ['A1'], ` ${'秋'.repeat(30)} `).ok).toBe(true);
  });

  it('offers the three kinds the server writes, with their Chinese names', () => {
    expect(COPY_KINDS.map((k) => [k.kind, k.label])).toEqual([
      ['moments', '朋友圈'],
      ['video_script', '短视频脚本'],
      ['live_script', '直播话术'],
    ]);
  });
});

describe('toggleProduct', () => {
  const p = (sku: string): ProductChoice => ({ sku, name: `商品${sku}`, price: 100 });

  it('ticks and unticks by sku, keeping the order chosen', () => {
    let selected = toggleProduct([], p('A')).selected;
    selected = toggleProduct(selected, p('B')).selected;
    expect(selected.map((x) => x.sku)).toEqual(['A', 'B']);
    expect(toggleProduct(selected, { sku: 'A', name: 'other name' }).selected.map((x) => x.sku)).toEqual(['B']);
  });

  it('refuses a sixth product and says the list is full', () => {
    const five = ['A', 'B', 'C', 'D', 'E'].map(p);
    const result = toggleProduct(five, p('F'));
    expect(result.full).toBe(true);
    expect(result.selected.map((x) => x.sku)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(MAX_PRODUCTS).toBe(5);
    // Unticking still works when full.
    expect(toggleProduct(five, p('C'))).toEqual({ selected: ['A', 'B', 'D', 'E'].map(p), full: false });
  });
});
