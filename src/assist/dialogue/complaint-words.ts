/**
 * The words complaints are made of. Two kinds of evidence: a named defect or problem (起球, 发错, 退款没到)
 * that is a complaint on its own, and the pair "something received, worn or used" + "a bad outcome"
 * (穿了一次就不行了, 面霜用着有点刺刺的) that says the same in the customer's own words.
 */
import type { Complaint } from './dialogue-state.ts';

/** Named problems, checked in this order. */
export const NAMED_PROBLEMS: [Complaint['kind'], RegExp][] = [
  ['harm', /刺鼻|辣眼睛|过敏|红疹|起疹|疹子|刺痛|烂脸|发痒|痒痒|闷痘|长痘|爆痘|冒痘|闭口|粉刺|起红|泛红了|脸红了|红肿|磨脚磨出|磨破|起泡/u],
  ['package', /压扁|瘪了|盒子破|箱子破|外包装破|包装破|盒子坏/u],
  ['refund', /(?:退款|退的钱|钱).{0,8}(?:还没到|没(?:到|道)账|还没收到|没退|没收到)|还没(?:到|道)账|没(?:到|道)账|钱退了没|退款呢|退款.{0,4}(?:多久|怎么还)/u],
  ['quality', /钻绒|跑绒|漏绒|钻毛|跑毛|掉绒|变(?:成|了)?.?色了?|(?:跟|底|扣子|扣|珠子|钻|拉链|带子|鞋带|吊坠|链子|五金|配件|logo|标)(?:就|都|已经)?掉了|掉下来了|磨脚|夹脚|硌脚|磨得.{0,4}(?:疼|痛|破)|勾丝|抽丝|脱色|掉扣|掉珠|开裂|裂开|(?:跟|和)(?:图片|描述|详情).{0,4}(?:差|不一样)|色差|破洞|有个洞|有洞|鞋底掉|掉底|拉链坏|拉链.{0,2}拉不|线开了|掉毛|掉皮|脱皮|起皮了|发霉|生锈|染色|皱巴巴|二手|被人穿过|旧的|不是正品|假货|吊牌没|开线|开胶|脱胶|起球|掉色了|褪色了|缩水|坏了|破了|断了|断成|掉了个|有污渍|有瑕疵|质量(?:太差|问题|不行|真差|真的不行|很差|好差)|线头|有一股味|一股.{0,2}味|怪味|发黑|发黄|变色|串色|变形|起毛|脱线|断线|掉钻|掉漆|有异味|味道(?:好|很|太)?(?:大|冲|重)|漏液|漏了|洒了|破损|压坏|裂了/u],
  ['wrong_item', /买的是.{1,10}(?:寄来|收到|发来|到手|发过来|给我发)的(?:是|却是)|只收到(?:一|1|了一)|少了(?:一|个|件|条|双|瓶|支)|缺了(?:一|个|件)|发错|寄错|少发|漏发|不是我买的|颜色不对|尺码不对|货不对版|货不对板|少了(?:一|个|件|条|双|瓶|支)|(?:和|跟)我(?:下单|买|拍|订)的不(?:是|一样)/u],
  ['delay', /派送中.{0,4}(?:好几天|几天|一直)|显示派送|好几天了?(?:还)?没(?:到|送)|还没到|还没发货|还是没(?:有)?(?:发货|物流)|没有发货信息|一直没到|怎么还没|催了|等了(?:好几|一个|一周|半个月|好久)|物流.{0,4}不动|物流.{0,4}没(?:更新|动)|几天不动|说好.{0,6}(?:到|发)/u],
  ['service', /态度.{0,2}(?:差|不好|恶劣)|爱答不理|不理人|没人理|没人回|不回消息|客服不回|一直不回|垃圾|太坑|坑人|骗子|离谱|恶心|什么玩意|太差劲|差劲|气死|很生气|太生气|无语死|后悔买|投诉|差评|要个说法|给个说法|没人管|没人处理|失望|再也不来|骗人|欺骗|12315|消协|不满意/u],
];

/** Something the customer has received, worn, washed or used: the bad outcome that follows is about it. */
export const EXPERIENCED = /收到|到手|拿到|寄来|寄过来|到货|买的|刚买|买回来|穿了|穿着|穿上|穿完|用了|用着|用完|洗了|洗完|洗过|戴了|戴着|戴上|涂了|擦了|抹了|才穿|才用|才戴|到了但|打开/u;

/** A bad outcome after it, by kind: skin and body first, then the wrong thing, then the thing itself. */
export const BAD_OUTCOMES: [Complaint['kind'], RegExp][] = [
  ['harm', /刺刺|扎扎|痒|疙瘩|红了|发红|难受|不舒服|闷得|灼|火辣辣/u],
  ['wrong_item', /不对|不是(?:一个|同一|我要)|不一样的款/u],
  ['quality', /不行了|不能(?:穿|用)了|穿不进|穿不上|掉了|脱落|短了|缩了|缩谁|变短|变小|怎么这样|不一样|差太多|差很多|疼|痛|松了|松松垮垮|变了|小了一圈|大了一圈|脏|污|薄得|透得|太薄|皱了|起皱|歪了|有问题|质量/u],
];

/** A worry before buying or a wish (会不会起球, 怕过敏, 不起球的毛衣): a question, not a complaint. */
export const WORRY = /会不会|会.{0,4}吗|担心|怕|容易|防止|避免|如果|万一|是否|有没有不|不(?:会|容易)/u;
/** A question about what it can do (用了能去皱吗), or wear after a long time (用了一年有点脏): not a complaint. */
export const NOT_A_FAULT = /(?:能|可以).{0,8}吗|(?:一|两|几|好几|[0-9]+)年|好几个月|很久/u;
/** Praise is not a complaint, even after 穿了 / 用了. */
export const PRAISE = /好用|舒服|好看|喜欢|满意|不错|挺好|很好|回购|再来|谢谢/u;
