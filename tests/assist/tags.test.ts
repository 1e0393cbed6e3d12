import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { buildAssistLibrary } from '../../src/assist/tags/build-assist-library.ts';
import { extractTags } from '../../src/assist/tags/extract-tags.ts';
import { buildTagLibrary } from '../../src/assist/tags/tag-library.ts';
import type { TagLibrary } from '../../src/assist/tags/tag-library.ts';
import { demoCorpTags, fixtureKnowledge } from './support.ts';

let kb: KnowledgeBase;
let library: TagLibrary;
beforeAll(async () => {
  kb = await fixtureKnowledge();
  library = buildAssistLibrary(await demoCorpTags(), kb);
});

const tagsOf = (...texts: string[]): string[] =>
  extractTags(library, texts.map((text, i) => ({ id: `m${i + 1}`, text }))).map((p) => p.tag).sort();

describe('extractTags on the demo library', () => {
  it.each([
    ['想买件羊毛大衣，预算500左右', '预算/500-1000'],
    ['一千以内的围巾有吗', '预算/500-1000'],
    ['300到500的面霜', '预算/200-500'],
    ['两千多的包有没有', '预算/1000-3000'],
    ['预算3000以上也可以', '预算/3000以上'],
    ['一百多的小礼物', '预算/200以下'],
  ])('maps "%s" to the budget band %s', (text, band) => {
    expect(tagsOf(text)).toContain(band);
  });

  it('reads sizes: letters with a cue, 号型 by height, and never a bare letter inside a word', () => {
    expect(tagsOf('我平时穿M码')).toContain('尺码/M');
    expect(tagsOf('XL有吗')).toContain('尺码/XL');
    expect(tagsOf('160/84A的穿哪个')).toContain('尺码/M');
    expect(tagsOf('这瓶香水50ml多少钱').filter((t) => t.startsWith('尺码/'))).toEqual([]);
    expect(tagsOf('送爸爸羊绒毛衣 他穿XXL').filter((t) => t.startsWith('尺码/'))).toEqual([]);
  });

  it('reads skin type, category and occasion', () => {
    expect(tagsOf('我是干皮，冬天脸很干')).toEqual(expect.arrayContaining(['肤质/干性', '意向品类/美妆']));
    expect(tagsOf('混油皮 T区出油')).toContain('肤质/混合性');
    expect(tagsOf('闺蜜下个月婚礼，想买条裙子当伴娘穿')).toEqual(expect.arrayContaining(['场合/婚礼', '意向品类/服装']));
    expect(tagsOf('想给我妈买条围巾当生日礼物')).toEqual(expect.arrayContaining(['场合/送礼', '场合/生日', '意向品类/配饰']));
  });

  it('follows the purchase stage as it moves on, one stage at a time', () => {
    const stages = (tags: string[]): string[] => tags.filter((t) => t.startsWith('购买阶段/'));
    expect(stages(tagsOf('先随便看看'))).toEqual(['购买阶段/浏览']);
    expect(stages(tagsOf('先随便看看', '这两件大衣哪个更保暖'))).toEqual(['购买阶段/比较']);
    expect(stages(tagsOf('先随便看看', '这两件大衣哪个更保暖', '就要这件了，帮我下单'))).toEqual(['购买阶段/准备购买']);
    expect(stages(tagsOf('上周买的大衣开线了，能换吗'))).toEqual(['购买阶段/售后']);
  });

  it('tells a complaint from a question about after-sale service', () => {
    expect(tagsOf('收到的靴子鞋跟掉了！！才穿一周 太失望了')).toEqual(expect.arrayContaining(['客户状态/投诉', '客户状态/负面情绪']));
    expect(tagsOf('羊绒毛衣起球正常吗？')).not.toContain('客户状态/投诉');
    expect(tagsOf('我腰比较细，腰带能打孔吗')).not.toContain('购买阶段/比较');
  });

  it('quotes the evidence verbatim from the message it came from', () => {
    const messages = [
      { id: 'a', text: '你好' },
      { id: 'b', text: '我是干皮，想找个面霜，预算五百左右' },
    ];
    const proposals = extractTags(library, messages);
    expect(proposals.length).toBeGreaterThan(2);
    for (const p of proposals) {
      const source = messages.find((m) => m.id === p.messageId);
      expect(source?.text).toContain(p.evidence);
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(library.byId.get(p.tagId)?.key).toBe(p.tag);
    }
    expect(proposals.find((p) => p.tag === '预算/500-1000')?.evidence).toContain('五百左右');
  });

  it('does not propose a tag the customer already has', () => {
    const id = library.byKey.get('肤质/干性')?.id ?? '';
    const proposals = extractTags(library, [{ id: 'm1', text: '我是干皮' }], { existingTagIds: new Set([id]) });
    expect(proposals.map((p) => p.tag)).not.toContain('肤质/干性');
  });

  it('lets single-choice groups yield at most one tag', () => {
    const proposals = extractTags(library, [{ id: 'm1', text: '预算300到500，其实一千多也行，我是干皮也有点敏感肌' }]);
    for (const group of library.groups.filter((g) => !g.multi)) {
      expect(proposals.filter((p) => p.tag.startsWith(`${group.name}/`)).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('a library that carries its own rules', () => {
  const reviews = buildTagLibrary({
    groups: [
      { id: 'c', name: '品类', multi: false, order: 2, tags: [{ id: 'book', name: '书籍', keywords: ['书', '作者'] }, { id: 'pc', name: '计算机', keywords: ['电脑', '笔记本'] }, { id: 'pad', name: '平板', keywords: ['平板电脑'] }] },
      { id: 'p', name: '评价', multi: false, order: 1, tags: [{ id: 'pos', name: '正面', extractor: 'positive-sentiment' }, { id: 'neg', name: '负面', extractor: 'negative-sentiment' }] },
    ],
  });
  const tags = (text: string): string[] => extractTags(reviews, [{ id: 'r', text }]).map((p) => p.tag).sort();

  it('prefers the longest keyword inside a single-choice group', () => {
    expect(tags('这台平板电脑很好用')).toContain('品类/平板');
    expect(tags('这台平板电脑很好用')).not.toContain('品类/计算机');
  });

  it('reads polarity with negation and contrast', () => {
    expect(tags('作者写得很好，推荐')).toEqual(['品类/书籍', '评价/正面']);
    expect(tags('电脑外观不错，但是用了三天就死机，太失望了')).toEqual(['品类/计算机', '评价/负面']);
    expect(tags('书的质量不太好')).toContain('评价/负面');
    expect(tags('笔记本没有任何问题，很满意')).toContain('评价/正面');
  });
});
