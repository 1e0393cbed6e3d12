/**
 * Catalog products for the customer's stated needs. Hard constraints first — the kind of product, the
 * budget (with a small tolerance), a size among the product's sizes, the wearer's gender — then the soft
 * ones rank what is left (occasion, skin type, colour, the customer's own words). When nothing meets the
 * hard constraints the nearest in price is returned separately, so a draft can say what differs.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { Budget, DialogueState } from '../dialogue/dialogue-state.ts';
import { fitsNeed } from '../dialogue/read-focus.ts';
import { variantScore } from '../dialogue/read-variant.ts';
import { coloursWished } from '../dialogue/read-colour-wish.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import { tokenize } from '../knowledge/segment.ts';
import { toQuery } from '../knowledge/bm25-index.ts';

export interface PickOptions {
  n?: number;
  exclude?: ReadonlySet<string>;
  /** 推荐同价位 without a budget: the focus product's band. */
  nearPrice?: number;
}

export interface Picks {
  fits: Product[];
  /** Only when nothing fits: the closest products on price that meet every other hard constraint. */
  nearest: Product[];
  /** No men's pair fits; the fits are shoes cut for both (the draft says so). */
  cutForBoth?: boolean;
}

export function budgetBounds(budget: Budget): [number, number] {
  switch (budget.kind) {
    case 'max':
      return [0, budget.hi * 1.1];
    case 'min':
      return [budget.lo * 0.95, Number.POSITIVE_INFINITY];
    case 'around':
      return [budget.lo * 0.75, budget.hi * 1.25];
    default:
      return [budget.lo * 0.9, budget.hi * 1.1];
  }
}

export function withinBudget(price: number, budget: Budget): boolean {
  const [lo, hi] = budgetBounds(budget);
  return price >= lo && price <= hi;
}

/** Above what the customer said, even if inside the tolerance ("稍高一点" must be said). */
export function aboveBudget(price: number, budget: Budget): boolean {
  return budget.kind !== 'min' && price > budget.hi;
}

export function sizesOf(product: Product): string[] {
  const raw = product.attributes['尺码'] ?? product.attributes['鞋码'];
  return Array.isArray(raw) ? raw : raw ? [raw] : [];
}

/** Does the product come in the size? Letter sizes only constrain products sized in letters, shoe sizes shoes. */
export function hasSize(product: Product, size: string): boolean {
  const sizes = sizesOf(product);
  if (sizes.length === 0 || sizes.includes('均码')) return true;
  if (/^X{2,}L$/u.test(size) && !sizes.includes(size)) return false;
  const shoe = /^\d{2}(?:\.5)?$/u.test(size);
  const shoeSized = sizes.some((s) => /^\d{2}/u.test(s));
  if (shoe !== shoeSized) return true;
  return sizes.some((s) => s === size || s.split('-').includes(size));
}

export function isMens(product: Product): boolean {
  return /男士|男款|男式/u.test(product.name);
}

/** Who will wear it: the recipient when it is a gift, else the customer (WeCom gender 1 male, 2 female). */
export function wearerGender(state: DialogueState, profile: CustomerProfile | undefined): 'female' | 'male' | undefined {
  const recipient = state.slots.recipient?.value;
  if (recipient?.gender) return recipient.gender;
  if (state.slots.gender) return state.slots.gender.value;
  if (recipient) return undefined;
  return profile?.gender === 1 ? 'male' : profile?.gender === 2 ? 'female' : undefined;
}

/** Made for women whatever its name says: jewellery, make-up, hair things, silk scarves, heels. */
const WOMENS = /女士|女款|女式|耳钉|耳环|项链|锁骨链|吊坠|手链|珍珠|发带|发圈|鲨鱼夹|口红|唇釉|眼影|腮红|高光|粉底|气垫|遮瑕|指甲油|睫毛|眼线|美妆蛋|化妆刷|方巾|披肩|腋下包|水桶包|链条|手拿包|身体乳|彩妆|高跟|婚鞋|芭蕾|玛丽珍|贝雷帽/u;

/** Who a product is made for: men's by name, women's by name or kind (and the catalog's other clothes and shoes), else both. */
export function madeFor(product: Product): 'male' | 'female' | 'both' {
  if (isMens(product)) return 'male';
  if (WOMENS.test(`${product.name} ${product.subcategory}`) || product.category === '服装' || (product.category === '鞋履' && !cutForBoth(product))) return 'female';
  return 'both';
}

