/**
 * A complaint gets an apology and the policy path first, and the next step the guide can take now
 * (photos and the batch number, 到店处理, the manager). Never a product pitch.
 */
import type { Complaint, DialogueState } from '../dialogue/dialogue-state.ts';
import { DOUBLE_CHARGE, EVIDENCE_SENT, EXPERIENCED, TARNISH } from '../dialogue/complaint-words.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';
import { findAnyFaq } from './find-faq.ts';
import { concernFor, fabricConcern } from './fabric-concern.ts';

const OPENING: Record<Complaint['kind'], string> = {
  harm: '非常抱歉让您用得不舒服！请先停用，症状明显的话及时就医。麻烦把产品、批号和皮肤的照片发给我，我马上登记并帮您跟进处理；方便的话也可以到店，我们当面帮您处理。',
  quality: '非常抱歉给您带来不好的体验！签收30天内的质量问题可以享受质量问题30天包换，麻烦拍一下问题部位和吊牌的照片发给我，我马上帮您登记；方便的话也可以直接到店，我们当场帮您处理。',
  wrong_item: '非常抱歉给您发错了！麻烦拍一下收到的商品和快递面单发给我，我马上核实，给您安排换成您买的那款。',
  package: '非常抱歉，东西到您手上就坏了，给您添麻烦了！麻烦拍一下外箱、面单和商品的照片发给我，商品有问题的话我马上给您安排换货。',
  delay: '非常抱歉让您久等了！麻烦把订单号发给我，我马上联系顺丰核实包裹位置，有结果第一时间告诉您。',
  refund: '非常抱歉让您久等了！麻烦把订单号发给我，我马上帮您查退款进度，有结果第一时间告诉您。',
  service: '非常抱歉给您带来这么不好的体验，您的心情我完全理解。麻烦说一下具体情况，我马上记录并请店长跟进，尽快给您一个处理方案。',
  general: '非常抱歉给您带来不好的体验！麻烦说一下具体情况，有照片的话也发给我，我马上帮您处理。',
};

/** Words that lead the FAQ search to the policy for the kind of problem. */
const FAQ_HINT: Record<Complaint['kind'], string> = { harm: '过敏 不适 拆封 美妆', quality: '质量问题 包换', wrong_item: '发错 寄错 少件', delay: '物流 没收到 丢件', refund: '退款 到账 多久', package: '收到的包裹破了怎么办 破损', service: '', general: '' };

/** A category in the words the FAQ uses for it (beauty's own FAQ is about opened products, not defects). */
const CATEGORY_WORDS: Record<string, string> = { 服装: '衣服', 鞋履: '鞋子 鞋', 配饰: '首饰 包' };

/** A problem quoted mid-phrase ("染得", "划痕") in the words an apology can say it with. */
const SPOKEN: [RegExp, string][] = [
  [/^(?:染得|染成|搭色|染色|染蓝|全染)$/u, '串色'],
  [/^(?:划痕|刮痕|划花|刮花|磨花)$/u, '有划痕'],
  [/^(?:磕坏|磕掉|磕了个)$/u, '磕坏'],
  [/^有个东$/u, '有个洞'],
  [/^断(?:的|开)$/u, '断'],
  [/^(?:全是毛|都是毛|一身毛|沾一身毛|沾了一身毛|粘一身毛|粘了一身毛|粘不干净)$/u, '掉毛'],
  [/^(?:磨没了|皮磨掉|露出里面)$/u, '磨损'],
  [/^水都是.的$/u, '掉色'],
  [/^(?:一圈白|白印子?|盐渍)$/u, '沾上白印'],
  [/^拉链.{0,2}拉不$/u, '拉链拉不动'],
];
const spoken = (problem: string): string => SPOKEN.find(([word]) => word.test(problem))?.[1] ?? problem;

