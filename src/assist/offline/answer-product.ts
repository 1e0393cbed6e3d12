/**
 * Answers about the product in focus, from its catalog facts: size (checked against its sizes), price
 * (against the budget), stock (colours and sizes it comes in), material, and efficacy asks (never a
 * promise). Each answer names the product so the guide's reply stands on its own.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { describeBudget } from '../dialogue/describe-state.ts';
import { COLOURS_ASK } from '../dialogue/intent-cues.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import { bestClause, descriptionPiece } from './answer-about-product.ts';
import { memberPrice, priceTag, sellingPoint } from './describe-product.ts';
import { fabricConcern } from './fabric-concern.ts';
import { ORDER, sizeForBody } from './size-for-body.ts';
import { extractSizes } from '../tags/extract-size.ts';
import { aboveBudget, hasColour, hasSize, isMens, madeFor, shadeOf, sizesOf, withinBudget } from './pick-products.ts';

export interface Part {
  text: string;
  products: Product[];
  /** The approved FAQ text the part quotes (its amounts and promises are policy). */
  approvedText?: string;
  faqId?: string;
}

function fitNote(product: Product, size: string): string {
  const cut = String(product.attributes['版型'] ?? '');
  if (/宽松|廓形|落肩|茧型|oversize/iu.test(cut)) return `版型偏宽松，平时穿${size}选${size}就可以，想穿得合身些可以考虑小一码`;
  if (/修身|紧身|合体/u.test(cut)) return `版型偏修身，平时穿${size}选${size}，在两个码之间建议选大一码`;
  return `按平时的${size}码选就可以`;
}

function sizeList(product: Product): string {
  return sizesOf(product).join('/');
}

/** "老公一米八": the body is the one it is for, not the customer's. */
function whose(state: DialogueState): string {
  return state.slots.recipient || /老公|先生|老婆|太太|爱人|妈妈|爸爸|婆婆|公公|孩子|女儿|儿子|男朋友|女朋友|对象|那位|那口子|老头|他(?!们)|她(?!们)/u.test(state.newestText) ? '按' : '您';
}

/** "M还是L 我平时穿M 但是肩宽": which of two sizes, from what the customer says of their build. */
function betweenSizes(state: DialogueState): Part | undefined {
  const pair = /\b(XXL|XL|XS|S|M|L)\s*(?:码)?\s*还是\s*(XXL|XL|XS|S|M|L)\b/iu.exec(state.newestText);
  if (!pair) return undefined;
  const [small, large] = [pair[1], pair[2]].map((x) => (x ?? '').toUpperCase()).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  if (!small || !large) return undefined;
  const product = state.slots.focus?.value;
  const name = product ? product.name : '这款';
  if (/肩宽|肩膀宽|胸围大|胸大|手臂粗|胳膊粗|背厚|喜欢宽松|宽松点|穿得宽松|里面要穿|叠穿/u.test(state.newestText)) {
    return { text: `${name}您肩宽一些、想穿得舒展的话建议选${large}码，肩线和袖窿不会紧；平时穿${small}的话${large}码衣长会稍长一点点，到店可以两个码都试一下～`, products: product ? [product] : [] };
  }
  if (/偏瘦|比较瘦|喜欢修身|修身点|合身点|骨架小/u.test(state.newestText)) {
    return { text: `${name}您喜欢合身一些的话选${small}码就好，${large}码会偏宽松；拿不准的话到店两个码都试一下～`, products: product ? [product] : [] };
  }
  // "我穿L还是XL 160斤": the build given decides between the two.
  const body = state.slots.body?.value;
  const fit = body ? sizeForBody(body, state.slots.gender?.value === 'male') : undefined;
  if (body && fit) {
    const said = [body.heightCm && `${body.heightCm}cm`, body.weightJin && `${body.weightJin}斤`].filter(Boolean).join('、');
    const pick = ORDER.indexOf(fit) >= ORDER.indexOf(large) ? large : ORDER.indexOf(fit) <= ORDER.indexOf(small) ? small : fit;
    const has = !product || hasSize(product, pick);
    return { text: `${name}${product ? "，" : ""}您${said}的话建议选${pick}码${pick === small ? `，喜欢宽松一点可以选${large}` : '，穿着不会紧'}${has ? '' : `（这款没有${pick}码，只有${sizeList(product as Product)}码）`}；拿不准的话到店两个码都试一下～`, products: product ? [product] : [] };
  }
  return { text: `${name}按您平时的码选就好：平时穿${small}选${small}，喜欢宽松一点或者里面要多穿选${large}。方便说下您的身高体重吗？我帮您确认～`, products: product ? [product] : [] };
}