const SKINCARE: ReadonlySet<string> = new Set(['面霜', '乳液', '精华', '化妆水', '护肤套装', '洁面', '眼霜', '面膜', '防晒', '卸妆', '去角质', '男士护肤', '唇部护理', '身体护理']);

/** Shoes not named for men but made up to size 42 and beyond are worn by men too. */
function cutForBoth(product: Product): boolean {
  return product.category === '鞋履' && !WOMENS.test(`${product.name} ${product.subcategory}`) && sizesOf(product).some((s) => Number(s) >= 42);
}

function genderFits(product: Product, gender: 'female' | 'male' | undefined, category: string | undefined): boolean {
  if (gender === 'female') return !isMens(product);
  if (gender === 'male') {
    if (WOMENS.test(`${product.name} ${product.subcategory}`)) return false;
    // Clothes and shoes not made for men are women's in this catalog; accessories and beauty can be shared.
    return isMens(product) || (product.category !== '服装' && product.category !== '鞋履') || category === undefined;
  }
  // Nobody said who wears it: the catalog's clothes and shoes are women's unless named 男士, so those are left out.
  return !isMens(product) || !['服装', '鞋履'].includes(product.category);
}

export function colours(product: Product): string[] {
  const raw = product.attributes['颜色'] ?? product.attributes['色号'];
  return Array.isArray(raw) ? raw : raw ? [raw] : [];
}

/** The skins a product is made for (its 肤质), empty when the catalog does not say. */
export function skinsOf(product: Product): string[] {
  const raw = product.attributes['肤质'];
  return Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
}

export function skinFits(product: Product, skin: string | undefined): boolean {
  const fits = skinsOf(product);
  if (!skin || fits.length === 0) return true;
  return fits.includes(skin) || fits.includes('全肤质');
}

/** The colour itself (黑色, 黑, 黑色漆皮), not a shade of it: 奶白 is not 白色, and a guide says which it is. */
export function hasColour(product: Product, colour: string): boolean {
  const base = colour.replace(/色$/u, '');
  return colours(product).some((c) => c === colour || c.replace(/[色纹]$/u, '') === base || c.startsWith(`${base}色`)) || (base.length >= 2 && product.name.includes(base));
}

/** A shade of the colour asked for (奶白 for 白色, 雾蓝 for 蓝色): near, not the same. */
export function shadeOf(product: Product, colour: string): string | undefined {
  const base = colour.replace(/色$/u, '');
  return hasColour(product, colour) ? undefined : colours(product).find((c) => c.includes(base));
}

/** Occasions the catalog has no tag for, read from the product's own words. */
const OCCASION_WORDS: Record<string, RegExp> = { 休闲: /休闲|百搭|轻便|舒适|软底|日常|透气|帆布|小白/u, 旅行: /轻便|收纳|旅行|度假|海边|防泼水|速干|大容量|亚麻|草编|凉鞋|防晒|碎花/u, 聚会: /缎面|珠光|亮片|礼服|精致/u };

function productWords(product: Product): string {
  // A heel over 5cm is a 高跟 whatever the name says ("一字带细跟凉鞋").
  const heel = Number.parseFloat(String(product.attributes['跟高'] ?? '0'));
  return `${product.name} ${product.subcategory} ${product.description}${heel > 5 || /细跟/u.test(product.name) ? ' 高跟' : ''}`;
}

