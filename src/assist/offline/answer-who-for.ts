/**
 * "牛皮卡包男生用会不会太秀气", "我妈六十几岁穿好看吗": whether the product in view suits the person the
 * customer names, from who it is made for, and for someone it does not suit, the one of its kind that does.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { priceTag, sellingPoint } from './describe-product.ts';
import { madeFor, pickProducts } from './pick-products.ts';
import { speakOfRecipient } from './speak-of-recipient.ts';

const MEN = /男的|男生|男士|男人|男孩|老公|男朋友|先生|爸|老头|老爷子|公公|岳父|他/u;
const WOMEN = /女的|女生|女士|女人|女孩|小姑娘|老婆|女朋友|妈|婆婆|阿姨|闺蜜|老太|她/u;
const OLDER = /[五六七八]十|[5-8]\d岁|妈|爸|婆婆|公公|长辈|老人|老爷子|老头|老太|阿姨|叔叔/u;

export function answerWhoFor(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined, clause: string): Part | undefined {
  const product = state.slots.focus?.value;
  if (!product) return undefined;
  const recipient = state.slots.recipient?.value;
  const wearer = MEN.test(clause) ? 'male' : WOMEN.test(clause) ? 'female' : recipient?.gender;
  const older = OLDER.test(clause) || recipient?.older === true;
  const who = recipient ? speakOfRecipient(recipient) : wearer === 'male' ? '男士' : older ? '长辈' : '女士';
  const made = madeFor(product);
  if (wearer && made !== 'both' && made !== wearer) {
    const kind = { word: product.subcategory, category: product.category, subcategories: [product.subcategory] };
    const slots = { ...state.slots, gender: { value: wearer, messageId: state.newestMessageId ?? '', quote: clause }, category: { value: kind, messageId: state.newestMessageId ?? '', quote: product.subcategory } };
    const [other] = pickProducts(kb, { ...state, slots }, profile, { n: 1, exclude: new Set([product.sku]) }).fits;
    const instead = other ? `给${who}的话更推荐${other.name}（${priceTag(other)}）${sellingPoint(other) ? `，${sellingPoint(other)}` : ''}` : `${product.subcategory}里暂时没有专门给${who}的款，我帮您看看别的`;
    return { text: `${product.name}是${made === 'male' ? '男士' : '女士'}款，${who}${product.category === '服装' || product.category === '鞋履' ? '穿' : '用'}不太合适；${instead}。`, products: other ? [other] : [] };
  }
  const verb = product.category === '服装' || product.category === '鞋履' ? '穿' : product.subcategory === '首饰' ? '戴' : '用';
  const fit = made === 'both' ? (product.category === '美妆' ? `男女都可以用，${who}用也很合适` : `款式简洁不挑人，${who}${verb}也很合适`) : `${who}${verb}正合适`;
  const age = older && product.category !== '美妆' ? '，款式大方不挑年龄，上身很得体' : '';
  return { text: `${product.name}${fit}${age}。我拍几张实拍图给您看看细节～`, products: [product] };
}
