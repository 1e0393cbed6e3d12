/**
 * Who the thing is for: a person named beside 送/给/帮 or before 穿/用/戴 (妈妈, 老公, 闺蜜, 老头子, 细佬),
 * with their gender and whether they are older; and whether it is for a child (the catalog is adults').
 */
import { parseChineseNumeral } from '../tags/parse-amount.ts';
import type { Recipient } from './dialogue-state.ts';
import type { Reading } from './read-needs.ts';

const RECIPIENTS: [string, Recipient['gender'], boolean][] = [
  ['妈妈', 'female', true], ['我妈', 'female', true], ['母亲', 'female', true], ['婆婆', 'female', true], ['丈母娘', 'female', true], ['岳母', 'female', true], ['老倌子', 'male', false], ['屋里人', 'female', false], ['奶奶', 'female', true], ['外婆', 'female', true],
  ['爸爸', 'male', true], ['我爸', 'male', true], ['父亲', 'male', true], ['老爸', 'male', true], ['公公', 'male', true], ['岳父', 'male', true], ['爷爷', 'male', true],
  ['老公', 'male', false], ['男朋友', 'male', false], ['男友', 'male', false], ['先生', 'male', false], ['哥哥', 'male', false], ['弟弟', 'male', false], ['男同事', 'male', false],
  ['老婆', 'female', false], ['女朋友', 'female', false], ['女友', 'female', false], ['闺蜜', 'female', false], ['姐妹', 'female', false], ['姐姐', 'female', false], ['妹妹', 'female', false], ['女儿', 'female', false], ['女同事', 'female', false], ['太太', 'female', false],
  ['女领导', 'female', false], ['男领导', 'male', false], ['女老板', 'female', false], ['男老板', 'male', false], ['细佬', 'male', false], ['家姐', 'female', false], ['个仔', 'male', false], ['个女', 'female', false], ['老爷们', 'male', false], ['老丈人', 'male', true], ['俺妈', 'female', true], ['俺爸', 'male', true], ['我们爷', 'male', true], ['我们娘', 'female', true], ['那口子', undefined, false],
  ['闺女', 'female', false], ['儿媳妇', 'female', false], ['儿媳', 'female', false], ['媳妇', 'female', false], ['老妈', 'female', true], ['姥姥', 'female', true], ['老太太', 'female', true], ['老太婆', 'female', true],
  ['老头子', 'male', true], ['老头', 'male', true], ['老爷子', 'male', true], ['老太太', 'female', true], ['老爷爷', 'male', true], ['老奶奶', 'female', true], ['姥爷', 'male', true], ['外公', 'male', true], ['女婿', 'male', false], ['儿子', 'male', false], ['对象', undefined, false], ['爱人', undefined, false],
  ['孙女', 'female', false], ['外孙女', 'female', false], ['孙子', 'male', false], ['外孙', 'male', false], ['侄女', 'female', false], ['侄子', 'male', false], ['外甥女', 'female', false], ['外甥', 'male', false],
  ['阿姨', 'female', true], ['老伴', undefined, true], ['老板', undefined, false], ['领导', undefined, false], ['boss', undefined, false], ['客户', undefined, false],
  ['朋友', undefined, false], ['同事', undefined, false], ['长辈', undefined, true], ['老师', undefined, false],
  ['女老师', 'female', false], ['男老师', 'male', false], ['班主任', undefined, false], ['实习生', undefined, false], ['主任', undefined, false], ['师父', undefined, false], ['师傅', undefined, false], ['导师', undefined, false], ['教练', undefined, false],
  // In-laws said through the spouse ("老公他妈"): the parent, not the spouse.
  ...(['老公', '老婆', '媳妇', '男朋友', '女朋友', '对象', '爱人'] as const).flatMap((spouse): [string, Recipient['gender'], boolean][] => [
    [`${spouse}他妈`, 'female', true], [`${spouse}她妈`, 'female', true], [`${spouse}的妈妈`, 'female', true], [`${spouse}妈妈`, 'female', true], [`${spouse}的妈`, 'female', true],
    [`${spouse}他爸`, 'male', true], [`${spouse}她爸`, 'male', true], [`${spouse}的爸爸`, 'male', true], [`${spouse}爸爸`, 'male', true], [`${spouse}的爸`, 'male', true],
  ]),
];
/** How an in-law said through the spouse is named back ("老公他妈" → 婆婆). */
function inLaw(who: string): string | undefined {
  const spouse = /^(老公|老婆|媳妇|男朋友|女朋友|对象|爱人)(?:他|她|的)?(妈|爸)/u.exec(who);
  if (!spouse) return undefined;
  const mother = spouse[2] === '妈';
  if (spouse[1] === '老公') return mother ? '婆婆' : '公公';
  if (spouse[1] === '老婆' || spouse[1] === '媳妇') return mother ? '岳母' : '岳父';
  return `${spouse[1]}的${mother ? '妈妈' : '爸爸'}`;
}
// Gifts, and things bought for someone else to wear ("男朋友穿42码", "帮我妈挑").
const GIFT_CUE = /送|给|礼物|礼盒|生日|纪念日|过节|穿|用|戴|帮.{0,3}(?:买|挑|选)|(?:要|想)(?:买|换|挑|添)|(?:要|想要|需要)(?:一|件|条|双|个|款)|喜欢|gift/iu;

