/**
 * What one customer message says about their needs: kind of product, budget, size or body, colour,
 * skin type, occasion and recipient. Each reading keeps the words it came from. Pure and small on
 * purpose: buildDialogueState runs it over every customer message and lets the newest reading win.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import { extractAmounts } from '../tags/extract-budget.ts';
import { extractSizes } from '../tags/extract-size.ts';
import { parseChineseNumeral } from '../tags/parse-amount.ts';
import { readMadeOf, readUnwanted } from './read-made-of.ts';
import { readSkinType } from './read-skin.ts';
import { readBody } from './read-body.ts';
import type { Body } from './read-body.ts';
import type { Budget, CategoryNeed, ColourWish, Recipient } from './dialogue-state.ts';
import { readColourWish } from './read-colour-wish.ts';
import { readSkinTone } from './read-skin-tone.ts';
import type { SkinTone } from './read-skin-tone.ts';
import { readChild, readRecipient } from './read-recipient.ts';
import { readCategory } from './read-category.ts';
import { FAULT_WORRY } from './complaint-words.ts';
import { ownsKind, withoutOwnColour, withoutOwnToMatch } from './read-owned.ts';

export interface Reading<T> {
  value: T;
  quote: string;
}

export interface Needs {
  category?: Reading<CategoryNeed>;
  /** "上班穿西裤", "配我那件黑大衣": the kind read is theirs, told as context; it does not replace a kind wanted. */
  categoryOwned?: Reading<true>;
  budget?: Reading<Budget>;
  size?: Reading<string>;
  body?: Reading<Body>;
  colour?: Reading<string>;
  skinType?: Reading<string>;
  occasion?: Reading<string>;
  recipient?: Reading<Recipient>;
  gender?: Reading<'female' | 'male'>;
  material?: Reading<string>;
  /** "不一定要真丝": the material said before no longer binds. */
  anyMaterial?: Reading<true>;
  child?: Reading<true>;
  /** "当时刻了字母的": the piece was engraved or embossed for them. */
  personalised?: Reading<true>;
  /** "我比较白", "偏黄": how light or deep the skin is, for a shade. */
  skinTone?: Reading<SkinTone>;
  /** "有大一码的吗": one size up (+1) or down (−1) from the size in play. */
  sizeStep?: Reading<1 | -1>;
  /** "有没有更便宜的": below the price of the product in focus. */
  cheaper?: Reading<true>;
  /** "有没有高级点的": a better one than the one in view, above its price. */
  dearer?: Reading<true>;
  /** "太长了 整个短点的呗": another of the kind in focus, with this quality (短, 薄, 宽松 …). */
  variant?: Reading<string>;
  /** "他不喜欢那种自动扣的": a feature the customer does not want, matched on product names. */
  avoid?: Reading<string>;
  /** "别黑色了 浅色点": colours turned down and the depth wanted. */
  colourWish?: Reading<ColourWish>;
}

const BUDGET_CUE = /预算|价位|以内|之内|以下|左右|上下|不超过|别超过|不要超过|不能超过|顶多|最多|控制在|封顶|出头|以上|凑了|凑个|凑的|加起来|合起来|想花|能花|花个/u;
/** "水乳加起来三四百", "我们几个凑了两百": what the whole may cost, so each piece stays under it. */
const TOTAL = /凑了|凑个|凑的|一共|总共|加起来|合起来/u;