export function answerSize(state: DialogueState, customerMale: boolean, kb: KnowledgeBase): Part {
  // "给我老婆买…她一米六二 一百一十斤": the size chart is the wearer's, not the one writing.
  const inView = state.slots.focus?.value;
  const wearer = state.slots.gender?.value ?? state.slots.recipient?.value.gender ?? (inView && madeFor(inView) !== 'both' ? madeFor(inView) : undefined);
  const male = wearer ? wearer === 'male' : customerMale;
  const between = betweenSizes(state);
  if (between) return between;
  const product = state.slots.focus?.value;
  const size = state.slots.size?.value;
  const body = state.slots.body?.value;
  // "最大有几码": the largest the product comes in, and the one for the build given.
  const extreme = product && /最(大|小)(?:有|是|能)?(?:几|什么|多大)?(?:码|号)|最(大|小)的?(?:码|号|尺码)/u.exec(state.newestText);
  if (product && extreme) {
    const sizes = sizesOf(product);
    const largest = (extreme[1] ?? extreme[2]) === '大';
    const end = largest ? sizes.at(-1) : sizes[0];
    const letter = body ? sizeForBody(body, male) : undefined;
    const advice = letter ? `，${whose(state)}${[body?.heightCm && `${body.heightCm}cm`, body?.weightJin && `${body.weightJin}斤`].filter(Boolean).join('、')}的话${sizes.includes(letter) ? `建议选${letter}码` : `一般要穿${letter}码，这款${largest ? '可能偏紧' : '可能偏大'}，到店试一下更稳妥`}` : '';
    // Said without 最 (an absolute the guardrails hold back): "…有M/L/XL/XXL码，大到XXL码".
    if (end) return { text: `${product.name}有${sizeList(product)}码，${largest ? '大' : '小'}到${end}码${advice}。`, products: [product] };
  }
  // "我手比较小 戴手套指头都空一截", "脚偏瘦": a small or large hand, foot or head, on a product made in letter sizes.
  const build = product && /(?:手|脚|头|手腕|手指)(?:比较|很|偏|有点|特别|太)?(小|瘦|细|窄|短|大|胖|宽|粗)|指头(?:都)?空/u.exec(state.newestText);
  const letters = product ? [...sizesOf(product), ...String(product.attributes['尺寸'] ?? '').split('/')].filter((s) => ORDER.includes(s)) : [];
  if (product && build && !size && letters.length >= 2) {
    const small = build[1] === undefined || /小|瘦|细|窄|短/u.test(build[1]);
    const pick = small ? letters[0] : letters.at(-1);
    return { text: `${product.name}有${letters.join('/')}码，您${build[0]}的话建议选${pick}码，${small ? '贴合不空' : '不会太紧'}；拿不准的话可以到店试戴一下。`, products: [product] };
  }
  if (!product) {
    const letter = body ? sizeForBody(body, male) : undefined;
    if (body && letter) {
      const said = [body.heightCm && `${body.heightCm}cm`, body.weightJin && `${body.weightJin}斤`].filter(Boolean).join('、');
      const up = ORDER[ORDER.indexOf(letter) + 1];
      return { text: `${whose(state)}${said}的话一般穿${letter}码${up ? `，喜欢宽松些或者修身款可以选${up}码` : ''}。您想看哪一款？我再对照它的尺码表帮您确认。`, products: [] };
    }
    if (size) return { text: `好的，记下您穿${size}码了，您想看的是哪一款？我帮您确认有没有${size}码。`, products: [] };
    return { text: '方便告诉我您的身高、体重和平时常穿的尺码吗？再说下想看哪一款，我帮您对照尺码表挑合适的码。', products: [] };
  }
  const sizes = sizesOf(product);
  // Rings, bags, scarves: their 尺寸 is the answer, not a body-size chart.
  const measure = product.attributes['尺寸'];
  if (sizes.length === 0 && measure) {
    const measures = Array.isArray(measure) ? measure.join('、') : measure;
    // "我戴13号" against 国际码7-15号: say whether it is there.
    const worn = /(?:戴|手指|圈口|指围)\D{0,3}(\d{1,2})(?!\d)(?:\s*号)?|(\d{1,2})\s*号(?:的)?(?:戒指|手指|圈口|吗|么|没|不)/u.exec(state.newestText);
    const range = /(\d{1,2})\s*[-–~到至]\s*(\d{1,2})\s*号/u.exec(measures);
    if (worn && range) {
      const want = Number(worn[1] ?? worn[2]);
      const inRange = want >= Number(range[1]) && want <= Number(range[2]);
      return { text: inRange ? `${product.name}有${want}号的，尺寸是${measures}，您平时戴${want}号就选${want}号，我帮您确认一下现货～` : `${product.name}是${measures}，没有${want}号，您看需要我帮您找找有这个号的类似款吗？`, products: [product] };
    }
    // "能塞下电脑吗 我那个是14寸的": what fits in it, as its description says.
    const holds = /电脑|笔记本|iPad|平板|A4|文件|水杯|雨伞|充电宝/iu.exec(state.newestText)?.[0];
    const fits = holds ? descriptionPiece(product, (c) => c.includes(holds.replace(/笔记本/u, '电脑'))) : undefined;
    if (fits) return { text: `${product.name}${fits}，尺寸是${measures}。`, products: [product] };
    // A ring's size is matched against the one they wear; an earring's or a bag's measure is simply said.
    return { text: /号/u.test(measures) ? `${product.name}的尺寸是${measures}，您平时戴几号？我帮您对照一下。` : `${product.name}的尺寸是${measures}。`, products: [product] };
  }
  if (size && sizes.length > 0 && !sizes.includes('均码')) {
    const said = state.slots.colour;
    const colour = said && said.messageId === state.newestMessageId && hasColour(product, said.value) ? said.value : '';
    if (hasSize(product, size)) return { text: `${product.name}${colour}有${size}码，${fitNote(product, size)}。`, products: [product] };
    const alternative = similar(kb, product, male, (p) => hasSize(p, size) && (!state.slots.budget || withinBudget(p.price, state.slots.budget.value)));
    const tail = alternative ? `同类的${alternative.name}（${priceTag(alternative)}）有${size}码，可以看看。` : '您看需要我帮您找找有这个码的类似款吗？';
    return { text: `${product.name}没有${size}码，这款只有${sizeList(product)}码。${tail}`, products: alternative ? [product, alternative] : [product] };
  }
  if (sizes.includes('均码')) return { text: `${product.name}是均码，版型包容度比较高，大部分身材都能穿。`, products: [product] };
  if (body && (body.heightCm !== undefined || body.weightJin !== undefined)) {
    const letter = sizeForBody(body, male);
    const said = [body.heightCm && `${body.heightCm}cm`, body.weightJin && `${body.weightJin}斤`].filter(Boolean).join('、');
    if (letter && sizes.includes(letter)) {
      // "按平时的XL码选" says nothing to someone who gave a height and weight instead.
      const note = fitNote(product, letter);
      return { text: `${whose(state)}${said}的话，${product.name}建议选${letter}码${note.startsWith('按平时') ? '' : `，${note}`}。`, products: [product] };
    }
    const nearest = sizes.filter((s) => ORDER.includes(s)).sort((a, b) => Math.abs(ORDER.indexOf(a) - ORDER.indexOf(letter ?? 'M')) - Math.abs(ORDER.indexOf(b) - ORDER.indexOf(letter ?? 'M')))[0];
    if (nearest) return { text: `${whose(state)}${said}的话一般穿${letter}码，${product.name}是${sizeList(product)}码，建议试试${nearest}码，到店可以先试穿。`, products: [product] };
  }
  const list = sizeList(product);
  return { text: `${product.name}${list ? `有${list}码` : ''}，方便告诉我您的身高体重和平时穿的尺码吗？我帮您对照尺码表选。`, products: [product] };
}