/** The person is the one the thing is for: next to 送/给/帮, or before 穿/用/戴/生日 ("我朋友说…" is not). */
function isFor(text: string, who: string): boolean {
  const w = who.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  // "同事要离职了 想送个小礼物": the person, then the gift, in one breath ("朋友送我的", "朋友送的手链" are the other way).
  return new RegExp(`${w}(?:要|想)(?:买|换|挑|添)|${w}(?:要|想要|需要)(?:一|件|条|双|个|款|只|顶|套)|(?:送|给|帮|替|gift)(?:给)?(?:我|我的|我家|俺|俺家|我们|我们家)?(?:屋里|家里|屋头|屋里的|家里的)?${w}|${w}(?:的)?(?:穿|用|戴|生日|过生日|礼物|脚|平时|喜欢|六十|七十|五十|\\d{2}岁)|${w}.{0,6}(?:穿|用|戴)|${w}.{0,6}(?:生日|大寿|过寿|寿辰|过生)|${w}[^，。,]{0,10}(?:送(?!我|的)|礼物)|${w}[^。]{0,16}(?:想|要|准备)(?:一起|一块|合伙)?送(?!我|的)`, 'iu').test(text);
}

export function readRecipient(text: string): Reading<Recipient> | undefined {
  // "我老公", "送我妈": a bare answer to "送给谁呢" names the one it is for.
  const bare = /^\s*(?:是|就是)?(?:送|给)?(?:我|我的|俺|我家|我们家)?([\u4e00-\u9fff]{1,4}?)(?:的|啊|呀|吧|哈|呢)?[。！!～~]?\s*$/u.exec(text)?.[1];
  const named = bare ? RECIPIENTS.find(([who]) => who === bare || who === `我${bare}`) : undefined;
  if (named) {
    const [who, gender, older] = named;
    return { value: { who: ({ 我妈: '妈妈', 我爸: '爸爸' } as Record<string, string>)[who] ?? who, gender, older }, quote: bare ?? who };
  }
  if (!GIFT_CUE.test(text)) return undefined;
  let best: Reading<Recipient> | undefined;
  let bestAt = -1;
  for (const [who, gender, older] of RECIPIENTS) {
    const found = text.lastIndexOf(who);
    // "先生" after a name is an address ("王先生"), not a recipient: only "送/给…先生" counts.
    if (found < 0 || (who === '先生' && !/(?:送|给)(?:我)?先生|我先生/u.test(text)) || !isFor(text, who)) continue;
    // "我老婆让我来挑礼物": the one who sent the customer, not the one it is for; "见客户要穿": whom it is worn to meet.
    // "老婆说我穿粉显年轻": whose opinion it is, not whom it is for.
    if (new RegExp(`${who}(?:让|叫|要)我|${who}(?:说|觉得|嫌|夸)我`, 'u').test(text) || (who === '客户' && /(?:见|跑|拜访|陪|约)客户/u.test(text))) continue;
    // Compared by where the word ends, so "男朋友" beats the "朋友" inside it.
    const at = found + who.length;
    if (at > bestAt || (at === bestAt && who.length > (best?.value.who.length ?? 0))) {
      best = { value: { who: ({ 我妈: '妈妈', 我爸: '爸爸', 俺妈: '妈妈', 俺爸: '爸爸', 我们爷: '爸爸', 我们娘: '妈妈', 个仔: '儿子', 个女: '女儿', 细佬: '弟弟', 家姐: '姐姐', 老爷们: '老公', 老丈人: '岳父' } as Record<string, string>)[who] ?? inLaw(who) ?? who, gender, older, ...(/送|礼物|礼盒|生日|纪念日|周年|过节/u.test(text) ? { gift: true } : {}) }, quote: who };
      bestAt = at;
    }
  }
  return best;
}