function softScore(product: Product, doc: number, state: DialogueState, relevance: ReadonlyMap<number, number>, gender: string | undefined, focusSku: string | undefined): number {
  const { slots } = state;
  let score = (relevance.get(doc) ?? 0) * 1.5;
  const tags = product.tags ?? [];
  // With no kind named ("他天天夜跑 七百以内"), what they do is what decides.
  if (slots.occasion && tags.includes(`场合/${slots.occasion.value}`)) score += slots.category ? 1 : 2.5;
  const words = slots.occasion ? OCCASION_WORDS[slots.occasion.value] : undefined;
  if (words?.test(productWords(product))) score += 1;
  // Things for home (拖鞋, 家居服) only when asked for by name.
  if (/拖鞋|家居服|家居香氛|收纳/u.test(product.subcategory) && !(slots.category?.value.subcategories.length === 1)) score -= 1.5;
  if (slots.occasion?.value === '休闲' && /高跟|细跟|婚鞋|礼服/u.test(productWords(product))) score -= 1;
  // "下周有个晚宴": training shoes and sportswear are for the gym, not a dinner or a wedding.
  if (slots.occasion && ['聚会', '婚礼', '约会', '商务', '面试'].includes(slots.occasion.value) && tags.includes('场合/运动')) score -= 2;
  if (slots.recipient && tags.includes('场合/送礼')) score += 0.8;
  if (slots.recipient && /礼盒|套装/u.test(product.name)) score += 0.4;
  if (slots.recipient?.value.older && /羊绒|真丝|羊毛|礼盒/u.test(product.name)) score += 0.4;
  // Where men's and shared products compete (beauty, accessories), the one made for men comes first.
  if (gender === 'male' && isMens(product)) score += ['美妆', '配饰'].includes(product.category) ? 3 : 1.5;
  // "明天降温 有没有厚一点的外套": warmth asked for puts the warm ones first, also when asked with the kind
  // a turn before the size and budget ("整件贼暖和的外套" … "俺穿L 一千来块").
  if (/厚一?点|厚实|保暖|降温|暖和|抗冻|零下/u.test(`${state.newestText} ${slots.wishes?.value ?? ''}`)) score += /羽绒|鹅绒|大衣|棉服|羊绒|羊毛|加绒|毛呢/u.test(`${product.name} ${String(product.attributes['材质'] ?? '')}`) ? 1.5 : -0.5;
  // "平时遛弯 要软底的": shoes for walking, the cushioned and easy ones before dress shoes.
  if (product.category === '鞋履' && /软底|好走|走路|遛弯|散步|久站|站一天|走一天|不累脚|走得多|爬山|旅游/u.test(state.newestText)) score += /缓震|EVA|软底|软羊皮|一脚蹬|不掉跟|好走/u.test(`${productWords(product)} ${String(product.attributes['材质'] ?? '')}`) ? 1.5 : /正装|婚礼|细跟|高跟/u.test(productWords(product)) ? -0.5 : 0;
  // "平底的鞋子": flats before any heel.
  if (product.category === '鞋履' && /平底|平跟|不要跟|没跟的/u.test(`${state.newestText} ${slots.wishes?.value ?? ''}`)) score += /平底|平跟|乐福|一脚蹬|芭蕾/u.test(productWords(product)) ? 1.5 : /高跟|细跟|中跟|粗跟|\dcm/u.test(productWords(product)) ? -1.5 : 0;
  // "我不太会穿高跟": flats and low heels that still dress up.
  if (product.category === '鞋履' && slots.avoid?.value === '高跟') score += /芭蕾|乐福|中跟|玛丽珍|穆勒|单鞋/u.test(`${product.name} ${product.subcategory}`) ? 1.5 : 0;
  // "短的" / "长款": the cut named in passing.
  if (/短的|短款|短一?点/u.test(state.newestText) && product.name.includes('短')) score += 1.5;
  if (/长的|长款|长一?点/u.test(state.newestText) && product.name.includes('长')) score += 1.5;
  if (/薄一?点|轻一?点/u.test(state.newestText) && /轻|薄/u.test(product.name)) score += 1.5;
  if (/宽松一?点/u.test(state.newestText) && /宽松|落肩|廓形|阔腿|oversize/iu.test(productWords(product))) score += 1.5;
  // "不限 质量好就行": the better-made (dearer) ones first.
  if (!slots.budget && /质量好|品质好|不限|贵点也行|贵一点也/u.test(state.newestText)) score += Math.min(1.5, product.price / 1500);
  if (slots.variant) score += variantScore(product, slots.variant.value);
  // The product the customer is already looking at comes first when it fits.
  if (focusSku === product.sku) score += 2;
  // With no gender known, men's accessories and beauty come after the shared ones.
  if (gender === undefined && isMens(product)) score -= 1.5;
  const skin = product.attributes['肤质'];
  if (slots.skinType && skin) {
    const fits = Array.isArray(skin) ? skin : [skin];
    score += fits.includes(slots.skinType.value) ? 1.5 : fits.includes('全肤质') ? 0.5 : -1;
  }
  if (slots.colour && hasColour(product, slots.colour.value)) score += 0.8;
  // "浅色点": one that comes in a colour of that depth first.
  if (slots.colourWish?.value.depth && coloursWished(colours(product), slots.colourWish.value).length > 0) score += 0.8;
  if (slots.budget) {
    const mid = slots.budget.value.kind === 'max' ? slots.budget.value.hi * 0.8 : slots.budget.value.kind === 'min' ? slots.budget.value.lo * 1.2 : (slots.budget.value.lo + slots.budget.value.hi) / 2;
    score -= Math.min(1, Math.abs(product.price - mid) / Math.max(mid, 1));
    if (aboveBudget(product.price, slots.budget.value)) score -= 0.3;
  }
  return score;
}