export function answerPrice(state: DialogueState, kb: KnowledgeBase): Part | undefined {
  const product = state.slots.focus?.value;
  if (!product) return undefined;
  const budget = state.slots.budget?.value;
  const size = state.slots.size?.value;
  const colour = state.slots.colour?.value;
  // "price多少 有玫瑰金吗": a colour or size asked about is answered on its own, not named in the price.
  const asked = state.intents.some((h) => h.intent === '库存咨询' || h.intent === '尺码咨询');
  const spec = asked ? '' : [colour && hasColour(product, colour) ? colour : '', size && hasSize(product, size) ? `${size}码` : ''].join('');
  let text = `${product.name}${spec}是${priceTag(product)}`;
  if (budget) text += aboveBudget(product.price, budget) ? `，比您${describeBudget(budget)}的预算稍高一点` : withinBudget(product.price, budget) ? `，在您${describeBudget(budget)}的预算内` : '';
  const member = kb.policy.discounts[0];
  // "我是金卡 打完折多少钱": the member price worked out at the policy's rate.
  const theirs = memberPrice(kb, product, state.newestText);
  text += theirs ? `，${theirs}。` : member ? `，${member.label}。` : '。';
  return { text, products: [product] };
}

/** The same kind of product near its price, for the same wearer, that has what this one lacks. */
function similar(kb: KnowledgeBase, product: Product, male: boolean, has: (p: Product) => boolean): Product | undefined {
  const alike = (p: Product): boolean => p.subcategory === product.subcategory && p.sku !== product.sku && has(p) && isMens(p) === (male || isMens(product));
  // Else the nearest in price of the kind that has it: a ¥499 vest in XL is still worth naming beside a ¥1280 one.
  return kb.products.find((p) => alike(p) && Math.abs(p.price - product.price) <= product.price * 0.4) ?? kb.products.filter(alike).sort((a, b) => Math.abs(a.price - product.price) - Math.abs(b.price - product.price))[0];
}

