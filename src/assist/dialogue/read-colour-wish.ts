/**
 * What the customer says about colour besides naming one: colours turned down ("别黑色了", "不要黑的",
 * "黑的我已经有一个了", "驼色太老气了", "家里好几条黑的") and the depth wanted ("浅色点", "深一点的").
 * A colour turned down is no colour wanted; the drafts name the ones left instead.
 */
import type { ColourWish } from './dialogue-state.ts';

interface Reading<T> {
  value: T;
  quote: string;
}

/** Colour words by depth: what "深一点的" and "浅色点" pick among a product's colours. */
export const DEEP_COLOUR = /黑|藏青|藏蓝|酒红|深|炭|墨绿|咖啡|棕|砖红|枫叶红|焦糖/u;
export const LIGHT_COLOUR = /白|米|浅|奶|燕麦|杏|粉|雾|裸|灰|卡其|驼|香槟/u;

/** "要深一点的颜色", "浅色点", "颜色亮一些的". */
export const DEEPER = /深一?(?:点|些)|深色|颜色深|重一?(?:点|些)的颜色|颜色重|暗一?(?:点|些)|耐脏/u;
export const LIGHTER = /浅一?(?:点|些)|浅色|颜色浅|淡一?(?:点|些)|亮一?(?:点|些)的颜色|颜色亮/u;

/** "换个颜色", "别的颜色吧": another of the product's colours. */
const ANOTHER = /换(?:个|种|一个|一种)?(?:颜色|色)|别的(?:颜色|色)|其他(?:颜色|色)|其它(?:颜色|色)/u;

const SHORT: Record<string, string> = { 黑: '黑色', 白: '白色', 灰: '灰色', 红: '红色', 粉: '粉色', 蓝: '蓝色', 绿: '绿色', 驼: '驼色', 米: '米色', 棕: '棕色', 紫: '紫色', 黄: '黄色', 咖: '咖啡色' };

/** Turned down: said before it ("别", "不要", "除了") … */
const DOWN_BEFORE = /(?:别|不要|不想要|不喜欢|不爱|讨厌|不考虑|除了|莫要|不用|不买|不穿|不戴)(?:再)?(?:要|买|穿|拿)?(?:那个|这个|那种)?$/u;
/** … or after it ("的我已经有一个了", "太老气了", "的就算了"). */
const DOWN_AFTER = /^(?:色|的)?(?:满大街都是|烂大街|满街都是|到处都是|太普通|太常见|看腻了|穿腻了)|^(?:色|的)?(?:我|家里|她|他)?(?:已经|都)?(?:有(?:一|两|好几|几)?(?:个|件|条|双|只|款)?了|有好几|好几|太多了)|^(?:色|的)?(?:都|也)?(?:太|有点|有些|偏)(?:老气|暗|闷|沉闷|沉|艳|土|显老|显黑|扎眼|素|花)|^(?:色|的)?(?:不要|不喜欢|算了|就算了|不行|不好看|不考虑|穿腻)/u;

/** Every colour mentioned, where it is and how long its mention is ("黑的" as 黑色). */
function mentions(named: readonly string[], text: string): { colour: string; at: number; end: number }[] {
  const found = named.map((colour) => {
    const base = colour.replace(/色$/u, '');
    const at = text.indexOf(base.length >= 2 ? base : colour);
    return { colour, at, end: at + (base.length >= 2 ? base.length : colour.length) };
  });
  for (const m of text.matchAll(/(黑|白|灰|红|粉|蓝|绿|驼|米|棕|紫|黄|咖)(?=的|色)/gu)) {
    const colour = SHORT[m[1] ?? ''];
    if (colour && !found.some((f) => m.index >= f.at && m.index < f.end)) found.push({ colour, at: m.index, end: m.index + 1 });
  }
  return found.filter((f) => f.at >= 0).sort((a, b) => a.at - b.at);
}

/** `named`: the colours the text names, as the colour reader found them. */
export function readColourWish(text: string, named: readonly string[]): Reading<ColourWish> | undefined {
  const avoid: string[] = [];
  const quotes: string[] = [];
  const found = mentions(named, text);
  for (const [i, { colour, at, end }] of found.entries()) {
    // "黑色藏青都太沉闷了", "黑色、灰色的不要": colours listed together share what is said of them.
    let first = i;
    while (first > 0 && /^[、和跟与/\s]?$/u.test(text.slice(found[first - 1]?.end ?? 0, found[first]?.at ?? 0))) first--;
    let last = i;
    while (last < found.length - 1 && /^[、和跟与/\s]?$/u.test(text.slice(found[last]?.end ?? 0, found[last + 1]?.at ?? 0))) last++;
    const before = text.slice(Math.max(0, (found[first]?.at ?? at) - 6), found[first]?.at ?? at);
    const after = text.slice(found[last]?.end ?? end, (found[last]?.end ?? end) + 10);
    const down = DOWN_BEFORE.exec(before) ?? DOWN_AFTER.exec(after);
    if (!down || avoid.includes(colour)) continue;
    avoid.push(colour);
    const run = text.slice(found[first]?.at ?? at, found[last]?.end ?? end);
    const said = before.endsWith(down[0]) ? `${down[0]}${run}` : `${run}${down[0]}`;
    if (!quotes.includes(said)) quotes.push(said);
  }
  const depth = DEEPER.exec(text) ? 'deep' : LIGHTER.exec(text) ? 'light' : undefined;
  const another = ANOTHER.exec(text);
  if (avoid.length === 0 && !depth && !another) return undefined;
  const quote = [...quotes, another?.[0], (DEEPER.exec(text) ?? LIGHTER.exec(text))?.[0]].filter(Boolean).join(' ');
  return { value: { avoid, ...(depth ? { depth } : {}), another: another !== null }, quote };
}

/** A product's colours that meet the wish: none turned down, of the depth asked when it has any. */
export function coloursWished(colours: readonly string[], wish: ColourWish): string[] {
  const left = colours.filter((c) => !wish.avoid.some((a) => c.startsWith(a.replace(/色$/u, ''))));
  if (!wish.depth) return left;
  const deep = (c: string): boolean => DEEP_COLOUR.test(c) && !/浅/u.test(c);
  const ofDepth = left.filter((c) => (wish.depth === 'deep' ? deep(c) : LIGHT_COLOUR.test(c) && !deep(c)));
  return ofDepth;
}