export function readBudget(text: string): Reading<Budget> | undefined {
  // "某宝上便宜三百多": a difference in price, not what they mean to spend.
  const amounts = extractAmounts(text).filter((a) => (a.strength >= 1 || BUDGET_CUE.test(text)) && !/(?:便宜|贵了|差了|省了|降了)$/u.test(text.slice(0, a.span.start)));
  const last = amounts[amounts.length - 1];
  // "几十块的": under a hundred.
  if (!last) return /几十(?:块|元|来块)/u.test(text) ? { value: { kind: 'max', lo: 0, hi: 100 }, quote: '几十块' } : undefined;
  const quote = text.slice(last.span.start, last.span.end);
  let kind: Budget['kind'];
  if (/以上|起/u.test(quote)) kind = 'min';
  // "预算能到一千二", "最多两千": the amount is the ceiling.
  else if (/以内|之内|以里|以下|内|不超过|不要超过|不能超过|别超过|最多|控制在|封顶|能到|可以到|顶多|放宽到|加到|提到/u.test(quote) || /(?:能到|可以到|最多到|顶多|最多|放宽到|加到|提到|不超过|别超过|不要超过|不能超过)\s*$/u.test(text.slice(0, last.span.start)) || /^\s*(?:以内|以下|之内|以里)/u.test(text.slice(last.span.end))) kind = 'max';
  else if (TOTAL.test(text)) kind = 'max';
  else kind = last.lo === last.hi ? 'around' : 'range';
  const lo = kind === 'max' ? 0 : last.lo;
  const hi = kind === 'min' ? Number.POSITIVE_INFINITY : last.hi;
  return { value: { kind, lo, hi }, quote };
}

export function readSizeAndBody(text: string, male: boolean): Pick<Needs, 'size' | 'body' | 'sizeStep'> {
  const out: Pick<Needs, 'size' | 'body' | 'sizeStep'> = {};
  const sizes = extractSizes(text, { male }).filter((s) => s.kind === 'letter' || s.kind === 'shoe');
  // "燕麦色XL有伐 我穿L有点紧": the size asked for, not the one that no longer fits.
  const asked = sizes.find((s) => /^\s*(?:码)?(?:的)?\s*(?:有吗|有没有|有伐|有不|有么|还有吗|吗|么|嘛)/u.test(text.slice(s.span.end)) || /(?:有没有|有冇|有无)\s*$/u.test(text.slice(0, s.span.start)));
  // "原来是M，这次要L", "我平时穿XL都有点紧": the size they are leaving behind is not the one wanted.
  const leaving = (s: (typeof sizes)[number]): boolean => /(?:原来|之前|以前|本来)(?:是|穿|都穿|买的是?)?\s*$/u.test(text.slice(0, s.span.start)) || /^\s*(?:码)?(?:的)?\s*(?:都|也|穿着)?(?:有点|有些|太|偏)?(?:紧|小了|勒)/u.test(text.slice(s.span.end));
  const wanted = sizes.filter((s) => !leaving(s));
  const size = asked ?? (wanted.length > 0 && wanted.length < sizes.length ? wanted.at(-1) : sizes.at(-1));
  if (size) out.size = { value: size.letter ?? size.value, quote: text.slice(size.span.start, size.span.end) };
  if (/均码/u.test(text)) out.size = { value: '均码', quote: '均码' };
  // "我肉肉的 有大码没": a plus size, the largest letter size (大码 alone is L, as 中码 is M).
  if (!out.size && /大码|大号(?!的?包)/u.test(text) && /肉|胖|壮|丰满|块头|大只/u.test(text)) out.size = { value: 'XL', quote: '大码' };
  // "S 他比较瘦": a bare letter size answering "穿什么码".
  const bare = /^\s*(?:穿)?\s*(XXL|XL|XS|S|M|L)(?![A-Za-z])/u.exec(text) ?? /(?<=[\s\u4e00-\u9fff，,])(XXL|XL|XS|S|M|L)(?=$|[\s\u4e00-\u9fff，,。！!？?])/u.exec(text);
  if (!out.size && bare) out.size = { value: bare[1] ?? '', quote: bare[0].trim() };
  // "中码" / "加大码": letter sizes said in words.
  const worded = /(加大|特大|大|中|细|小)码/u.exec(text);
  if (!out.size && worded && !/大一码|小一码/u.test(text)) out.size = { value: ({ 加大: 'XL', 特大: 'XXL', 大: 'L', 中: 'M', 细: 'S', 小: 'S' } as Record<string, string>)[worded[1] ?? ''] ?? 'M', quote: worded[0] };
  const shoe = /(?<!\d)(3[4-9]|4[0-6])(?:\.5)?\s*码/u.exec(text);
  if (!out.size && shoe) out.size = { value: shoe[1] ?? '', quote: shoe[0] };
  const spelled = /(三十[四五六七八九]|四十[一二三四五六]?)\s*码/u.exec(text);
  if (!out.size && spelled) out.size = { value: String(parseChineseNumeral(spelled[1] ?? '') ?? ''), quote: spelled[0] };
  const english = /size\s*(xxl|xl|xs|s|m|l)\b/iu.exec(text);
  if (!out.size && english) out.size = { value: (english[1] ?? '').toUpperCase(), quote: english[0] };
  // "我脚长二十四公分": a shoe size from the foot's length (码 = 2 × cm − 10).
  const foot = /脚(?:长|底长|的长度|掌长)?[^，。\d一二三四五六七八九十]{0,4}(\d{2}(?:\.\d)?|二十[一二三四五六七八九](?:点五)?)\s*(?:cm|CM|厘米|公分)/u.exec(text);
  if (!out.size && foot) {
    const raw = foot[1] ?? '';
    const cm = /^\d/u.test(raw) ? Number(raw) : (parseChineseNumeral(raw.replace('点五', '')) ?? 0) + (raw.endsWith('点五') ? 0.5 : 0);
    if (cm >= 21 && cm <= 29) out.size = { value: String(Math.round(cm * 2 - 10)), quote: foot[0] };
  }
  // "大一码" after a size was given: the next size up (or down).
  // "想要大一码的，原来是M，这次要L": the size after the step is said, so there is nothing to step from.
  const step = wanted.length < sizes.length && wanted.length > 0 ? null : /大一(?:码|号)|小一(?:码|号)/u.exec(text);
  if (step) out.sizeStep = { value: step[0].startsWith('大') ? 1 : -1, quote: step[0] };
  const body = readBody(text);
  if (body) out.body = body;
  return out;
}

