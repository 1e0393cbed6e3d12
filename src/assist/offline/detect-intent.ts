/**
 * What the customer is asking about, in the script library's intents (问候, 尺码咨询, 价格咨询 ...).
 * Cue words weigh by length (a longer cue is more specific); the result is a score per intent.
 */
import { normalizeAligned } from '../tags/find-phrases.ts';

const cues = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

export const INTENT_CUES: Record<string, string[]> = {
  问候: cues('你好 您好 在吗 在不在 hi hello 哈喽 嗨 早上好 下午好 晚上好 刚加 扫码加 加了你 还记得我 在嘛 在么 亲在吗 有人吗'),
  尺码咨询: cues('尺码 码数 多大码 什么码 哪个码 几码 选哪个码 偏大 偏小 正码 身高 体重 斤 合身 腰围 胸围 肩宽 鞋码 大一码 小一码 半码 尺码表 穿得下 穿不下 码偏 脚背 脚宽 穿啥码 多大号 多大 会不会太大 会不会太小 太大 太小 瘦小 偏瘦 偏胖 大号 小号 码吗 号吗 穿多大 我平时 cm 厘米 头围 手腕 指围'),
  价格咨询: cues('多少钱 价格 价位 什么价 几块钱 怎么卖 贵吗 太贵 有点贵 便宜点 预算 能便宜 划算吗 多钱 多少 什么价位 大概多少 价格一样 便宜些 以内 左右 预算 两三百 三四百 几百'),
  材质咨询: cues('材质 面料 成分 羊毛 羊绒 真丝 纯棉 棉的 麻的 皮的 真皮 起球 掉色 透气 保暖 厚吗 薄吗 会不会皱 怎么洗 机洗 手洗 干洗 过敏吗 什么料 含量 缩水 羊皮 牛皮 磨脚 镀金 含酒精 酒精 容易皱 皱 正常吗 什么材质 材料 手感 闷脚 防水 掉毛 褪色'),
  搭配建议: cues('配啥 搭啥 配点啥 上面配 下面配 搭配 配什么 怎么搭 怎么配 搭什么 内搭 穿搭 配哪 好搭 一起穿 配裤子 配裙子 配鞋 穿什么 怎么穿 显瘦 身材 梨形 苹果型 上衣怎么 约会穿 年会 婚礼穿 面试穿 显气色 试色 配色 有什么推荐 推荐一下 求推荐 有推荐吗 推荐吗 想买 想要一 出去玩 穿什么好'),
  库存咨询: cues('有货 还有吗 有没有 库存 断码 缺货 补货 到货了吗 调货 现货 卖完 还有货 有码吗 有货吗 断货 没了 有木有 还有没有 有现货 到货 补货吗'),
  优惠活动: cues('优惠 活动 折扣 打折 折 满减 优惠券 会员价 促销 赠品 送什么 新品能 能打折 最低价 几折 便宜 减免 新人 新客 福利 力度 双十一 双11 一起用 叠加 能打折吗 打几折 便宜点吗'),
  售后: cues('退货 退款 退换 换货 换码 换尺码 能退 能换 可以退 可以换 维修 能修 保养 坏了 质量问题 开线 开胶 起球了 掉色了 缩水了 拆封 发错 补差价 降价了 才穿了 穿了几次 能修 修一下 换一个 退一下'),
  投诉安抚: cues('投诉 差评 生气 失望 太差 态度 气死 骗人 再也不 什么服务 不满意 无语 过分 要个说法 说法 到底 什么质量 太慢了 说好的 寄错 发错 怎么回事 搞什么 生气了'),
  送礼推荐: cues('送礼 礼物 礼盒 送人 送给 送女朋友 送男朋友 送妈妈 送老婆 送老公 送闺蜜 送长辈 生日礼物 纪念日 礼品 包装成礼物 送什么 送婆婆 结婚送 送给 送她 送他 见面礼 伴手礼'),
  肤质推荐: cues('干皮 油皮 混油 混干 混合皮 敏感肌 肤质 出油 毛孔 长痘 痘痘 保湿 补水 适合我的皮肤 皮肤 泛红 干燥'),
  物流: cues('快递 物流 发货 什么时候到 几天到 多久到 单号 顺丰 寄到 寄过来 收货 地址 配送 还没到 没收到 改地址 包裹 自提 明天能到 后天能到 包邮 盒子破了 快递盒 到杭州 到上海 发顺丰 能寄'),
  会员积分: cues('会员 积分 金卡 黑金 银卡 等级 生日月 注册 积分抵 积分兑换 升级 金卡打 老顾客 积分兑 会员日 多少分抵 分抵一块 分抵1块'),
  预约到店: cues('到店 门店 试穿 预约 营业 几点 在哪里 店在哪 过来看 去店里 停车 试衣 周末过去 明天过去 过去拿 去拿 约个时间 带朋友 晚半小时 约好的 去试 去店里 到店自提 几点关门'),
  促成下单: cues('下单 付款 就要 怎么买 发链接 链接 留一件 要了 我要了 帮我留 开单 拍下 买了 就它了 寄过来 包起来 再考虑 考虑一下 纠结 选哪个 哪个更适合 就拿了 再加个 划算 帮我下单 拿了 帮我拿 给我拿 拿一条 拿一件 拿一双 拿一个 给我来 来一条 来一件'),
  告别: cues('谢谢 多谢 好的 再见 拜拜 晚安 先这样 辛苦了 收到了 没问题了 好嘞 ok 谢啦 谢了 👍 好哒 好滴 知道了'),
};

export type IntentScores = Map<string, number>;

/** A cue that means something else in these words: "到底选哪件" weighs a choice, it is no complaint. */
const NOT_THE_CUE: Readonly<Record<string, RegExp>> = {
  到底: /到底(?:该|要|应该)?(?:选|哪|买哪|穿哪|好不好|适不适合|合不合适|怎么选|怎样选|是不是真|有没有区别|差在)/u,
};

export function detectIntent(text: string): IntentScores {
  const normalized = normalizeAligned(text);
  const scores: IntentScores = new Map();
  for (const [intent, list] of Object.entries(INTENT_CUES)) {
    let score = 0;
    for (const cue of list) if (normalized.includes(cue) && !NOT_THE_CUE[cue]?.test(normalized)) score += cue.length >= 3 ? 1.5 : cue.length === 2 ? 1 : 0.6;
    if (score > 0) scores.set(intent, score);
  }
  // "你好，想买双鞋子…": a greeting in front of a real question is politeness, not the intent.
  const greeting = scores.get('问候');
  if (greeting !== undefined && scores.size > 1) scores.set('问候', greeting * 0.3);
  return scores;
}

/** The strongest intent and its share of all intent evidence (0..1); undefined when nothing matched. */
export function topIntent(scores: IntentScores): { intent: string; share: number } | undefined {
  let best: string | undefined;
  let bestScore = 0;
  let total = 0;
  for (const [intent, score] of scores) {
    total += score;
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : { intent: best, share: bestScore / total };
}

/** FAQ topics answer these intents. */
export const FAQ_TOPIC_INTENTS: Record<string, string[]> = {
  退换货: ['售后'],
  配送: ['物流', '库存咨询'],
  会员: ['会员积分', '优惠活动'],
  积分: ['会员积分'],
  维修: ['售后'],
  支付: ['促成下单'],
  门店: ['预约到店', '库存咨询', '送礼推荐'],
  保养: ['材质咨询', '售后'],
};