export function answerStock(state: DialogueState, kb: KnowledgeBase, male: boolean): Part | undefined {
  const product = state.slots.focus?.value;
  if (!product) return undefined;
  const colour = state.slots.colour?.value;
  const size = state.slots.size?.value;
  const colours = product.attributes['颜色'] ?? product.attributes['色号'];
  const colourList = Array.isArray(colours) ? colours.join('、') : (colours ?? '');
  // "还有没有别的色儿 想再整一双换着穿": the colours besides the one they have.
  const list = Array.isArray(colours) ? colours : colours ? [colours] : [];
  if (/别的(?:颜色|色)|其他(?:颜色|色)|其它(?:颜色|色)|换个(?:颜色|色)|还有(?:什么|啥)(?:颜色|色)/u.test(state.newestText) && state.slots.colour?.messageId !== state.newestMessageId) {
    const current = colour;
    const others = current ? list.filter((c) => c !== current) : list;
    if (others.length > 0) return { text: `${product.name}${current ? `除了${current}，还有` : '有'}${others.join('、')}${size && hasSize(product, size) ? `，${size}码都有` : ''}，我这就帮您查一下门店现货，确认了马上回您。`, products: [product] };
    return { text: `${product.name}只有${list.join('、')}${list.length > 0 ? '这个颜色' : ''}，同类里别的颜色我帮您挑几款看看？`, products: [product] };
  }
  if (colour && !hasColour(product, colour)) {
    // "换个颜色 有黑色的吗": say it plainly, and name one of its kind that has the colour (and the size).
    const shade = shadeOf(product, colour);
    // "有棕色的吗": one of its kind in that colour, or in a shade of it (深棕).
    const affordable = (p: Product): boolean => !state.slots.budget || withinBudget(p.price, state.slots.budget.value);
    const alternative = similar(kb, product, male, (p) => hasColour(p, colour) && (!size || hasSize(p, size)) && affordable(p)) ?? similar(kb, product, male, (p) => shadeOf(p, colour) !== undefined && (!size || hasSize(p, size)) && affordable(p));
    const theirs = alternative && !hasColour(alternative, colour) ? (shadeOf(alternative, colour) ?? colour) : colour;
    const tail = alternative ? `同类的${alternative.name}（${priceTag(alternative)}）有${theirs}${size ? `${size}码` : ''}，可以看看。` : '';
    const own = shade ? `有接近的${shade}，` : '';
    return { text: `${product.name}没有${colour}，${own}现在有${colourList}${colourList ? '可以选' : ''}。${tail}`, products: alternative ? [product, alternative] : [product] };
  }
  // "两条S两条M 都有货吗": each size asked, in the order asked.
  const several = [...new Set(extractSizes(state.newestText, { male }).filter((s) => s.kind === 'letter' || s.kind === 'shoe').map((s) => s.letter ?? s.value))];
  if (several.length >= 2) {
    const have = several.filter((z) => hasSize(product, z));
    const lack = several.filter((z) => !hasSize(product, z));
    const shade = colour && hasColour(product, colour) ? colour : '';
    const head = have.length > 0 ? `${product.name}${shade}${have.join('码和')}码${have.length > 1 ? '都' : ''}有${lack.length > 0 ? `，${lack.join('、')}码这款没有（只有${sizeList(product)}码）` : ''}` : `${product.name}没有${several.join('、')}码，这款是${sizeList(product)}码`;
    return { text: `${head}，要几件我这就帮您查门店现货和仓库，确认了马上回您。`, products: [product] };
  }
  if (size && !hasSize(product, size)) return { text: `${product.name}没有${size}码，这款是${sizeList(product)}码。`, products: [product] };
  // "有35码吗 裸粉的还有没": the size and the colour in the order asked.
  const sizeAt = size ? state.newestText.indexOf(size) : -1;
  const colourAt = colour ? state.newestText.indexOf(colour.replace(/色$/u, '')) : -1;
  // ("37黑色" together stays 黑色37码.)
  const sizeFirst = colour !== undefined && size !== undefined && sizeAt >= 0 && sizeAt < colourAt && /[\s，,。？?]/u.test(state.newestText.slice(sizeAt, colourAt));
  const asked = sizeFirst ? `${size}码、${colour}` : [colour, size && `${size}码`].filter(Boolean).join('');
  // "有啥颜色 有35码吗": the colours asked for as well as the size.
  const coloursAsked = !colour && colourList && COLOURS_ASK.test(state.newestText);
  const head = coloursAsked && size ? `${product.name}有${colourList}，${size}码也有` : asked ? `${product.name}有${asked}的` : `${product.name}${colourList ? `有${colourList}` : ''}${sizeList(product) ? `，${sizeList(product)}码` : ''}`;
  return { text: `${head}${head === product.name ? '的库存' : ''}，我这就帮您查一下门店现货，确认了马上回您。`, products: [product] };
}

