/**
 * Customers write as they speak: Cantonese (有冇, 几多钱, 唔啱), Shanghainese (有伐, 几钿, 覅) and
 * northern colloquial (咋整, 瞅瞅, 埋汰). The readers of the dialogue state work on Mandarin, so each
 * message is read through this word table first; what the customer wrote is kept for display.
 * Only words that are unambiguous in a shopping chat are mapped (平 stays: 平底鞋). Traditional characters
 * (幾多錢, 銀包, 真絲, as Hong Kong and Taiwan customers type) are read as simplified first.
 */
import { Converter } from 'opencc-js/t2cn';
import { parseChineseNumeral } from '../tags/parse-amount.ts';

// Hong Kong and Taiwan variants to mainland characters. Cantonese 係 (是, not 系) and 嗰 (那) are kept for
// the table below, and 著 is the 着 of "wear".
const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });

function simplified(text: string): string {
  return text
    .replace(/著/gu, '着')
    .replace(/麼/gu, '么')
    // Kept as they are: 係/嗰 are read as Cantonese words, and the converter turns a simplified 么 into 幺.
    .split(/([係嗰么])/u)
    .map((part) => (part === '係' || part === '嗰' || part === '么' ? part : fromTaiwan(fromHongKong(part))))
    .join('');
}


