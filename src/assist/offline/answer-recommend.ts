/**
 * Recommendations for what the customer asked for: only products that meet the hard constraints, each
 * with its catalog price and the reasons in the customer's own terms; when nothing fits, say so and
 * offer the nearest with what differs; when nothing is known yet, ask for what is missing.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { describeBudget } from '../dialogue/describe-state.ts';
import { fitsNeed } from '../dialogue/read-focus.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { sizeForBody } from './size-for-body.ts';
import type { Part } from './answer-product.ts';
import { priceTag, productLine, sellingPoint } from './describe-product.ts';
import { isMens, pickProducts, shadeOf, sizesOf, wearerGender } from './pick-products.ts';
import type { PickOptions } from './pick-products.ts';
import { speakOfRecipient } from './speak-of-recipient.ts';

function missingAsk(state: DialogueState): string {
  const { slots } = state;
  const asks: string[] = [];
  if (!slots.category && !slots.recipient && !slots.skinType) asks.push('想看哪一类');
  if (!slots.budget) asks.push('大概的预算');
  if (!slots.size && !slots.body && slots.category && ['服装', '鞋履'].includes(slots.category.value.category)) asks.push('平时穿的尺码');
  if (slots.recipient && !slots.category) asks.push(`${speakOfRecipient(slots.recipient.value)}平时的喜好`);
  return asks.length > 0 ? `方便说下${asks.join('、')}吗？我帮您挑几款合适的。` : '';
}

/** "护肤品里暂时没有…" is untrue when only men's lack it: the kind said as the wearer narrows it. */
function kindFor(word: string, state: DialogueState, profile: CustomerProfile | undefined): string {
  const kind = word || '这类';
  const male = wearerGender(state, profile) === 'male' && !/男/u.test(kind) && state.slots.category !== undefined;
  return male ? `男士${word || '款'}` : kind;
}

export function answerRecommend(kb: KnowledgeBase, given: DialogueState, profile: CustomerProfile | undefined, options: PickOptions = {}): Part {
  let state = given;
  const { slots } = given;
  if (slots.child && !kb.products.some((p) => /儿童|童装|童鞋|宝宝/u.test(p.name))) {
    return { text: '不好意思，我们家目前没有童装和儿童鞋，都是成人款，衣服从XS码起、鞋子从35码起。您要是给自己或家人挑，我很乐意帮您看～', products: [] };
  }
  if (!slots.category && !slots.recipient && !slots.skinType && !slots.occasion && options.nearPrice === undefined) {
    return { text: missingAsk(state) || '您想看哪一类呢？告诉我场合、预算和尺码，我帮您挑几款。', products: [] };
  }
  // "我200斤 有我能穿的吗": the size the body needs is a constraint like a size said.
  const body = slots.body?.value;
  const derived = !slots.size && body && slots.category && ['服装'].includes(slots.category.value.category) ? sizeForBody(body, profile?.gender === 1 || slots.gender?.value === 'male') : undefined;
  if (derived) state = { ...state, slots: { ...slots, size: { value: derived, messageId: slots.body?.messageId ?? '', quote: slots.body?.quote ?? '' } } };
  const picks = pickProducts(kb, state, profile, { n: 2, ...options });
  // Socks and scarves fit everyone: for "有我能穿的吗" they are no answer.
  if (derived) picks.fits = picks.fits.filter((p) => !sizesOf(p).includes('均码'));
  if (derived && picks.fits.length === 0) {
    return { text: `您这个身材一般穿${derived}码，我们家的衣服大多只做到XL码，穿上可能会偏紧。方便的话到店试试宽松版型的款（落肩、茧型的外套，阔腿裤），我提前帮您挑几件备好。`, products: [] };
  }
  // "bag", "dress": the reply names the kind in Chinese, as the catalog does.
  const said = slots.category?.value.word ?? '';
  // "喜欢化妆" names the kind as a pastime: the reply calls it 彩妆.
  const word = /[a-z]/iu.test(said) ? (slots.category?.value.subcategories[0] ?? '') : said === '化妆' ? '彩妆' : said;
  if (picks.fits.length > 0) {
    const lines = picks.fits.map((p) => productLine(p, state, kb));
    const pick = picks.fits.length > 1 ? '挑了两款' : '推荐这款';
    const intro = picks.cutForBoth ? `男款${word}暂时没有${slots.size ? `${slots.size.value}码` : '合适'}的，给您${pick}男女同款的${word}：` : `给您${pick}${word}：`;
    const ask = !slots.size && !slots.body && slots.category && ['服装', '鞋履'].includes(slots.category.value.category) ? '您平时穿什么码？我帮您确认有没有货。' : '您看看喜欢哪款，我把图片和细节发您～';
    return { text: `${intro}${lines.join('；')}。${ask}`, products: picks.fits };
  }
  // "卡包…有没有大一点的 能放零钱那种 五百左右": none by that name, others of the same kind that fit.
  const need = slots.category?.value;
  if (need?.nameIncludes && need.subcategories.length > 0 && options.nearPrice === undefined) {
    const { nameIncludes: _named, ...kind } = need;
    const wider = pickProducts(kb, { ...state, slots: { ...state.slots, category: { ...(slots.category as NonNullable<typeof slots.category>), value: kind } } }, profile, { n: 2, ...options });
    if (wider.fits.length > 0) {
      const lines = wider.fits.map((p) => productLine(p, state, kb));
      // None of that name fits: said plainly (not "不多"), then the same kind that does.
      return { text: `暂时没有${slots.budget ? `${describeBudget(slots.budget.value)}的` : '正好合适的'}${word}，同类的${need.subcategories[0]}可以看看：${lines.join('；')}。您看看喜欢哪款～`, products: wider.fits };
    }
  }
  // "那有没有长一点的 过膝那种": no other of the kind has it; the one in view is what there is.
  const inView = slots.focus?.value;
  if (picks.nearest.length === 0 && slots.variant && inView && slots.variant.value.besides.includes(inView.sku)) {
    const wish = slots.variant.value.words[0];
    return { text: `不好意思，${word || inView.subcategory}暂时没有${wish ? `${wish.replace(/款$/u, '')}款` : '别的款'}，目前只有${inView.name}（${priceTag(inView)}），${sellingPoint(inView)}。您看看可以吗？有新款到了我第一时间告诉您～`, products: [inView] };
  }
  const nearest = picks.nearest[0];
  const shade = nearest && slots.colour ? shadeOf(nearest, slots.colour.value) : undefined;
  const wanted = [slots.skinType && `适合${slots.skinType.value}肌肤`, slots.material && slots.material.value.replace("|", "或"), slots.colour && (!slots.budget || shade) && slots.colour.value, slots.budget && (/便宜/u.test(slots.budget.quote) && slots.focus ? `比${slots.focus.value.name}更便宜` : `${describeBudget(slots.budget.value)}`), slots.size && `${slots.size.value}码`].filter(Boolean).join('、');
  if (nearest) {
    const diff = [shade && `颜色是${shade}`, slots.budget && nearest.price > slots.budget.value.hi ? (/便宜/u.test(slots.budget.quote) ? '' : '比您的预算高一些') : slots.budget && nearest.price < slots.budget.value.lo ? '比您的预算低一些' : ''].filter(Boolean).join('，');
    return {
      text: `${kindFor(word, state, profile)}里暂时没有${wanted ? `${wanted}的` : '正好合适的'}款，和您要求比较接近的是${nearest.name}（${priceTag(nearest)}${diff ? `，${diff}` : ''}），您看可以吗？也可以告诉我哪点能放宽，我再帮您找。`,
      products: [nearest],
    };
  }
  return { text: `${word || '这类'}里暂时没有${wanted ? `${wanted}的` : '合适的'}款${sizeRange(kb, state, profile)}，我帮您留意新到货，也可以看看其他款式，您觉得呢？`, products: [] };
}