const COLOURS = ['黑色', '白色', '米白', '米色', '驼色', '燕麦色', '灰色', '雾灰', '炭灰', '藏青', '藏蓝', '蓝色', '浅蓝', '深蓝', '红色', '酒红', '粉色', '紫色', '绿色', '墨绿', '军绿', '橄榄绿', '黄色', '卡其', '咖啡色', '棕色', '焦糖色', '杏色', '奶白', '香槟色', '银色', '金色', '豆沙色'];
const SHORT_COLOURS: Record<string, string> = { 黑: '黑色', 白: '白色', 灰: '灰色', 红: '红色', 粉: '粉色', 蓝: '蓝色', 绿: '绿色', 驼: '驼色', 米: '米色', 棕: '棕色', 紫: '紫色', 黄: '黄色', 金: '金色', 银: '银色', 咖: '咖啡色' };

const ENGLISH_COLOURS: Record<string, string> = { black: '黑色', white: '白色', grey: '灰色', gray: '灰色', red: '红色', pink: '粉色', blue: '蓝色', navy: '藏青', green: '绿色', beige: '米色', camel: '驼色', brown: '棕色', khaki: '卡其' };

const catalogColours = new WeakMap<KnowledgeBase, string[]>();

/** Every colour the catalog sells (雾蓝, 燕麦色 ...) plus the everyday ones, longest first. */
function colourWords(kb: KnowledgeBase | undefined): string[] {
  if (!kb) return COLOURS;
  let words = catalogColours.get(kb);
  if (!words) {
    const fromCatalog = kb.products.flatMap((p) => {
      const raw = p.attributes['颜色'];
      return Array.isArray(raw) ? raw : raw ? [raw] : [];
    });
    words = [...new Set([...COLOURS, ...fromCatalog.filter((c) => c.length >= 2 && c.length <= 4)])];
    catalogColours.set(kb, words);
  }
  return words;
}