const LENGTH_ASK = /长度|衣长|裙长|裤长|多长|长不长|到哪里|到哪儿|过不过膝|盖住屁股|盖得住屁股|盖屁股/u;
const LENGTH_WORDS = /长度|衣长|裙长|过膝|到膝|膝下|臀|小腿|脚踝|九分|短款|长款|靴筒/u;

export function answerMaterial(state: DialogueState): Part | undefined {
  const product = state.slots.focus?.value;
  if (!product) return undefined;
  const material = product.attributes['材质'] ?? product.attributes['成分'];
  const point = sellingPoint(product);
  const skin = product.attributes['肤质'];
  const skinNote = state.slots.skinType && skin ? ((Array.isArray(skin) ? skin : [skin]).some((s) => s === state.slots.skinType?.value || s === '全肤质') ? `，${state.slots.skinType.value}肌肤可以用` : `，更适合${Array.isArray(skin) ? skin.join('、') : skin}肌肤，${state.slots.skinType.value}肌肤用之前建议先在耳后试一两天`) : '';
  // The product's own measures when the customer asks about them (跟高, 容量, 香调, 尺寸).
  // Read without the product's own name ("…淡香水" does not ask about its 香调).
  const asked = state.newestText.split(product.name).join('');
  const facts = ['跟高', '容量', '香调', '尺寸', '版型']
    .filter((key) => product.attributes[key] !== undefined && new RegExp(FACT_CUES[key] ?? key, 'u').test(asked))
    .map((key) => `${key}${key === '跟高' || key === '容量' ? '' : '是'}${String(product.attributes[key])}`);
  const made = Array.isArray(material) ? material.join('、') : String(material ?? '');
  // "面料聚酯纤维，填充90%白鹅绒": the shell and the filling, each said as what it is.
  const head = material ? (made.startsWith('面料') ? `${product.name}${made.replace(/^面料/u, '的面料是').replace(/，填充/u, '，里面填充的是')}` : `${product.name}的${product.category === '服装' ? '面料' : product.category === '美妆' ? '主要成分' : '材质'}是${made}`) : product.name;
  // "是真的羊绒吗 有多大": the material too when it is asked beside the measure.
  const materialAsked = material && /材质|面料|成分|真的|是不是|纯|羊绒|真丝|羊毛|真皮|什么做的/u.test(state.newestText);
  // "长度到哪里": the length the description gives ("衣长在臀线以上"), or a promise to measure it.
  if (LENGTH_ASK.test(asked) && !facts.some((f) => f.startsWith('尺寸'))) {
    const said = product.description.split(/[，；。]/u).filter((c) => LENGTH_WORDS.test(c));
    return { text: said.length > 0 ? `${product.name}${said.join('，')}。` : `${product.name}的具体长度我这就量一下实物发您，您也可以告诉我身高，我帮您看穿上大概到哪里～`, products: [product] };
  }
  const ingredient = ingredientAnswer(product, asked);
  if (ingredient) return { text: ingredient, products: [product] };
  // "会起球吗", "会不会不耐脏": the worry first, in a guide's words, with how to care for it.
  const concern = fabricConcern(product, state.newestText);
  if (concern) return { text: `${head}，${concern}。`, products: [product] };
  // The clause of the description that speaks to the question ("H型直身，通勤很耐看"), else the first.
  if (facts.length > 0) {
    const clause = bestClause(product, asked) ?? sellingPoint(product);
    const said = facts.filter((f) => !clause.includes(f.replace(/^[^是]*是/u, '')));
    return { text: `${materialAsked ? `${head}，` : product.name}${[...said, ...(clause ? [clause] : [])].join('，')}。`, products: [product] };
  }
  const pregnancy = /孕妇|孕期|怀孕|哺乳/u.test(state.newestText) ? '孕期、哺乳期使用前建议先咨询医生。' : '';
  // "戴不是纯金的耳朵会红肿": what the description says for sensitive skin, rather than its selling point.
  const sensitive = /敏感|过敏|痒|红肿|发红/u.test(state.newestText) ? descriptionPiece(product, (c) => /敏感|过敏/u.test(c), 'sentence') : undefined;
  return { text: `${head}${skinNote}${sensitive ? `，${sensitive}` : point ? `，${point}` : ''}。${pregnancy}`, products: [product] };
}