/** "切尔西靴有没有45": how far the kind's shoe sizes go, when the one asked is past them. */
function sizeRange(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined): string {
  const need = state.slots.category?.value;
  const size = Number(state.slots.size?.value);
  if (!need || !Number.isInteger(size) || size < 30) return '';
  const male = wearerGender(state, profile) === 'male';
  const sizes = kb.products.filter((p) => fitsNeed(p, need) && isMens(p) === male).flatMap((p) => sizesOf(p).flatMap((s) => s.split('-'))).map(Number).filter((n) => Number.isInteger(n) && n >= 30);
  if (sizes.length === 0) return '';
  const [lo, hi] = [Math.min(...sizes), Math.max(...sizes)];
  return size > hi ? `（码数只做到${hi}码）` : size < lo ? `（码数从${lo}码起）` : '';
}

/** 最近有什么新款: the newest arrivals (catalog arrivedAt), in the kind of product asked for when one was. */
export function answerNewArrivals(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined): Part {
  const need = state.slots.category?.value;
  const arrived = kb.products
    .filter((p) => typeof p.attributes['arrivedAt'] === 'string' && (!need || (p.category === need.category && (need.subcategories.length === 0 || need.subcategories.includes(p.subcategory)))))
    .filter((p) => profile?.gender === 1 ? /男士/u.test(p.name) || p.category === '美妆' || p.category === '配饰' : !/男士/u.test(p.name))
    .sort((a, b) => String(b.attributes['arrivedAt']).localeCompare(String(a.attributes['arrivedAt'])) || a.sku.localeCompare(b.sku))
    .slice(0, 2);
  if (arrived.length === 0) return answerRecommend(kb, state, profile);
  return { text: `最近店里上了几款新款：${arrived.map((p) => `${p.name}（${priceTag(p)}）`).join('、')}，需要的话我拍细节图发您看看～`, products: arrived };
}