const WORDS: [string, string][] = [
  // Typed by sound: the kind of product misspelt ("连衣群", "羽绒fu", "瑜珈裤").
  ['连衣群', '连衣裙'], ['防嗮', '防晒'], ['防哂', '防晒'], ['精化', '精华'], ['面摸', '面膜'], ['羽绒幅', '羽绒服'], ['羽绒fu', '羽绒服'], ['羽绒付', '羽绒服'], ['瑜珈', '瑜伽'], ['半身群', '半身裙'],
  // Cantonese
  ['甩胶', '开胶'], ['甩毛', '掉毛'], ['甩到', '掉到'], ['黐晒', '粘满'], ['黐', '粘'], ['成身', '一身'], ['都係', '都是'], ['點搞', '怎么搞'], ['点搞', '怎么搞'], ['甩色', '掉色'], ['甩咗', '掉了'], ['烂咗', '烂了'], ['同埋', '另外'], ['返工着', '上班穿'], ['落单', '下单'], ['返工', '上班'], ['推介', '推荐'], ['点洗', '怎么洗'], ['点用', '怎么用'], ['点搭', '怎么搭'], ['点拣', '怎么选'], ['点拎', '怎么拿'],
  ['易唔易', '容不容易'], ['好易', '很容易'], ['仲有', '还有'], ['仲', '还'], ['㗎', '的'], ['咁', '这么'], ['边间', '哪家'], ['钟意', '喜欢'], ['返货', '补货'],
  ['呢件', '这件'], ['呢个', '这个'], ['呢款', '这款'], ['呢条', '这条'], ['呢双', '这双'], ['呢只', '这只'], ['嗰件', '那件'], ['嗰个', '那个'], ['嗰款', '那款'], ['嗰条', '那条'], ['嗰双', '那双'],
  ['有冇', '有没有'], ['係咪', '是不是'], ['係唔係', '是不是'], ['啱唔啱', '合不合适'], ['靓唔靓', '好不好看'], ['着唔着得', '能不能穿'],
  ['几多钱', '多少钱'], ['几钱', '多少钱'], ['几多', '多少'], ['乜嘢', '什么'], ['唔啱着', '穿着不合适'], ['咩', '什么'], ['边度', '哪里'], ['边个', '哪个'], ['边只', '哪个'],
  ['几耐', '多久'], ['几时', '什么时候'], ['点样', '怎么样'], ['点解', '为什么'], ['点算', '怎么办'], ['唔该', '谢谢'], ['多谢', '谢谢'], ['唔係', '不是'], ['唔好', '不要'],
  ['又红又痕', '又红又痒'], ['好痕', '好痒'], ['痕痒', '发痒'], ['唔', '不'], ['冇', '没有'], ['係', '是'], ['嘅', '的'], ['佢哋', '他们'], ['佢', '他'], ['我哋', '我们'], ['你哋', '你们'], ['俾', '给'], ['畀', '给'],
  ['未到', '没到'], ['未收到', '没收到'], ['未发', '没发'], ['同图片', '和图片'], ['差好远', '差很远'], ['好失望', '很失望'],
  ['啱', '合适'], ['靓', '好看'], ['买嘢', '买东西'], ['嘢', '东西'], ['阿妈', '妈妈'], ['老豆', '爸爸'], ['老母', '妈妈'], ['而家', '现在'], ['琴日', '昨天'],
  ['听日', '明天'], ['今日', '今天'], ['喺', '在'], ['咗', '了'], ['嚟', '来'], ['睇', '看'], ['揾', '找'], ['平啲', '便宜点'], ['贵啲', '贵一点'],
  ['颈巾', '围巾'], ['冷衫', '毛衣'], ['大褛', '大衣'], ['褛', '外套'], ['波鞋', '运动鞋'], ['T裇', 'T恤'], ['恤衫', '衬衫'], ['银包', '钱包'], ['手袋', '包'], ['大啲', '大一点'], ['细码', '小码'], ['啲', '些'], ['蚊', '元'], ['着', '穿'], ['好多钱', '多少钱'],
  // Shanghainese
  ['有伐', '有吗'], ['多少长', '多长'], ['多少宽', '多宽'], ['多少重', '多重'], ['搿条', '这条'], ['搿个', '这个'], ['搿件', '这件'], ['好伐', '好吗'], ['伐', '吗'], ['阿拉', '我们'], ['侬', '你'], ['覅', '不要'], ['几钿', '多少钱'], ['交关', '很'], ['老好', '很好'],
  ['姆妈', '妈妈'], ['欢喜', '喜欢'], ['物事', '东西'], ['辰光', '时候'], ['选哪能', '选哪'], ['哪能', '怎么'], ['今朝', '今天'], ['明朝', '明天'], ['搿个', '这个'], ['格只', '这只'], ['阿是', '是不是'], ['坏脱', '坏掉'], ['断脱', '断掉'], ['掉脱', '掉了'], ['脱脱了', '掉了'], ['脱脱', '掉了'], ['格件', '这件'], ['格双', '这双'], ['格条', '这条'], ['迭个', '这个'],
  ['一眼眼', '一点点'], ['勿高兴', '不想'], ['手汰', '手洗'], ['汰衣裳', '洗衣服'], ['勿', '不'], ['一点额', '一点的'], ['点额', '点的'], ['欢喜额', '喜欢的'],
  // Sichuanese
  ['要得不', '行不行'], ['要不要得', '行不行'], ['弟娃', '弟弟'], ['妹娃', '妹妹'], ['有没得', '有没有'], ['啥子', '什么'], ['咋个', '怎么'], ['巴适', '舒服'], ['安逸', '舒服'],
  // Northern colloquial
  ['啥价钱', '多少钱'], ['啥价格', '多少钱'], ['啥价', '多少钱'], ['咋整干净', '怎么弄干净'], ['咋整', '怎么办'], ['咋样', '怎么样'], ['咋', '怎么'], ['嘎哈', '干什么'], ['瞅瞅', '看看'], ['瞅', '看'], ['埋汰', '脏'], ['磕碜', '难看'], ['稀罕', '喜欢'],
  ['杠杠的', '很好'], ['得劲', '舒服'], ['忒', '太'],
];

// 着: Cantonese for "wear" only before a size or after 可以/唔; elsewhere Mandarin 着急, 看着.
const CONTEXT_ONLY: Record<string, RegExp> = {
  着: /(?:可以|能|会|好)着(?!急|呢|凉|想|火)|着(?:[SMLX]|\d{2}|码|几|咩|乜)/u,
  // Sichuanese "好多钱" asks a price; "花了好多钱" is a lot of money.
  好多钱: /(?<![了花费用])好多钱/u,
};