/** 酒精 is listed as 乙醇 on a label. */
const INGREDIENT_NAMES: Record<string, string[]> = { 酒精: ['酒精', '乙醇'], 乙醇: ['酒精', '乙醇'] };

/** "有没有酒精": what the label lists, or what the description says it leaves out; else the main ingredients and the full list offered. */
function ingredientAnswer(product: Product, text: string): string | undefined {
  const named = /酒精|乙醇|香精|防腐剂|激素|荧光剂|矿物油|香料|色素|羊毛脂/u.exec(text)?.[0];
  const listed = product.attributes['成分'];
  if (!named || !listed) return undefined;
  const main = Array.isArray(listed) ? listed.join('、') : String(listed);
  const names = INGREDIENT_NAMES[named] ?? [named];
  if (names.some((n) => main.includes(n))) return `${product.name}的成分里有${named}（主要成分是${main}），对${named}敏感的话建议先在耳后试用，或者我帮您看看不含${named}的。`;
  const without = new RegExp(`不含[^，。；]*(?:${names.join('|')})`, 'u').exec(product.description)?.[0];
  if (without) return `${product.name}${without}，主要成分是${main}，${named}敏感的话可以放心些；第一次用还是建议先在耳后试一两天。`;
  return `${product.name}的主要成分是${main}，完整的成分表我拍给您确认一下有没有${named}，稍等我一下～`;
}

const FACT_CUES: Record<string, string> = { 跟高: '跟|多高', 容量: '容量|毫升|ml|多大', 香调: '香|味|留香', 尺寸: '尺寸|多大|装|长|宽', 版型: '版型|宽松|修身' };

export function answerEfficacy(state: DialogueState): Part {
  const product = state.slots.focus?.value;
  const kind = product?.category ?? state.slots.category?.value.category;
  // "这羽绒服穿了保证不钻绒不": no guarantee for clothes, shoes or bags either, but the store's quality terms.
  if (kind && kind !== '美妆') {
    const name = product?.name ?? state.slots.category?.value.word ?? '这款';
    // "保证不掉色吗 我怕染到里面的衣服": the worry answered with how to avoid it, after the honest no.
    const concern = product ? fabricConcern(product, state.newestText) : undefined;
    if (concern) return { text: `这个我没法跟您打包票哦，不能保证。${concern}。万一签收30天内出现质量问题，可以享受质量问题30天包换～`, products: product ? [product] : [] };
    return { text: `这个我没法跟您打包票哦，不能保证。${name}做工和用料我们都有把关，万一签收30天内出现质量问题，可以享受质量问题30天包换～`, products: product ? [product] : [] };
  }
  const use = product ? `${product.name}建议早晚坚持用，` : '';
  return { text: `护肤品的效果因人而异，几天见效这个我没法跟您打包票哦，不能保证。${use}您可以先领一份小样试用，觉得合适再入正装～`, products: product ? [product] : [] };
}