/** "非常抱歉，毛衣起球了给您添麻烦了！": the apology names the problem in the customer's words. */
/** "磨得后脚跟全是血泡": shoes that hurt, not a skin reaction to a cream. */
function footSore(state: DialogueState, complaint: Complaint): boolean {
  // "鞋垫那块硌脚 里面有个东西凸出来": something in the shoe is a defect, not a pair to break in.
  const hurt = complaint.kind === 'harm' || (complaint.kind === 'quality' && (/磨脚|夹脚|挤脚|硌脚|磨得|磨出/u.test(complaint.quote) || /压(?:得|脚)[^，。]{0,3}(?:疼|痛)|太硬[^。]{0,12}(?:疼|痛)|顶脚|挤得/u.test(state.newestText)) && !/凸|鼓|东西|钉|硬块|线头|扎/u.test(state.newestText + complaint.quote));
  return hurt && /鞋|靴|脚/u.test(`${complaint.quote} ${state.newestText}`) && !/膏|霜|精华|乳|水|面膜|防晒|口红/u.test(state.newestText);
}

function apology(state: DialogueState, complaint: Complaint): string {
  // "羽绒服钻毛…裤子上全是毛": the thing named before the problem is the one it is about.
  const category = state.slots.category;
  const namedAt = category?.messageId === complaint.messageId ? state.newestText.indexOf(category.value.word) : -1;
  // "马海毛开衫…黑裤子上全是毛": what they bought, when the message names it, is what the problem is about.
  // The longest end of its name the customer used ("牛仔裤", not "裤").
  const said = (name: string): string | undefined => /(?:牛仔裤|阔腿裤|西装裤|休闲裤|瑜伽裤|直筒裤|连衣裙|半身裙|针织衫|羊绒衫|开衫|毛衣|大衣|外套|衬衫|丝巾|方巾|披肩|围巾|手套|腰带|钱包|卡包|戒指|耳环|耳钉|项链|手链|手镯|裤|裙|鞋|靴|包|帽|精华|面霜)$/u.exec(name)?.[0];
  const bought = state.relationship.purchases.map((p) => said(p.name)).find((w) => w !== undefined && state.newestText.includes(w));
  const thing = bought ?? (category && namedAt >= 0 && namedAt < state.newestText.indexOf(complaint.quote) ? category.value.word : '');
  if (complaint.kind === 'package') {
    if (/压|瘪|箱|盒/u.test(complaint.quote)) return '非常抱歉，快递包装在路上被压坏了，给您添麻烦了！';
    const broke = spoken(complaint.quote).replace(/^(?:收到|到手|拆开|打开)(?:就|时|的时候)?(?:是)?/u, '').replace(/[的了]$/u, '');
    // "香水瓶口那里裂了" says what broke; "碎了" alone says when.
    return broke.length > 3 ? `非常抱歉，${broke}了，收到就是这样真的给您添麻烦了！` : `非常抱歉，收到就${broke}了，给您添麻烦了！`;
  }
  // "我这盒里就一个 没有替换芯": the missing piece named back.
  const missingPiece = complaint.kind === 'wrong_item' ? /(?:没有|少了|缺了?)\s*([^\s，。！？?!]{2,6})\s*$/u.exec(state.newestText)?.[1] : undefined;
  if (missingPiece && !/^(?:东西|货)$/u.test(missingPiece)) return `非常抱歉，少发了${missingPiece}，给您添麻烦了！`;
  if (footSore(state, complaint)) return `非常抱歉，${thing || '新鞋'}${/泡|破|血|伤/u.test(state.newestText) ? '把您的脚磨伤了' : '穿着磨脚'}，给您添麻烦了！`;
  if (complaint.kind === 'harm') return `非常抱歉，${thing ? `${thing}` : ''}用了之后皮肤不舒服，给您添麻烦了！`;
  // Only a problem's own name is echoed ("毛衣起球了"); the customer's longer account is not repeated back.
  // A short account of what use did to it ("洗一水就缩了") is echoed too.
  const told = complaint.kind === 'quality' && !complaint.problem && complaint.quote.length <= 10 && new RegExp(`^(?:${EXPERIENCED.source})`, 'u').test(complaint.quote) && !/^(?:收到|到手|拿到|买的|刚买|寄来|寄过来|到货|买回来)/u.test(complaint.quote) ? complaint.quote : undefined;
  const named = complaint.kind === 'quality' || /^(?:发错|寄错|少发|漏发)/u.test(complaint.problem ?? '') ? (complaint.problem ?? told) : undefined;
  // "是不是面料有问题" is their question, not a problem to name back.
  // Nor a long or odd one ("一股特别冲的皮革味", "真“持久”啊"): the apology alone says enough.
  const problem = named && !/是不是|问题/u.test(named) && named.length <= 6 && !/^有|[“”"'啊呀吗呢]|一股|两个色|一坨|尺码表|实物|黑点|黑渣|渣|杂质|异物|灰蒙蒙/u.test(named) ? `${thing}${spoken(named).replace(/了$/u, '')}了，` : '';
  return `非常抱歉，${problem}给您添麻烦了！`;
}

/**
 * The top draft is the apology with the policy path (the FAQ's steps); the kind-specific steps and the
 * library's apology scripts follow.
 */
/** The guide already answered the problem; the customer's next step is answered, not the first apology again. */
function followUp(kb: KnowledgeBase, state: DialogueState, complaint: Complaint): Part | undefined {
  const said = state.newestText;
  // "呵呵" after the guide's apology: no more excuses, a commitment.
  if (/^\s*(?:呵呵|呵|哦|噢|行吧|好吧|随便|随便吧|无语)[。！!～~.]*\s*$/u.test(said)) return { text: '真的很抱歉，答应您的没做到是我们的问题，不找理由了。我现在就在跟进，今天之内一定给您一个明确的答复。', products: [] };
  if (/\d{8,}/u.test(said)) return { text: `不好意思让您久等了！订单号收到了，我马上${complaint.kind === 'delay' ? '联系顺丰核实包裹位置' : complaint.kind === 'refund' ? '帮您查退款进度' : '帮您查订单'}，有结果第一时间告诉您。`, products: [] };
  if (/赔|补偿|怎么算|给个说法|要个说法/u.test(said)) return { text: '非常抱歉，给您添的麻烦我们很重视。赔偿和补偿要由店长根据情况确认，我现在就把情况报给店长，今天之内给您答复；相关的票据和照片也请先保留好。', products: [] };
  // "你们是重新发还是退钱啊 我要的是东西": a lost parcel is sent again, at our cost.
  if (complaint.kind === 'delay' && /重新发|补发|再发|我要的是东西|要东西/u.test(said)) {
    const lost = answerFromFaq(kb, '物流', `${said} 丢件 重新安排发货`, 0, undefined, '如确认丢件 重新安排发货');
    return { text: '非常抱歉，给您添麻烦了！和顺丰确认丢件后，我们马上给您重新发一件同款，发出后把新单号发您，不用您承担任何费用；您要是想改成退款，也可以直接办。', products: [], ...(lost ? { approvedText: lost.approvedText ?? lost.text, faqId: lost.faqId } : {}) };
  }
  if (/退款|退钱|退掉|退了吧|不想换/u.test(said)) {
    const refund = answerFromFaq(kb, '售后', `${said} 退货 退款 多久到账`, 0, undefined, '退款 原路退回');
    if (refund) return { ...refund, text: `非常抱歉，给您添麻烦了！可以帮您办理退货退款，${refund.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "送的小样我拆了用了一点 也要一起寄回去吗": what happens to gifts and points on a return.
  if (/赠品|小样|送的|积分/u.test(said) && /寄回|退回|一起|扣|退吗|要还|还要/u.test(said)) {
    const gifts = answerFromFaq(kb, '售后', `${said} 赠品 小样 一并退回 积分`, 0, undefined, '赠品 小样 一并退回');
    if (gifts) return { ...gifts, text: `不好意思给您添麻烦了！${gifts.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "拍了 那能退吗" after a skin reaction: opened skincare goes the way of a reaction, recorded and followed up.
  if (complaint.kind === 'harm' && /退|换/u.test(said)) {
    const opened = answerFromFaq(kb, '投诉安抚', `${said} 过敏 不适 拆封 退换`, 0, undefined, FAQ_HINT.harm);
    if (opened) return { ...opened, text: `收到，给您添麻烦了！${opened.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "单号发你了 到底啥时候能到": when the refund arrives, said plainly.
  if (complaint.kind === 'refund' && /什么时候|啥时候|多久|几天|到底/u.test(said)) {
    const when = answerFromFaq(kb, '售后', '退款 多久到账 原路退回', 0, undefined, '退款 原路退回');
    if (when) return { ...when, text: `不好意思让您久等了！我这边在帮您催退款进度。${when.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "拍了 要我寄回去吗": sending back a wrong item costs the customer nothing.
  // "照片发你了 我寄回去换的话是不是直接到付就行": a defect goes back at our cost too.
  if ((complaint.kind === 'quality' || complaint.kind === 'package') && !TARNISH.test(`${complaint.quote} ${said}`) && /到付|寄回(?:去|来)?(?:换|还是)|运费|邮费|快递费|拿到店|拿去店|到店里|去店里|来店里|然后呢|怎么弄|咋弄|怎么处理|咋处理/u.test(said)) return { text: '不好意思给您添麻烦了！寄回或者拿到门店都可以：寄回的话用顺丰到付，运费由我们承担，地址我发给您，收到后马上给您换新；拿到门店的话我们当场帮您处理。', products: [] };
  if (complaint.kind === 'wrong_item' && /寄回|寄过去|退回去|怎么寄|寄哪|去寄|自己寄|要寄吗|怎么处理|咋处理|怎么办/u.test(said)) return { text: '不好意思给您添麻烦了！是我们发错了，寄回的运费由我们承担，您用顺丰到付寄回就行，地址我发给您；也可以直接拿到门店，我们当场给您换。', products: [] };
  // "照片发你了 能修不": the repair policy for the kind they bought.
  if (/修|维修/u.test(said)) {
    const product = state.relationship.purchases[0] ?? state.slots.focus?.value;
    const kind = !product ? '' : /包/u.test(product.subcategory) ? '皮包 皮具 五金 更换五金' : product.category === '鞋履' ? '修鞋 鞋履修补' : /首饰|耳|项链|手链|戒指/u.test(`${product.subcategory}${product.name}`) ? '首饰 寄修' : `${product.subcategory} 改衣`;
    const repair = answerFromFaq(kb, '售后', `${said} ${kind} 维修 修补 报价`, 0, undefined, '维修 修补 寄修 报价');
    if (repair) return { ...repair, text: `收到，给您添麻烦了！${repair.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "拍了发你了 订单上写的明明是黑色L … 下礼拜就要穿": the wrong one is put right, at our cost, in time if it can be.
  const urgent = /明天|后天|这周|下周|下礼拜|下星期|马上|急|赶|就要穿|要穿|要用/u.test(said) ? '您着急要，我优先给您安排，' : '';
  if (complaint.kind === 'wrong_item' && EVIDENCE_SENT.test(said)) return { text: `收到，给您添麻烦了！确实是我们发错了，${urgent}马上给您换成您下单的那款；寄回的运费由我们承担，您用顺丰到付寄回就行，也可以直接拿到门店当场换。`, products: [] };
  if (EVIDENCE_SENT.test(said)) return { text: `收到，给您添麻烦了！${urgent || '我'}马上登记并确认处理方式，签收30天内的质量问题可以享受质量问题30天包换，确认好了第一时间告诉您。`, products: [] };
  return undefined;
}

/** Wear that use explains: pilling, dye running, a washed sheen, a knit stretched, salt marks. */
const WEAR_FROM_CARE = /结块|团成|成团|一坨|结成|深坑|烧成(?:一个)?坑|没化|起球|全是球|掉色|褪色|染蓝|染成|染了|浮色|全是蓝|发白|变形|拉长|白印|盐渍|一圈白|皱得|皱巴巴|皱成/u;
/** How it came about: washed, hung, worn, walked in. */
const CARE_CAUSE = /洗|晾|穿了|穿几次|穿两次|穿一次|踩|泡|淋|点了|点燃|烧/u;

/** "裤子改好了没 说三到五天 今天都第八天了": an alteration running late is the tailor's, not the courier's. */
const ALTERATION = /改好|改裤|修改|改短|改长|裤长|师傅|改衣/u;

/** A defect found more than 30 days after buying: the repair terms, not the exchange. */
function lateDefect(state: DialogueState, complaint: Complaint): boolean {
  return complaint.kind === 'quality' && (state.relationship.boughtDaysAgo ?? 0) > 30;
}

/** The kind of thing complained about: the purchase, else the product in view, else the kind named. */
function kindComplainedOf(state: DialogueState): string | undefined {
  return (state.relationship.purchases[0] ?? state.slots.focus?.value)?.category ?? state.slots.category?.value.category;
}

/**
 * Where a complaint's policy is looked up and the words that lead the search there: past the 30 days the
 * repair; tarnished silver its cleaning; an opened lipstick's shade its own terms; sore feet the shoe care;
 * a defect told without asking for a repair the exchange terms (质量投诉 leaves the repair menu out).
 */
function policyPath(state: DialogueState, complaint: Complaint): { intent: string; lead: string } {
  if (lateDefect(state, complaint)) return { intent: '售后', lead: '维修 修补 报价 超过30天' };
  // "手链有点发黑了 … 咋弄能弄亮".
  if (TARNISH.test(`${complaint.quote} ${state.newestText}`)) return { intent: '售后', lead: '首饰可以清洗吗 银饰 发黑 抛光' };
  // "口红拆了涂了一次 颜色差太多": a shade after it was opened, not a defect (a pump that broke is one).
  if (complaint.kind === 'quality' && kindComplainedOf(state) === '美妆' && /拆|涂了|用了|试了|开封|打开/u.test(state.newestText) && /颜色|色号|色差|试色/u.test(state.newestText)) {
    return { intent: '投诉安抚', lead: '口红 粉底 拆封后觉得色号不对 试色 色号' };
  }
  if (footSore(state, complaint)) return { intent: '投诉安抚', lead: '新鞋磨脚 撑鞋 后跟贴' };
  return { intent: complaint.kind === 'quality' && !/变色|断/u.test(state.newestText) ? '质量投诉' : '投诉安抚', lead: FAQ_HINT[complaint.kind] };
}

/** "店员上下打量我 说这件很贵的哦 … 看不起人？": what happened is told; the apology asks no more about it. */
function toldInFull(state: DialogueState, complaint: Complaint): boolean {
  return (complaint.kind === 'service' || complaint.kind === 'general') && state.newestText.replace(/\s/gu, '').length >= 20;
}

export function answerComplaint(kb: KnowledgeBase, state: DialogueState, complaint: Complaint): Part[] {
  const alteration = complaint.kind === 'delay' && (complaint.problem === '改衣' || ALTERATION.test(state.newestText));
  const opening: Part = alteration
    ? { text: '非常抱歉让您久等了，说好的时间没做到是我们的问题！我现在就去催师傅，能不能按您要的时间改好，我问清楚马上回您；改好了第一时间通知您来取，或者顺丰给您寄过去。', products: [] }
    : DOUBLE_CHARGE.test(`${complaint.quote} ${state.newestText}`)
      ? { text: '非常抱歉，给您添麻烦了！麻烦把两笔扣款的支付记录截图和订单号发我，我马上核实，多扣的那笔会原路退回给您，有结果第一时间告诉您。', products: [] }
      : { text: toldInFull(state, complaint) ? OPENING[complaint.kind].replace(/麻烦说一下具体情况[，,]我马上记录并/u, '您说的情况我都记下了，马上').replace(/麻烦说一下具体情况[，,]/u, '您说的情况我都记下了，') : OPENING[complaint.kind], products: [] };
  const next = complaint.ongoing ? followUp(kb, state, complaint) : undefined;
  if (next) return [next, opening];
  // "袖口起球了 这正常吗": say honestly what is wear and what is a fault, then look at it together.
  const product = state.relationship.purchases[0] ?? state.slots.focus?.value;
  const asksIfNormal = /正常吗|正不正常|是不是质量问题|算质量问题吗/u.test(state.newestText);
  const worry = `${complaint.quote} ${spoken(complaint.quote)}`;
  // "洗了一次 一盆水全是蓝的", "挂起来晾 领口全拉长了": wear that the washing or wearing explains gets its care, with the exchange open.
  const fromCare = (complaint.kind === 'quality' || complaint.kind === 'general' || complaint.kind === 'service') && WEAR_FROM_CARE.test(`${state.newestText} ${complaint.quote}`) && CARE_CAUSE.test(state.newestText);
  // Without the purchase on record, what they call it says the material ("亚麻衬衫洗完皱得…").
  const wear = !fromCare ? undefined : product ? fabricConcern(product, `${worry} ${state.newestText}`) : concernFor(state.newestText, `${worry} ${state.newestText}`);
  // "穿了两次腋下全是球": after so little wear, "normal" is not what a guide says; the care and the exchange still are.
  const soon = /(?:才|就|只)?(?:穿|洗|用)了?(?:一|两|几|1|2|3)次/u.test(state.newestText);
  if (wear && soon) return [{ text: `${apology(state, complaint)}才${/洗/u.test(state.newestText) && !/穿/u.test(state.newestText) ? '洗' : '穿'}这么几次就这样，确实不应该。${wear.replace(/，?属于正常(?:现象)?/u, '').replace('穿久了会有轻微起球', '更容易起球')}。如果按这样打理还是不行，麻烦拍张照片给我，签收30天内的质量问题可以享受质量问题30天包换，我帮您看看～`, products: [] }, opening];
  if (wear) return [{ text: `${apology(state, complaint)}${wear}。如果按这样打理还是不行，或者才穿一两次就很明显，麻烦拍张照片给我，签收30天内的质量问题可以享受质量问题30天包换，我帮您看看～`, products: [] }, opening];
  const concern = !asksIfNormal ? undefined : product ? fabricConcern(product, worry) : concernFor(state.newestText, worry);
  if (concern) return [{ text: `给您添麻烦了！${concern}。如果情况比较严重或者才穿一两次就这样，可能是面料问题，麻烦拍张照片给我，签收30天内的质量问题可以享受质量问题30天包换，我帮您看看～`, products: [] }, opening];
  // "扣子坏了 能修吗": a repair asked for is answered with the repair policy.
  // "能修吗 还是只能换": inside the 30 days the exchange answers both; a repair alone is asked for as such.
  const either = /还是(?:只能)?换|能换吗|换一?(?:个|件|条|双)?新/u.test(state.newestText) && !lateDefect(state, complaint);
  // "西装扣子掉了一颗 明天要见客户 这咋整": a button in a hurry is sewn back on, not exchanged.
  const urgentButton = /扣子?[^，。]{0,3}掉|纽扣[^，。]{0,3}掉|掉了一?颗扣/u.test(state.newestText) && /明天|今天|马上|急|赶|来不及/u.test(state.newestText);
  const repair = !either && (urgentButton || /修|维修|补|钉一下|缝一下|钉上|缝上|钉扣|换(?:个|条)?拉链/u.test(state.newestText)) ? '维修 修补 缝补 钉扣' : '';
  // "银手链戴了没多久就发黑了": silver darkening is oxidation, cleaned free of charge.
  const silver = TARNISH.test(`${state.newestText} ${complaint.quote}`) && /银|手链|项链|戒指|耳钉|首饰/u.test(state.newestText);
  if (silver) {
    const care = answerFromFaq(kb, '售后', '银饰 氧化 发黑 擦银布 抛光 免费清洗', 0, undefined, '银饰 氧化 发黑');
    // "你们这银的纯不纯啊": what it is made of, said first.
    const made = product && /纯不纯|真银|纯银|是不是银|银的吗/u.test(state.newestText) ? String(product.attributes['材质'] ?? '').split(/[ ,，]/u).find((m) => /银/u.test(m)) : undefined;
    if (care) return [{ ...care, text: `非常抱歉让您担心了！${made ? `${product?.name.includes(made) ? '这款' : product?.name}是${made}的，` : ''}${care.text.replace(/^可以的?[。，]/u, '')}如果是刚买不久就严重发黑，也可以拿到门店帮您检测，是质量问题按质量问题30天包换处理。` }, opening];
  }
  // "只有水和乳 霜呢": a piece missing is sent on, not exchanged like a wrong one.
  const missing = complaint.kind === 'wrong_item' && /只有|少|缺|漏|没在|没有|找不到|就到了?[一1]/u.test(complaint.quote);
  // The kind of thing it is about leads to its policy: a dress that shrank is no opened face cream.
  // Only for the problem first told: a next-step question ("运费谁出") is searched by its own words.
  // A lipstick that snapped or a pump that broke is a defect like any other, not an opened cream's terms.
  const broken = complaint.kind === 'quality' && /断|折|裂|碎|漏|按不出|喷不出|拧不开|坏/u.test(complaint.quote);
  const about = complaint.ongoing || broken ? undefined : kindComplainedOf(state);
  // "你们不会卖假货吧": that it is genuine, then a look at the batch to be sure.
  const genuine = /假|正品|山寨|高仿|次一点|以次充好|不是真钻/u.test(`${complaint.quote} ${state.newestText}`) ? findAnyFaq(kb, '你们家是正品吗 假货') : undefined;
  if (genuine) {
    const batch = kindComplainedOf(state) === '美妆' ? '麻烦拍一下瓶身或盒底的批号发给我' : '麻烦拍一下吊牌和您收到的包装发给我';
    return [{ text: `非常抱歉让您担心了！${genuine.answer.replace(/^是的[，。]/u, '')}${batch}，我马上帮您核实。`, products: [], approvedText: genuine.answer, faqId: genuine.id }, opening];
  }
  // "满减了100 … 怎么只退了我1230多": part of a reduced order refunds what each piece cost after the reduction.
  const reduced = /满减|满\d+减|减了/u.test(state.newestText) && /只退|少退|退少|才退|怎么退了?/u.test(state.newestText);
  const split = reduced ? answerFromFaq(kb, '售后', `${state.newestText} 满减 部分退货 实付金额`, 0, undefined, '参加满1000减100的订单部分退货时 按各商品实付金额退款') : undefined;
  const rule = split && (split.approvedText ?? split.text).split('。').find((sentence) => /实付/u.test(sentence));
  if (split && rule) return [{ ...split, text: `不好意思让您担心了！${rule}：减掉的金额是按各件的价格分摊的，所以退的是这件分摊后的实付金额。麻烦把订单号发我，我帮您把明细核对一遍发给您。` }, opening];
  if (urgentButton) {
    const mend = findAnyFaq(kb, '衣服修补 开线 掉扣 缝补 钉扣');
    const terms = mend ? mend.answer.split('；')[0] ?? mend.answer : '';
    const when = /今天|明天|后天/u.exec(state.newestText)?.[0];
    return [{ text: `${apology(state, complaint)}您${when ?? '马上'}就要穿的话，方便的话尽快拿到门店，我请师傅优先帮您把扣子钉上，能不能赶在您要穿之前，我确认好马上回您。${terms ? `${terms}。` : ''}`, products: [], ...(mend ? { approvedText: mend.answer, faqId: mend.id } : {}) }, opening];
  }
  // "豆沙粉涂上去是土棕色 跟图上完全两个色": make-up that looks unlike its picture — the shade checked in daylight.
  if (complaint.kind === 'quality' && /色差|两个色|颜色不一样|不是一个色|跟(?:你们)?图|卖家秀|色号|偏(?:橘|黄|黑|红)/u.test(`${state.newestText} ${complaint.quote}`) && (product?.category === '美妆' || /口红|唇|粉底|眼影|腮红|色号|涂上|上嘴|上脸/u.test(state.newestText))) {
    const shade = answerFromFaq(kb, '质量投诉', '颜色和图片有差异 自然光 试色 色号', 0, undefined, '颜色和图片有差异 自然光下 试色');
    if (shade) return [{ ...shade, text: `非常抱歉让您失望了！${shade.text}` }, opening];
  }
  const path = policyPath(state, complaint);
  const faq = answerFromFaq(kb, repair ? '售后' : path.intent, `${(broken && !repair) || complaint.kind === 'wrong_item' ? '' : state.newestText} ${complaint.quote} ${about ? CATEGORY_WORDS[about] ?? '' : ''}`, 0, undefined, repair || (missing ? '少件 补发' : path.lead));
  if (!faq || complaint.kind === 'service' || complaint.kind === 'general') return [opening];
  // A late refund or parcel: the concrete next step (the order number) comes first, the policy after.
  const withPolicy: Part = { ...faq, text: `${apology(state, complaint)}${faq.text.replace(/^可以的?[。，]/u, '')}` };
  // "顺丰说包裹丢了": what happens to a lost parcel (sent again) is the answer, before the order number.
  // "显示签收了我没收着": where to look and what happens next is the answer.
  if (complaint.kind === 'delay' && /丢|签收/u.test(complaint.quote)) return [withPolicy, opening];
  // "只退了425 我买的时候明明459": less back than paid is how an offer was shared out, explained, and checked.
  if (complaint.kind === 'refund' && /只退了|少退了|退少了|差了[^，。]{0,6}块/u.test(state.newestText)) {
    const shared = answerFromFaq(kb, '售后', '部分退货 满减 实付金额 退款 积分', 0, undefined, '满1000减100 实付金额');
    if (shared) return [{ ...shared, text: `${apology(state, complaint)}一般是这样：${shared.text.replace(/^可以的?[。，]/u, '')}麻烦把订单号发给我，我逐项核对实付和退款金额给您看。` }, opening];
  }
  // "钱退到哪去了": where the money goes is the answer, before the order number.
  // "是不是哪里出了问题还是要再等等": how long it takes is the answer, before the order number.
  if (complaint.kind === 'refund' && /退到哪|哪(?:去|里|儿)了|去哪了|再等等|要等|多久|几天|什么时候|啥时候|几时|正常吗|出了问题/u.test(state.newestText)) return [withPolicy, opening];
  if (complaint.kind === 'refund' || complaint.kind === 'delay') return [opening, withPolicy];
  // Already signed for: what to check at the door is advice for next time, not this answer.
  const policy = faq.text.replace(/^可以的?[。，]/u, '').replace(/^建议签收时[^。]*。/u, '');
  // Past the 30 days: said plainly, then the repair.
  const steps = lateDefect(state, complaint) ? policy.replace(/^签收30天内[^；。]*[；。]超过30天或[^，]*，/u, '已经过了质量问题30天包换的时间，') : policy;
  // The FAQ's steps may already say 请先停用: said once.
  const stop = /停用/u.test(steps) ? '症状明显的话及时就医。' : '请先停用，症状明显的话及时就医。';
  // "戴了那个几何耳环 耳朵又红又肿": jewellery is taken off, not "stopped".
  const jewel = /耳环|耳钉|耳饰|项链|手链|手镯|戒指|首饰/u.exec(`${state.newestText} ${product?.subcategory ?? ''} ${product?.name ?? ''}`)?.[0];
  const takeOff = jewel ? `先把${jewel === '首饰' ? '首饰' : jewel}摘下来，先别再戴，` : '';
  // "到底还能不能用啊": not until it is checked.
  const notYet = complaint.kind === 'quality' && /能不能用|还能用吗|能用吗|还能用不/u.test(state.newestText) ? '在确认之前先别用了，' : '';
  const lead = complaint.kind === 'harm' && !footSore(state, complaint) ? `${apology(state, complaint)}${takeOff}${stop}` : `${apology(state, complaint)}${notYet}`;
  // "鞋头开胶了 咋寄回去啊": how a defect goes back, and that we pay for it.
  const sendBack = (complaint.kind === 'quality' || complaint.kind === 'wrong_item') && /(?:咋|怎么|如何|要)(?:寄|退)回|寄回去|寄到哪|运费|邮费|快递费/u.test(state.newestText) ? findAnyFaq(kb, '退货的运费谁出 到付') : undefined;
  const postage = sendBack && !steps.includes('到付') ? sendBack.answer.replace(/^七天无理由[^；。]*[；。]/u, '').replace(/^质量问题退换由我们承担/u, '寄回的运费由我们承担') : '';
  // "要寄回去换 地址给我下": where it goes back starts with the order number.
  const address = (complaint.kind === 'quality' || complaint.kind === 'wrong_item') && /地址|寄到哪|寄哪|往哪寄/u.test(state.newestText) ? findAnyFaq(kb, '退货寄到哪个地址 寄回地址') : undefined;
  const where = address && !steps.includes('订单号') ? address.answer.replace(/^可以的?[。，]/u, '') : '';
  const parts: Part[] = [{ ...faq, text: `${lead}${steps}${postage}${where}`, ...(postage && sendBack ? { approvedText: `${faq.approvedText ?? faq.text}\n${sendBack.answer}` } : {}) }, opening];
  return parts;
}
