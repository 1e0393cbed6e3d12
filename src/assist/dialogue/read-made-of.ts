/**
 * What the product should be made of and what it must not be: "羊绒的", "纯银或者金的" (either), "戴金的过敏
 * 有银的耳钉吗" (silver wanted, gold left out), "莫要皮鞋", "不喜欢那种自动扣的", "没耳洞".
 */
import type { Reading } from './read-needs.ts';

const STUFF = '羊绒|真丝|羊毛|纯棉|亚麻|牛皮|羊皮|真皮|珍珠|18K金|925银|银|金';

export interface MadeOf {
  /** Matched on the product's name and 材质; "银|金" when either will do. */
  material?: Reading<string>;
  avoid?: Reading<string>;
  /** A metal was named (金, 银): any 金/银 read as a colour is the metal. */
  metal: boolean;
}

export function readMadeOf(text: string): MadeOf {
  const out: MadeOf = { metal: false };
  // The material asked for last, not one that is said to cause an allergy.
  // "戴合金的会痒": 合金 and 镀金 are not gold.
  // "玫瑰金的", "香槟金的", "白金色" are colours of gold, not the metal asked for.
  const named = [...text.matchAll(new RegExp(`(?<![合镀]|玫瑰|香槟|白|黄)(${STUFF})(?:的|款|材质|做的)(?![^，。\\s]{0,3}过敏)`, 'gu'))].at(-1);
  const either = new RegExp(`(${STUFF})(?:的)?(?:或者|或|还是|和)(?:纯)?(${STUFF})的`, 'u').exec(text);
  if (either) out.material = { value: `${either[1]}|${either[2]}`, quote: either[0] };
  else if (named) out.material = { value: named[1] ?? '', quote: named[0] };
  if (/^[金银]$/u.test(named?.[1] ?? '')) out.metal = true;
  const unwearable = /(?:戴|用|穿)?([金银]|18K金)的?(?:会)?过敏/u.exec(text);
  if (unwearable) {
    out.avoid = { value: unwearable[1] === '银' ? '银' : '金', quote: unwearable[0] };
    out.metal = true;
  }
  const alloy = /(?:戴|用)?(合金|镀金)的?(?:会|就|容易)?(?:过敏|痒|发痒|红|发炎)/u.exec(text);
  if (alloy) out.avoid = { value: alloy[1] ?? '', quote: alloy[0] };
  const kind = /(?:不要|莫要|别要|不想要|不穿)(?:那种|这种)?(皮鞋|高跟鞋|运动鞋|靴子)/u.exec(text);
  if (kind) out.avoid = { value: kind[1] ?? '', quote: kind[0] };
  return out;
}

export function readUnwanted(text: string): Reading<string> | undefined {
  // "她没耳洞": nothing worn in the ear.
  const noPiercing = /没(?:有)?(?:打)?耳洞|不打耳洞/u.exec(text);
  if (noPiercing) return { value: '耳', quote: noPiercing[0] };
  const avoid = /(?:不喜欢|不要|不想要|别要|讨厌|不太喜欢)(?:那种|这种|带|有)?([\u4e00-\u9fff]{2,4}?)(?:的|款)/u.exec(text);
  if (avoid && !/^(?:太|很|特别)/u.test(avoid[1] ?? '')) return { value: avoid[1] ?? '', quote: avoid[0] };
  // "我不太会穿高跟", "穿不了高跟": heels ruled out.
  const noHeels = /(?:不太?会穿|穿不了|穿不惯|不能穿|不爱穿|不穿)(?:高跟|细跟)/u.exec(text);
  if (noHeels) return { value: '高跟', quote: noHeels[0] };
  // "她不戴银的": a metal they do not wear.
  const metal = /不(?:戴|爱戴|喜欢)(银|金|铜|合金)的/u.exec(text);
  if (metal) return { value: metal[1] ?? '', quote: metal[0] };
  // "穿那种尖头的挤脚": the kind that hurts them.
  const hurts = /(?:穿|戴)(?:那种|这种)([\u4e00-\u9fff]{2,3}?)的?(?:会|就|都|太|有点|容易)?(?:挤脚|磨脚|夹脚|累脚|不舒服|难受|勒)/u.exec(text);
  if (hurts) return { value: hurts[1] ?? '', quote: hurts[0] };
  return undefined;
}