/** Every colour named in a text, or offered by a product, in the order they come. */
export function colourNames(kb: KnowledgeBase | undefined, product?: Product, text?: string): string[] {
  if (product) {
    const raw = product.attributes['颜色'];
    return Array.isArray(raw) ? raw : raw ? [raw] : [];
  }
  const found: [number, string][] = [];
  for (const colour of colourWords(kb)) {
    const base = colour.replace(/色$/u, '');
    const at = base.length >= 2 ? (text ?? '').indexOf(base) : -1;
    if (at >= 0 && !found.some(([i, c]) => i === at || c.includes(base))) found.push([at, colour]);
  }
  const short = /(黑|白|灰|红|粉|蓝|绿|驼|米)色/gu;
  for (const m of (text ?? '').matchAll(short)) {
    const colour = SHORT_COLOURS[m[1] ?? ''] ?? '';
    if (colour && !found.some(([i, c]) => c === colour || (i <= m.index && m.index < i + c.length))) found.push([m.index, colour]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

export function readColour(text: string, kb?: KnowledgeBase): Reading<string> | undefined {
  let best: string | undefined;
  let bestEnd = -1;
  for (const colour of colourWords(kb)) {
    const base = colour.replace(/色$/u, '');
    if (base.length < 2) continue;
    const at = text.lastIndexOf(base);
    if (at < 0) continue;
    const end = at + base.length;
    if (end > bestEnd || (end === bestEnd && colour.length > (best?.length ?? 0))) {
      best = colour;
      bestEnd = end;
    }
  }
  if (best) return { value: best, quote: best };
  const english = /\b(black|white|gr[ae]y|red|pink|blue|navy|green|beige|camel|brown|khaki)\b/iu.exec(text);
  if (english) return { value: ENGLISH_COLOURS[(english[1] ?? '').toLowerCase()] ?? '黑色', quote: english[0] };
  // "合金的", "镀金的" are what it is made of, not a gold colour.
  const short = /(黑|白|灰|红|粉|蓝|绿|驼|米|棕|紫|黄|(?<![合镀kK足黄])金|银|咖)(?:色|的)/u.exec(text);
  if (short) return { value: SHORT_COLOURS[short[1] ?? ''] ?? `${short[1]}色`, quote: short[0] };
  // "想买件黑大衣", "白衬衫": one character of colour before the kind.
  const before = /(黑|白|灰|红|粉|蓝|绿|驼|棕|紫)(?=大衣|外套|羽绒服|毛衣|卫衣|裤子|长裤|裙子|半身裙|连衣裙|皮鞋|鞋子|靴子|衬衫|T恤|西装|风衣|围巾|帽子|手套)/u.exec(text);
  if (before) return { value: SHORT_COLOURS[before[1] ?? ''] ?? `${before[1]}色`, quote: before[0] };
  return undefined;
}

const OCCASIONS: [RegExp, string][] = [
  [/通勤|上班|办公室|职场|面试|开会|office/iu, '通勤'],
  [/约会|见男朋友|见女朋友|相亲/u, '约会'],
  [/婚礼|伴娘|结婚|订婚|喜酒|喜宴|婚宴/u, '婚礼'],
  [/运动|健身|跑步|夜跑|晨跑|马拉松|瑜伽|徒步|爬山|gym/iu, '运动'],
  [/年会|晚宴|派对|聚会|宴会/u, '聚会'],
  [/旅行|旅游|出差|度假|海边|三亚|沙滩/u, '旅行'],
  [/出去玩|逛街|周末穿|周末出去|休闲|遛娃|走路多/u, '休闲'],
  [/生日/u, '生日'],
];

export function readOccasion(text: string): Reading<string> | undefined {
  for (const [pattern, value] of OCCASIONS) {
    const match = pattern.exec(text);
    if (match) return { value, quote: match[0] };
  }
  return undefined;
}

/** "里面还要套毛衣", "我衣服基本都是黑的", "能装手机钥匙卡包": clothes worn with it, already owned or carried in it, not wanted. */
const NOT_WANTED = /(?:要|得|会|想)穿(?:厚|薄|厚点的?|薄点的?)?(?:袜子|打底裤|秋裤)|[我她他](?:平时)?穿衣服|(?:穿|用|戴|买)(?:过)?别家(?:的)?[\u4e00-\u9fff]{0,4}|别家(?:的)?[\u4e00-\u9fff]{1,4}|配(?:我的|他的|她的|条|件|个)?(?:[黑白灰蓝红绿驼米棕紫]|卡其|藏青)?色?的?(?:衬衫|裤子|西裤|牛仔裤|阔腿裤|半身裙|裙子|半裙|外套|大衣|西装|毛衣|T恤|卫衣|连衣裙)(?=[^，。\s]{0,2}(?:好看|合适|搭|行|吗|么|怎么样|如何|可以|显))|(?<![想要买])配(?:着|上)?(?:平底鞋|高跟鞋|运动鞋|小白鞋|鞋子?|靴子)(?=[^，。\s]{0,3}(?:拖地|太长|太短|刚好|正好|短了|长了|有点))|(?:衬衫|T恤|裤子|裤|鞋子?|外套|毛衣|裙子)穿\s*(?:XXL|XL|XS|S|M|L|\d{2})|(?:天天|每天|平时|一直|经常|总是)(?:都)?穿[^，。\s]{1,4}|(?:天天|每天|平时|一直|经常|总是|上班)(?:都)?(?:是)?(?:西装|正装|西服|衬衫|工装|制服)|(?:裤子|鞋子?|外套|包包?|上衣|裙子|衬衫)?(?:我)?(?:家里|衣柜里|已经|我)有(?:一)?(?:条|件|双|个|套)[\u4e00-\u9fff]{1,6}|(?:衣柜里|家里)只有[^，。\s]{1,8}|(?:不要|莫要|别要|不想要|不穿|不买)(?:买)?(?:那种|这种)?(?:皮鞋|高跟鞋|运动鞋|靴子|大衣|羽绒服|裙子|裤子|包|衣服)|(?:里面|里头|内搭|外面|外头)(?:还)?(?:要|会|得|想|可以|能)?(?:套|穿|搭|加)(?:一?件|个)?[\u4e00-\u9fff]{1,4}?(?=[\s，。,！!？?]|$)|[我她他](?:的)?(?:衣服|衣柜)[^，。\s]{0,8}|(?:衣服|衣物|床品|床单|窗帘|被子|包包?|鞋子?|围巾|毛衣|裤子|外套|大衣|衬衫|沙发)上(?=能|可以|会|喷|用|抹|沾|有|都是|全是|全|都|[吗么])|(?:不太|不怎么|很少|从来不|从不|不爱|不喜欢)(?:穿|戴|用|背)(?:裙子|裙|裤子|高跟鞋|高跟|靴子|首饰|包|香水|西装)|[\u4e00-\u9fff]{1,4}(?=(?:就|也|他|她)?(?:用不上|用不着|不需要|不实用|就算了|不考虑|不要了))|(?:好|能|可以|方便|用来)(?:配|搭)(?:我的|他的|她的)?(?:衬衫|裤子|西裤|牛仔裤|裙子|半裙|外套|大衣|西装|毛衣|T恤|鞋子?|靴子)|(?:能|可以)(?:装|放)(?:下|得下)?[^，。\s的]{1,8}?(?=[，。\s]|就|够|的|$)/gu;

/** "给老爷子买件暖和的": warm clothes, when no kind is named. */
export const WARM_CLOTHES: CategoryNeed = { word: '保暖外套', category: '服装', subcategories: ['羽绒服', '大衣', '棉服', '毛衣', '夹克'] };

const SKIN_TONE = /(?:皮肤|肤色|脸色|气色|脸)[^，。\s]{0,3}(?:黄|黑|白|红)|显(?:得)?(?:更|很|有点)?(?:黄|黑)|黄皮|黑皮|黄黑皮/gu;

export function readNeeds(kb: KnowledgeBase, text: string, male = false): Needs {
  const needs: Needs = { ...readSizeAndBody(text, male) };
  // "会不会钻绒啊 我之前那件 穿一次黑毛衣就变白毛衣了": the kinds in a past experience told with a worry are not wanted.
  const told = /会不会|担心|怕/u.test(text) || FAULT_WORRY.test(text) ? text.replace(/(?:之前|以前|上一(?:件|双|个|条|瓶)|我之前)[^。？?！!]*/gu, ' ') : text;
  const wanted = told.replace(NOT_WANTED, ' ');
  // "想要件开衫配我那条黑色阔腿裤": the one they own, told to match, is not wanted (unless it is the only kind said).
  const category = readCategory(kb, withoutOwnToMatch(wanted)) ?? readCategory(kb, wanted);
  if (category) needs.category = category;
  if (category && ownsKind(text, category.value.word)) needs.categoryOwned = { value: true, quote: category.quote };
  if (!needs.category && /(?:买|要|来|整|挑)(?:一)?件[^，。\s]{0,3}(?:暖和|保暖|厚实|厚)(?:点|些)?的/u.test(text)) needs.category = { value: WARM_CLOTHES, quote: '暖和的' };
  // "想给他买双跑步穿的": a pair to wear is shoes.
  if (!needs.category && /(?:买|要|来|整|挑|选|找)(?:一)?双[^，。\s]{0,6}(?:穿的|的)/u.test(wanted) && !/袜|手套/u.test(wanted)) needs.category = { value: { word: '鞋', category: '鞋履', subcategories: [] }, quote: '双' };
  // "想买几件度假穿的": clothes, when nothing more specific is named.
  if (!needs.category && /(?:穿的|穿什么|衣服)/u.test(wanted) && !/鞋|袜|裤|裙/u.test(wanted)) needs.category = { value: { word: '衣服', category: '服装', subcategories: [] }, quote: '穿' };
  // "42的男鞋": with shoes, a bare 34–46 is the shoe size.
  const bare = /换\s*(?:成|到)?\s*(3[4-9]|4[0-6])(?![\d.])/u.exec(text) ?? /(?<![\d.])(3[4-9]|4[0-6])(?![\d.]|岁|斤|kg|cm)/u.exec(text);
  if (!needs.size && category?.value.category === '鞋履' && bare) needs.size = { value: bare[1] ?? '', quote: bare[0] };
  const budget = readBudget(text);
  // "都要八九百啊 几百块钱的有没": what things cost, said before asking for less, is no budget.
  const cost = budget && new RegExp(`(?:都要|都是|都得|要|都)\\s*${budget.quote.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s*(?:啊|呀|了|呢|哦)`, 'u').test(text);
  // "我就150出头，腿短": the number is the customer's height.
  const height = needs.body?.value.heightCm;
  const stature = height !== undefined && budget !== undefined && budget.quote.includes(String(height)) && !/元|块|预算|钱|价/u.test(budget.quote + text.slice(0, text.indexOf(budget.quote)).slice(-3));
  if (budget && !cost && !stature) needs.budget = budget;
  // "我皮肤有点黄，怕穿了显得更黄", "之前买过一件芥末黄的": the skin and a past buy are no colour wanted.
  // "黑的我有好几个了", "黑色藏青都太沉闷了": a colour they have or turn down is none wanted.
  const colourText = withoutOwnColour(told).replace(SKIN_TONE, ' ').split(/(?<=[，。！？,!?\s])/u).filter((c) => !/之前买过|以前买过|上次买过|买过一件|买过一条|我(?:已经)?有(?:好几|几|一|两)?[个件条双只]?了?|有了$|太(?:沉闷|暗|素|艳|老气|闷)|不喜欢|不想要|显老|显黑|穿腻/u.test(c)).join('');
  // "小白鞋" is a white casual shoe, whatever its name.
  const wish = readColourWish(text, colourNames(kb, undefined, text));
  if (wish) needs.colourWish = wish;
  // "别黑色了", "不要黑的 要驼色": a colour turned down is none wanted.
  const kept = wish && wish.value.avoid.length > 0 ? colourText.split(/(?<=[，。！？,!?\s])/u).filter((c) => !wish.value.avoid.some((a) => c.includes(a.replace(/色$/u, '')))).join('') : colourText;
  const colour = readColour(kept, kb) ?? (/小白鞋/u.test(text) ? { value: '白色', quote: '小白鞋' } : undefined);
  if (colour && !wish?.value.avoid.includes(colour.value)) needs.colour = colour;
  const tone = readSkinTone(text);
  if (tone) needs.skinTone = tone;
  const skin = readSkinType(text);
  if (skin) needs.skinType = skin;
  const occasion = readOccasion(text);
  if (occasion) needs.occasion = occasion;
  const recipient = readRecipient(text);
  if (recipient) needs.recipient = recipient.value.gender ? recipient : { ...recipient, value: { ...recipient.value, gender: /她/u.test(text) ? 'female' : /他/u.test(text) ? 'male' : undefined } };
  const gender = /(男士|男款|男式|男生|男鞋|男装|男的|伴郎)/u.exec(text) ?? /(女士|女款|女式|女生|女鞋|女装|伴娘|女孩子|女孩|女老师|小姑娘)/u.exec(text);
  if (gender) needs.gender = { value: /男|郎/u.test(gender[1] ?? '') ? 'male' : 'female', quote: gender[1] ?? '' };
  // "给她挑一条" / "他平时穿XL": someone else wears it, and the pronoun says a man or a woman.
  const pronoun = needs.recipient || needs.gender ? null : /(?:给|帮|替|送)(她|他)|(她|他)(?:平时|一般|喜欢|穿|用|戴|腰|脚|个子|身高|一米)/u.exec(text);
  if (pronoun) needs.gender = { value: (pronoun[1] ?? pronoun[2]) === '她' ? 'female' : 'male', quote: pronoun[0] };
  const made = readMadeOf(text);
  const loosened = /(?:不一定(?:要)?|不用|不要求|不非得|不必|无所谓)(?:是)?(羊绒|真丝|羊毛|纯棉|亚麻|牛皮|羊皮|真皮|18K金|925银|银|金)/u.exec(text);
  if (loosened) needs.anyMaterial = { value: true, quote: loosened[0] };
  else if (made.material) needs.material = made.material;
  if (made.avoid) needs.avoid = made.avoid;
  // "戴金的过敏", "银的耳钉": a metal named is the material, not a colour.
  if (made.metal && needs.colour && /^[金银]/u.test(needs.colour.quote)) delete needs.colour;
  // "那条西装裤在店里改短了": altered for them is made to measure too.
  const engraved = /(?:刻|压|印)(?:了|过|的是)?(?:字|名字|字母|缩写|日期)|定制的|压印|刻字|(?:改短|改长|改小|改瘦|收腰)了(?!吗|不|么|多少|要钱|收费|几天)|修改过|改过(?:裤长|袖长|腰)?(?!吗|不|么)|改了(?:裤长|袖长|腰)/u.exec(text);
  if (engraved && !/能(?:不能)?刻|可以刻|能压|可以压|刻字(?:吗|要钱|收费|多少)|能不能/u.test(text)) needs.personalised = { value: true, quote: engraved[0] };
  const child = readChild(text);
  if (child) needs.child = child;
  // Asked for, not mused about ("等双十一更便宜" is not a request for something cheaper).
  const cheaper = /(?:有没有|有|还有|来点|看看|推荐)得?(?:更|再|稍微)?便宜(?:点|一点|些|一些|滴)?的|便宜(?:点|一点|些|一些|滴)?的(?:有吗|吗|呢|有没有|有不|有么|有伐)|再便宜(?:点|一点|些)的|价格低一点的|几百块(?:钱)?的(?:有没|有吗|有没有|呢|有不)/u.exec(text);
  if (cheaper) needs.cheaper = { value: true, quote: cheaper[0] };
  // "预算加到一千 有没有高级点的": better (dearer) than the one in view.
  const dearer = /(?:有没有|有|还有|来点|看看|推荐)得?(?:更|再|稍微)?(?:高级|高档|上档次|好|贵)(?:点|一点|些|一些)的|(?:高级|高档|贵)(?:点|一点|些|一些)的(?:有吗|吗|呢|有没有|有不|有么)/u.exec(text);
  if (dearer && !cheaper) needs.dearer = { value: true, quote: dearer[0] };
  const variant = /(?:整个|来个|要|有没有|换个|换|来件|来双)?(短|长|薄|厚|轻|宽松|修身|素)(?:一)?(?:点|些)(?:的|款)/u.exec(text) ?? /(?:有没有|要|来个|整个)(?:更|再)(暖和|保暖|厚|薄|轻|长|短)(?:一)?(?:点|些)?的/u.exec(text);
  if (variant) needs.variant = { value: variant[1] ?? '', quote: variant[0] };
  // "他不喜欢那种自动扣的", "她没耳洞": a feature not wanted (unless a metal she cannot wear was said).
  const unwanted = made.avoid ? undefined : readUnwanted(text);
  if (unwanted) needs.avoid = unwanted;
  return needs;
}
