/**
 * "会起球吗", "第一次洗会掉色吗", "扎不扎": the worry named, answered from the product's material with
 * what a guide would say and how to care for it, never a promise that it cannot happen.
 */
import type { Product } from '../knowledge/schemas.ts';

const WOOLLY = /羊绒|羊毛|腈纶|马海毛|毛/u;

function material(product: Product): string {
  const raw = product.attributes['材质'] ?? product.attributes['成分'] ?? '';
  return `${Array.isArray(raw) ? raw.join(' ') : raw} ${product.name}`;
}

const CONCERNS: [RegExp, (m: string) => string][] = [
  [/起球|全是球|都是球|一堆球|好多球/u, (m) => (WOOLLY.test(m) ? '毛织面料在腋下、袖口这些常摩擦的地方穿久了会有轻微起球，属于正常现象，用起球器修一下就好；手洗、别和粗糙的包带长时间摩擦，能少很多' : '这类面料不太容易起球，按洗标打理就好')],
  // "机洗了一次就发白了" on acetate or silk: the washing did it; the care is said plainly.
  [/发白|洗花|褪色(?=[^。]{0,12}(?:机洗|洗衣机))|(?:机洗|洗衣机)[^。]{0,12}(?:发白|褪色|掉色)/u, (m) => (/醋酸|真丝|桑蚕丝|缎/u.test(m) ? `这款是${/醋酸/u.test(m) ? '醋酸' : '真丝'}面料，建议干洗或30℃以下冷水轻柔手洗，不建议机洗，洗衣机的摩擦会让缎面发白、失去光泽` : '深色面料机洗时和其他衣物摩擦容易发白，建议翻面装洗衣袋、冷水轻柔模式')],
  // "蜡烛中间烧成一个深坑": a candle that tunnels was put out before the whole top melted.
  [/深坑|烧成(?:一个)?坑|中间[^，。]{0,4}坑|没化|没烧/u, () => '香薰蜡烛每次点燃要烧到整个表面都融化再熄灭，不然会在中间烧出一个坑（记忆圈）；已经有坑的话，下次点燃时间长一点，让整个表面化开，一般能慢慢平回来'],
  // "面包服洗了一次 棉全团成一块一块的": the filling clumped in the wash and is shaken back out.
  [/结块|团成|成团|一坨一坨|一块一块/u, () => '棉服、羽绒这类填充的衣服洗后填充物容易结团，晾干后用手轻轻拍打、抖开，或者低温烘干时放两个干净的网球一起烘，能让它慢慢恢复蓬松，之后建议冷水手洗或轻柔模式'],
  [/变形|拉长|拉长了|撑大|领口(?:大|松)/u, (m) => (WOOLLY.test(m) || /针织|开衫|毛衣/u.test(m) ? '针织衫洗后要平铺阴干，挂着晾会被水的重量拉长变形；可以用蒸汽熨斗低温悬空熨一下，轻轻整形后平铺晾干，能恢复一些' : '洗后平铺或用宽肩衣架晾干，避免挂在细衣架上拉扯变形')],
  [/白印|白色印|盐渍|一圈白/u, (m) => (/翻毛|麂皮|绒面|雪地靴/u.test(m) ? '踩了雪水留下的白印多是融雪剂的盐渍，等鞋面干透后用翻毛皮专用软刷和清洁剂顺着毛轻刷，一般能去掉，别用水直接冲' : '白印多是雪水里的盐渍，干透后用软布蘸少量清水擦掉，再上一层护理油')],
  [/掉色|褪色|串色|染色|染蓝|染成|染了|浮色/u, (m) => (/牛仔|靛蓝|深色|黑|藏青/u.test(m) ? '牛仔和深色面料头几次洗会有少量浮色，属于正常，建议冷水、反面单独洗，前几次别和浅色衣服一起洗' : '正常洗涤不会明显掉色，建议冷水洗、反面晾干，避免暴晒')],
  [/缩水|洗小|变小/u, (m) => (/棉|羊毛|羊绒|亚麻|真丝/u.test(m) ? '按洗标冷水手洗或干洗、平铺晾干，一般不会明显缩水，别用热水和烘干机' : '正常按洗标洗不会明显缩水，别用烘干机')],
  [/扎不扎|扎人|刺挠|痒不痒|扎吗|会扎|容易扎|扎皮肤|扎得慌/u, (m) => (/羊绒/u.test(m) ? '羊绒手感软糯，贴身穿一般不扎' : /羊毛|马海毛/u.test(m) ? '羊毛贴身穿可能会有一点点刺感，皮肤敏感的话里面搭一件打底就好' : '面料手感比较柔软，贴身穿不扎')],
  [/透不透|会透|透吗|透光/u, (m) => (/真丝|雪纺|亚麻|白|浅/u.test(m) ? '浅色和轻薄面料会有一点透，建议搭肤色或同色的内搭' : '面料有一定厚度，正常穿不透')],
  // "亚麻衬衫洗完皱得跟咸菜一样": creasing is what linen does, and steam takes it out.
  [/皱不皱|容易皱|起皱|会皱|皱得|皱巴巴|皱成|好皱|很皱|全是褶/u, (m) => (/真丝|亚麻|棉/u.test(m) ? `${/亚麻/u.test(m) ? '亚麻' : '这类天然'}面料容易起褶皱，这是天然面料的特性；洗后趁半干抻平挂起来晾，或者用蒸汽挂烫一下就平整` : '面料比较挺括，不容易起皱')],
  [/掉毛|钻绒|跑绒/u, (m) => (/绒|马海毛|羊毛|羊绒|毛呢/u.test(m) ? '刚开始穿偶尔会有一点点细绒，属于正常，轻轻拍掉就好，别用力拉扯' : '这款面料不容易掉毛，正常按洗标洗护就好')],
  // "耳朵过敏能戴吗": for metal against the skin only (a cream's sensitivity is the skin's question).
  [/过敏|敏感|发痒|起疹/u, (m) => (/925银|纯银|18K|足金|黄金|钛/iu.test(m) ? `${/925银|纯银/u.test(m) ? '是925银针' : /钛/u.test(m) ? '是钛钢针' : '是18K金针'}，对金属敏感的耳朵一般也能戴；特别敏感的话先短时间试戴，有不适就取下` : /合金|镀金|铜/u.test(m) ? '是合金材质，对金属过敏的话不太建议长时间戴，可以看看925银或18K金的款' : '')],
  // "会磨脚吗 我脚后跟容易破": new shoes break in; what helps until they do.
  [/磨脚|磨后跟|磨脚后跟|脚后跟[^，。]{0,4}破|夹脚|挤脚/u, (m) => (/鞋|靴/u.test(m) ? `${/软|网面|针织|运动|徒步|跑/u.test(m) ? '鞋面比较软，一般不太磨脚' : '皮鞋刚上脚会有几天磨合期'}；头几次穿可以配稍厚一点的袜子、后跟贴个后跟贴，尺码选合脚的，别选大了来回蹭` : '')],
  [/耐脏|显脏|容易脏|怕脏/u, (m) => `浅色确实比黑色、深色显脏一些，${/皮/u.test(m) ? '皮面沾了灰用软布轻轻擦掉就好，别沾水，平时收在防尘袋里' : '脏了及时按洗标清洗，别放太久'}；怕麻烦的话选黑色更省心`],
];

/** The sentence that answers the worry asked about, for what the thing is made of ("羊绒大衣" will do). */
export function concernFor(made: string, text: string): string | undefined {
  const found = CONCERNS.find(([pattern]) => pattern.test(text));
  return found ? found[1](made) || undefined : undefined;
}

export function fabricConcern(product: Product, text: string): string | undefined {
  return concernFor(material(product), text);
}