const KIN = '孙女|孙子|外孙女?|外甥女?|侄女|侄子|儿子|女儿|闺女';

/** For a child: 小朋友, 童装, a kid's shoe size, or a son or daughter under 14 ("女儿十八岁" is grown up). */
export function readChild(text: string): Reading<true> | undefined {
  // "我怀孕三个月了 对宝宝没影响吗": the baby is not who it is for.
  if (/怀孕|孕期|孕妇|备孕|哺乳|月子/u.test(text)) return undefined;
  // "孩子幼儿园毕业了 想给班主任送个礼物": the gift is for the grown-up named.
  if (/(?:送|给)[^，。]{0,8}(?:班主任|老师|阿姨|医生|教练)|(?:班主任|老师)[^，。]{0,6}(?:送|礼物)/u.test(text)) return undefined;
  // "她家有小孩 别是很冲的": a child in the home says what must be safe, not who it is for.
  if (/(?:家|家里)(?:里)?有(?:个|两个)?(?:小孩|孩子|宝宝|小朋友)|有(?:小孩|孩子|宝宝)在家/u.test(text) && !/(?:给|送|帮)(?:小孩|孩子|宝宝|小朋友)/u.test(text)) return undefined;
  // "我平时穿XS，有时候童装都能穿": a petite grown-up, not a child.
  if (/童装(?:都|也)?能穿|能穿(?:下)?童装|穿童装(?:都|也)|童装(?:都|也)穿得下|缩(?:成|得跟|得像)童装/u.test(text)) return undefined;
  // "穿120的": a child's height size.
  const said = /小朋友|(?<![女男])孩子(?![的]?(?:班主任|老师|同学|家长|的老师|他|她|爸|妈))|(?<!生完|生了|生)宝宝(?!之后|以后|后)|儿童|童装|童鞋|小孩|(?<!\d)(?:2\d|3[0-3])码|穿\s*(?:1[0-5]0|[89]0)(?![\d.])(?:的|码|cm)?/u.exec(text) ?? new RegExp(`(?:${KIN}).{0,10}上学`, 'u').exec(text);
  if (said) return { value: true, quote: said[0] };
  // "6岁 穿…" answering "多大啦": an age alone at the start.
  const aged = new RegExp(`(?:(?:${KIN}).{0,10}?([一二两三四五六七八九十\\d]{1,3})岁|([一二两三四五六七八九十\\d]{1,3})岁的(?:${KIN})|^\\s*([一二两三四五六七八九十\\d]{1,2})岁(?!的))`, 'u').exec(text);
  const years = aged ? parseAge(aged[1] ?? aged[2] ?? aged[3] ?? '') : undefined;
  return years !== undefined && years < 14 ? { value: true, quote: aged?.[0] ?? '' } : undefined;
}

function parseAge(said: string): number | undefined {
  return /^\d+$/u.test(said) ? Number(said) : parseChineseNumeral(said);
}