/** "皮鞋 44码" from someone we know nothing of: a size only men's pieces of the kind come in says who wears it. */
function genderOfSize(kb: KnowledgeBase, state: DialogueState): 'male' | undefined {
  const size = state.slots.size?.value;
  const need = state.slots.category?.value;
  if (!size || size === '均码' || !need || !['服装', '鞋履'].includes(need.category)) return undefined;
  const sized = kb.products.filter((p) => p.category === need.category && hasSize(p, size));
  return sized.length > 0 && sized.every((p) => isMens(p) || cutForBoth(p)) && sized.some(isMens) ? 'male' : undefined;
}

/** Skincare kinds that can stand in for each other when none of the one asked for suits the skin. */
const SKIN_NEIGHBOURS: Record<string, string[]> = { 面霜: ['乳液'], 乳液: ['面霜'], 眼霜: ['精华'], 化妆水: ['乳液'], 精华: ['乳液', '化妆水'] };

export function pickProducts(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined, options: PickOptions = {}): Picks {
  const n = options.n ?? 3;
  const { slots } = state;
  const need = slots.category?.value;
  const gender = wearerGender(state, profile) ?? genderOfSize(kb, state);
  const query = toQuery(tokenize(state.newestText));
  const relevance = new Map<number, number>();
  const hits = kb.productIndex.search(query, 80);
  const top = hits[0]?.score ?? 1;
  for (const hit of hits) relevance.set(hit.doc, hit.score / top);
  // "送人的话呢 我妈混油皮": a skin given makes it skincare, gift or not.
  const skinOnly = !need && slots.skinType !== undefined;
  const giftOnly = !need && !skinOnly && (slots.recipient !== undefined || /礼物|伴手礼|gift|送人|送礼/iu.test(state.newestText));
  const occasionOnly = !need && !giftOnly && !skinOnly && slots.occasion !== undefined;
  // The catalog's clothes and shoes are adults': for a child nothing fits, and the draft says so.
  if (slots.child && !kb.products.some((p) => /儿童|童装|童鞋|宝宝/u.test(p.name))) return { fits: [], nearest: [] };

  const fitting = (genderOk: (product: Product) => boolean) => kb.products
    .map((product, doc) => ({ product, doc }))
    .filter(({ product }) => !options.exclude?.has(product.sku))
    .filter(({ product, doc }) => {
      if (need) return fitsNeed(product, need);
      // A gift with no size known: nothing that has to fit (sized clothes and shoes).
      // "他天天夜跑": a gift for what they do may be sized; the size is asked after.
      if (giftOnly) return (((product.tags ?? []).includes('场合/送礼') || /礼盒|套装/u.test(product.name) || product.category === '配饰') && (slots.size !== undefined || sizesOf(product).length === 0 || sizesOf(product).includes('均码'))) || (slots.occasion !== undefined && slots.occasion.value !== '生日' && (product.tags ?? []).includes(`场合/${slots.occasion.value}`));
      // A skin type alone asks for skincare; make-up only when it is named.
      if (skinOnly) return product.category === '美妆' && product.attributes['肤质'] !== undefined && (SKINCARE.has(product.subcategory) || /彩妆|化妆|粉底|底妆|口红|遮瑕|气垫/u.test(state.newestText));
      if (occasionOnly) return (product.tags ?? []).includes(`场合/${slots.occasion?.value}`) || (OCCASION_WORDS[slots.occasion?.value ?? '']?.test(productWords(product)) ?? false);
      return relevance.has(doc);
    })
    .filter(({ product }) => genderOk(product))
    // "有男士的吗": asked for men's by name, only products made for men.
    .filter(({ product }) => !/男士|男款/u.test(slots.gender?.quote ?? '') || isMens(product))
    .filter(({ product }) => !slots.size || hasSize(product, slots.size.value))
    .filter(({ product }) => !slots.material || (slots.material.value === '真皮' ? /牛皮|羊皮|真皮|头层/u : new RegExp(slots.material.value, 'u')).test(`${product.name} ${String(product.attributes['材质'] ?? '')}`));
  // A colour the customer named is a constraint too, where the product lists its colours; so is a skin type
  // where the product says which skins it is for.
  // "别黑色了": a product that comes only in colours turned down is no answer.
  const avoided = slots.colourWish?.value.avoid ?? [];
  const coloured = (product: Product): boolean => (!slots.colour || colours(product).length === 0 || hasColour(product, slots.colour.value)) && (avoided.length === 0 || colours(product).length === 0 || coloursWished(colours(product), { avoid: avoided, another: false }).length > 0) && skinFits(product, slots.skinType?.value);
  const priced = (product: Product): boolean => {
    if (slots.budget) return withinBudget(product.price, slots.budget.value);
    if (options.nearPrice !== undefined) return Math.abs(product.price - options.nearPrice) <= options.nearPrice * 0.3;
    return true;
  };
  const rank = (list: ReturnType<typeof fitting>) => list
    .map((c) => ({ ...c, score: softScore(c.product, c.doc, state, relevance, gender, slots.focus?.value.sku) }))
    .sort((a, b) => b.score - a.score || a.product.price - b.product.price || a.product.sku.localeCompare(b.product.sku));
  // "不喜欢那种自动扣的": what they do not want is left out (unless it is all there is).
  const wanted = (product: Product): boolean => !slots.avoid || !productWords(product).includes(slots.avoid.value);
  // "阔腿的呢": another than the one in view.
  const besides = slots.variant?.value.besides;
  const found = fitting((product) => genderFits(product, gender, need?.category));
  const all = besides && found.some((c) => !besides.includes(c.product.sku)) ? found.filter((c) => !besides.includes(c.product.sku)) : found;
  const kept = all.some((c) => wanted(c.product)) ? all.filter((c) => wanted(c.product)) : all;
  // "有没有矮些的": only the ones that are, when some are.
  const variant = slots.variant?.value;
  const candidates = variant && variant.words.length > 0 && kept.some((c) => variantScore(c.product, variant) > 0) ? kept.filter((c) => variantScore(c.product, variant) > 0) : kept;
  const ranked = rank(candidates);
  const fits = ranked.filter((c) => priced(c.product) && coloured(c.product)).slice(0, n).map((c) => c.product);
  if (fits.length > 0) return { fits, nearest: [] };
  // "男朋友脚小 穿38": no men's pair in his size, but a pair cut for both is — offered as that.
  if (gender === 'male' && need?.category === '鞋履') {
    const shared = rank(fitting(cutForBoth)).filter((c) => priced(c.product) && coloured(c.product)).slice(0, n).map((c) => c.product);
    if (shared.length > 0) return { fits: shared, nearest: [], cutForBoth: true };
  }
  // "有白色的吗" and only 奶白 has the size: the shade is the nearest, and the draft says which colour it is.
  const colour = slots.colour?.value;
  const shades = colour ? ranked.filter((c) => priced(c.product) && skinFits(c.product, slots.skinType?.value) && shadeOf(c.product, colour) !== undefined) : [];
  if (shades.length > 0) return { fits, nearest: shades.slice(0, 2).map((c) => c.product) };
  // "大油皮…有不油的面霜吗" and no cream is for oily skin: the neighbouring kind that is (a lotion), not a rich cream.
  const skin = slots.skinType?.value;
  if (skin && need && !candidates.some((c) => skinFits(c.product, skin))) {
    const kinds = need.subcategories.flatMap((k) => SKIN_NEIGHBOURS[k] ?? []);
    const alike = kb.products.filter((p) => p.category === need.category && kinds.includes(p.subcategory) && skinFits(p, skin) && (!slots.budget || withinBudget(p.price, slots.budget.value)));
    if (alike.length > 0) return { fits, nearest: alike.slice(0, 2) };
  }
  if (!slots.budget && options.nearPrice === undefined) return { fits, nearest: ranked.slice(0, 2).map((c) => c.product) };
  const target = slots.budget ? (slots.budget.value.kind === 'min' ? slots.budget.value.lo : slots.budget.value.hi) : (options.nearPrice ?? 0);
  const nearest = [...candidates].sort((a, b) => Math.abs(a.product.price - target) - Math.abs(b.product.price - target) || a.product.sku.localeCompare(b.product.sku)).slice(0, 2).map((c) => c.product);
  return { fits: [], nearest };
}
