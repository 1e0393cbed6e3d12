/**
 * A complaint or after-sales problem in the customer's unanswered messages: a skin reaction, a defect,
 * a wrong item, a late parcel or the service itself. A complaint changes what the top draft may say:
 * an apology and the policy path, never a sales pitch.
 */
import type { ChatMessage } from '../../conversation/model.ts';
import type { Complaint } from './dialogue-state.ts';

const KINDS: [Complaint['kind'], RegExp][] = [
  ['harm', /刺鼻|辣眼睛|过敏|红疹|起疹|疹子|刺痛|烂脸|发痒|痒痒|闷痘|长痘|爆痘|冒痘|闭口|粉刺|起红|泛红了|脸红了|红肿|磨脚磨出|磨破|起泡/u],
  ['package', /压扁|瘪了|盒子破|箱子破|外包装破|包装破|盒子坏/u],
  ['refund', /(?:退款|退的钱|钱).{0,8}(?:还没到|没(?:到|道)账|还没收到|没退|没收到)|还没(?:到|道)账|没(?:到|道)账/u],
  ['quality', /钻绒|跑绒|漏绒|(?:跟|底|扣子|扣|珠子|钻|拉链|带子|鞋带|吊坠|链子)(?:就|都|已经)?掉了|掉下来了|磨脚|夹脚|硌脚|磨得.{0,4}(?:疼|痛|破)|勾丝|抽丝|脱色|掉扣|掉珠|开裂|跟图片.{0,4}(?:差|不一样)|和图片.{0,4}(?:差|不一样)|色差|破洞|有个洞|有洞|鞋底掉|掉底|扣子掉|拉链坏|拉链.{0,2}拉不|线开了|掉毛|掉皮|脱皮|起皮了|发霉|生锈|染色|皱巴巴|二手|被人穿过|旧的|不是正品|假货|吊牌没|开线|开胶|脱胶|起球|掉色了|褪色了|缩水了|坏了|破了|断了|掉了个|有污渍|有瑕疵|质量(?:太差|问题|不行|真差)|线头|有一股味|发黑|发黄|变色|串色|变形|起毛|脱线|断线|掉钻|掉漆|色差|有异味|味道(?:好|很|太)?(?:大|冲|重)|漏液|漏了|洒了|破损|压坏|压扁|裂了/u],
  ['wrong_item', /发错|寄错|少发|漏发|不是我买的|颜色不对|尺码不对|货不对版|货不对板/u],
  ['delay', /派送中.{0,4}(?:好几天|几天|一直)|显示派送|好几天了?(?:还)?没(?:到|送)|还没到|还没发货|一直没到|怎么还没|催了|等了(?:好几|一个|一周|半个月|好久)|物流.{0,4}不动|物流.{0,4}没(?:更新|动)|几天不动/u],
  ['service', /态度.{0,2}(?:差|不好|恶劣)|爱答不理|不理人|没人理|没人回|不回消息|客服不回|一直不回|垃圾|太坑|坑人|骗子|离谱|恶心|什么玩意|太差劲|差劲|气死|很生气|太生气|无语死|后悔买|投诉|差评|要个说法|给个说法|没人管|没人处理|太失望|再也不来|骗人|欺骗|12315|消协/u],
];

const HYPOTHETICAL = /会不会|会|担心|怕|容易|不会|防止|避免|如果|万一|是否/u;

export function readComplaint(messages: readonly ChatMessage[]): Complaint | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!message || message.speaker !== 'customer') continue;
    for (const [kind, pattern] of KINDS) {
      const match = pattern.exec(message.text);
      // "会不会起球", "怕过敏": a worry before buying is a question, not a complaint.
      // "不起球的毛衣" asks for a sweater that won't pill; "防过敏" is a wish, not a report.
      const before = message.text.slice(Math.max(0, match?.index ?? 0) - 6, match?.index ?? 0);
      if (match && !HYPOTHETICAL.test(before) && !/[不没防抗]$/u.test(before)) return { kind, messageId: message.id, quote: match[0] };
    }
  }
  return undefined;
}