/** Shanghainese 额 is 的 ("买额西装"), only in a message that is Shanghainese (额度, 金额 stay). */
const SHANGHAINESE = /阿拉|侬|伐|哪能|覅|辰光|今朝|交关|搿/u;

const PATTERN = new RegExp(WORDS.map(([w]) => w).join('|'), 'gu');
const TABLE = new Map(WORDS);

const CJK = '\\u4e00-\\u9fff';
const SPACED = new RegExp(`(?<=[${CJK}\\d])\\s+(?=[${CJK}\\d])`, 'gu');
const SINGLES = new RegExp(`(?<=(?:^|\\s)[${CJK}])\\s+(?=[${CJK}](?:\\s|$))`, 'gu');
const NUMERALS = '零一二两三四五六七八九十百千万\\d';
const SPACED_AMOUNT = new RegExp(`(?<=[${NUMERALS}])\\s+(?=[${NUMERALS}]|[块元](?![${CJK}]{0,1}钱))|(?<=[${NUMERALS}]\\s*[块元])\\s+(?=左右|以内|以下|上下|出头)`, 'gu');

/** "晚 桂 淡 香 精 多 少 钱": voice input that spaced every character is read without the spaces. */
function unspaced(text: string): string {
  const cjk = text.match(new RegExp(`[${CJK}]`, 'gu'))?.length ?? 0;
  const spaced = text.match(new RegExp(`[${CJK}]\\s+(?=[${CJK}])`, 'gu'))?.length ?? 0;
  // "四 百 块 左右": an amount said a syllable at a time is one amount wherever it stands.
  if (cjk >= 6 && spaced >= cjk * 0.5) return text.replace(SPACED, '');
  // "有 多 大": single characters said one at a time are one word.
  return text.replace(SPACED_AMOUNT, '').replace(SINGLES, '');
}

/** "一百毫升" is how the catalog's "100ml" is said. */
function millilitres(text: string): string {
  return text.replace(/([一二两三四五六七八九十百]+|\d+)\s*毫升/gu, (whole, amount: string) => {
    const n = /^\d+$/u.test(amount) ? Number(amount) : parseChineseNumeral(amount);
    return n ? `${n}ml` : whole;
  });
}

/** Shop words typed in English: "price多少", "有rose gold吗". */
const ENGLISH: [RegExp, string][] = [
  [/\btrench\s*coat\b|\btrench\b/giu, '风衣'], [/\bdown\s*jacket\b|\bpuffer\b/giu, '羽绒服'], [/\bcoat\b/giu, '大衣'], [/\bjacket\b/giu, '外套'], [/\bblazer\b/giu, '西装外套'],
  [/\bdress\b/giu, '连衣裙'], [/\bskirt\b/giu, '半身裙'], [/\bsweater\b|\bjumper\b/giu, '毛衣'], [/\bhoodie\b/giu, '卫衣'], [/\bt-?shirt\b|\btee\b/giu, 'T恤'], [/\bshirt\b/giu, '衬衫'], [/\bjeans\b/giu, '牛仔裤'],
  [/\bsqueak(?:\s+squeak)*\b/giu, '吱吱响'], [/\b(?:so\s+)?embarrassing\b/giu, '好尴尬'], [/\bor\b/giu, '或'], [/都\s*ok\b/giu, '都行'],
  [/\bhow\s+much\b/giu, '多少钱'], [/\bin\s+stock\b|\bstock\b/giu, '有货'],
  [/\bprice\b/giu, '价格'], [/\bsize\b/giu, '尺码'], [/\bcolou?rs?\b/giu, '颜色'], [/\brose\s*gold\b/giu, '玫瑰金色'], [/\bdiscount\b/giu, '折扣'], [/\binvoice\b/giu, '发票'],
  [/(不要|别要|不喜欢|不想要)\s+(?=[a-z])/giu, '$1'], [/\bbudget\s+(?:is\s+)?(?:around|about)\s*(\d+)/giu, '预算$1左右'], [/\bbudget\b/giu, '预算'], [/\b(?:around|about)\s*(\d{3,5})\b/giu, '$1左右'],
  [/\bwork\s*bag\b/giu, '通勤包'], [/\blaptop\b/giu, '电脑'], [/\bbag\b/giu, '包'], [/\bshoes\b/giu, '鞋'], [/\bsneakers\b/giu, '运动鞋'], [/\bboots\b/giu, '靴子'],
  [/\bblack\b/giu, '黑色'], [/\bwhite\b/giu, '白色'], [/\bgr[ae]y\b/giu, '灰色'], [/\bbeige\b/giu, '米色'], [/\bpink\b/giu, '粉色'], [/\bred\b/giu, '红色'], [/\bnavy\b/giu, '藏青'], [/\bcamel\b/giu, '驼色'],
  [/\bcashmere\b/giu, '羊绒'], [/\bsilk\b/giu, '真丝'], [/\bwool\b/giu, '羊毛'], [/\bleather\b/giu, '真皮'], [/\bcotton\b/giu, '棉'], [/\b(?:dinner|party|gala)\b/giu, '晚宴'], [/\bdate\b/giu, '约会'], [/\bwedding\b/giu, '婚礼'], [/\binterview\b/giu, '面试'],
];

function english(text: string): string {
  return /[a-z]{4}/iu.test(text) ? ENGLISH.reduce((t, [pattern, word]) => t.replace(pattern, word), text) : text;
}

/** "缩不缩", "起不起球": a worry asked as A-not-A is the 会…吗 question the readers know. */
const A_NOT_A: [RegExp, string][] = [
  [/缩不缩(?:水)?/gu, '会缩水吗'], [/起不起球/gu, '会起球吗'], [/(掉|褪)不\1色/gu, '会$1色吗'], [/掉不掉毛/gu, '会掉毛吗'],
  [/磨不磨脚/gu, '会磨脚吗'], [/变不变形/gu, '会变形吗'], [/勒不勒/gu, '会勒吗'], [/闷不闷(脚)?/gu, '会闷$1吗'],
];

// "能退不", "男的能用不", "有货不": a question closed with 不 is the 吗 question the readers know.
const CLOSING_BU = /(?<=(?:能|可以|会|有|行|好|要|是|用|穿|戴|得[进下了动开完起住上出过到来去]|放|装|拆|洗|退|换)[^\s，。？?！!不]{0,8})不(?=\s|$|[，。？?！!啊呀])/gu;

export function toMandarin(said: string): string {
  const plain = SHANGHAINESE.test(said) ? said.replace(/(?<=\p{Script=Han})额(?=\p{Script=Han})(?![度头外])/gu, '的').replace(/脱开/gu, '开') : said;
  const text = A_NOT_A.reduce((t, [pattern, word]) => t.replace(new RegExp(`${pattern.source}(?:啊|呀|呢|哦|哈|嘛)?`, 'gu'), word), english(millilitres(unspaced(simplified(plain)))));
  PATTERN.lastIndex = 0;
  const mapped = !PATTERN.test(text)
    ? text
    : text.replace(PATTERN, (word, offset: number) => {
        const context = CONTEXT_ONLY[word];
        if (context && !context.test(text.slice(Math.max(0, offset - 3), offset + word.length + 2))) return word;
        return TABLE.get(word) ?? word;
      });
  // "揾条裙": a skirt or dress said without 子; "想买双平底的": a pair of flats said without 鞋.
  // "有弹力马 我坐办公室": 马 typed for 吗 at the end of a question.
  // "有16好吗": the ring size 号 typed as its homophone 好.
  return mapped.replace(/有\s*(\d{1,2})\s*好(?=吗|么|没|不|伐)/gu, '有$1号').replace(CLOSING_BU, '吗').replace(/(?<=\p{Script=Han})(?<![斑骑木宝河海铁黑白出人兵万骏野赛竹])马(?=\s|$|[，。？?！!])/gu, '吗').replace(/(?<=[条件])裙(?![子装])/gu, '裙子').replace(/(?<=[买要来整一]双)平底的/gu, '平底鞋');
}
