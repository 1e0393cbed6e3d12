/**
 * The dialogue dev set's property checks: would a store guide send this draft as it is, in answer to
 * the customer's newest message? Pure functions of (line, suggestion, knowledge base).
 *
 * Per draft (a draft is sendable when every rule that applies to the line holds):
 *   answers       one term of each `expect.answers` group, the groups' first hits in order
 *   fitting       names a catalog product that fits `expect.product` (product-fit.ts)
 *   within budget names no product above the budget's tolerance, unless it says so (OVER_BUDGET words
 *                 anywhere in the same draft: 超出/略超/高一点/贵一些 ...)
 *   honest        for a request nothing fits: says there is no exact match and never 在您的预算内
 *   complaint     names no product, no pitch words, and its first sentence apologises or acknowledges
 *   no product    names no catalog product (`expect.noProduct`)
 *   clean         no `{placeholder}`, no guide spoken of in the third person, nothing for another
 *                 situation (welcome to an old contact, 好久不见 to a recent chat, 上次买的 with no purchase,
 *                 您说的身高体重 when the customer gave neither)
 *   right terms   the customer's own size and budget, where the draft restates them, as the customer gave
 *                 them ("有39码" to a customer who wears 37, "在您500以内的预算内" after 预算可以到八百 fail)
 *   not held      needsApproval is false
 * Line-level: a complaint line has a complaint or after-sales tag proposed.
 */
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Budget, DialogueLine } from './dialogue-line.ts';

type ProductWant = NonNullable<NonNullable<DialogueLine['expect']>['product']>;
import { productsNamed } from './named-products.ts';
import { fitsRequest, isOverBudget } from './product-fit.ts';

export interface JudgedDraft {
  text: string;
  skus?: readonly string[];
  needsApproval?: boolean;
}

export interface JudgedSuggestion {
  /** Best first. */
  drafts: readonly JudgedDraft[];
  /** "组/标签". */
  tags: readonly string[];
}

export const PROPERTIES = [
  'answers_newest',
  'fitting_product_top3',
  'within_budget',
  'nothing_fits_honest',
  'complaint_tagged',
  'no_pitch_in_complaint',
  'no_placeholder',
  'no_third_person',
  'no_wrong_situation',
  'no_product',
  'no_wrong_terms',
  'sendable_top3',
  'sendable_top1',
] as const;
export type Property = (typeof PROPERTIES)[number];
export type Checks = Partial<Record<Property, boolean>>;

const OVER_BUDGET = ['超出', '略超', '超过您的预算', '超过预算', '超预算', '预算外', '高一点', '高一些', '略高', '稍高', '贵一些', '贵一点', '稍贵'];
/** "没有" but not "门店没有的尺码可以调货" (an attribute, not an answer). */
const NO_EXACT_MATCH = /没有(?!的)|暂无|暂时没|超出|略高|略超|最接近|高一些|高一点|稍高|贵一些|找不到|没找到/u;
const CLAIMS_IN_BUDGET = ['在您的预算内', '在你的预算内', '预算之内', '预算范围内', '在预算内'];
const PITCH = ['推荐', '新款', '优惠', '上新', '活动', '折扣', '满减'];
const APOLOGY = ['抱歉', '不好意思', '对不起', '理解您', '给您添麻烦', '让您失望', '辛苦您'];
const PLACEHOLDER = /\{[^{}\s]{1,40}\}/u;
/** The guide spoken of as someone else ("发给导购", "导购会先报价"); "我是澜庭的导购" is the guide speaking. */
const FIRST_PERSON_GUIDE = /我(?:是|作为)[^，。！？,.!?\n]{0,15}导购|作为[^，。！？,.!?\n]{0,8}导购/gu;
const THIRD_PERSON_GUIDE = /(?:发给|联系|咨询|告诉|找|问|交给|转给|私信|通知)(?:您的|你的|我们的|门店的?)?(?:专属)?导购|导购(?:会|将|可以|也可以|也会|帮|代|来|为您|先|提前|都)/u;
const WELCOME = ['很高兴加上', '感谢您添加', '欢迎您来'];
const LONG_TIME = ['好久不见', '欢迎回来'];
const LAST_PURCHASE = /上次(?:您|你)?(?:在[^，。]{0,8})?买的/u;
/** "您说的身高体重" is only true when the customer gave a height or a weight. */
const QUOTES_BODY = /您说的身高|您说的体重|按您的身高/u;
const GAVE_BODY = /斤|公斤|kg|cm|厘米|身高|体重|1[4-9]\d(?!\d)/iu;
/** "有39码", "M码的": a size stated as the one in play; "35-40码", "S/M/L码", "从35码起", "最大44码", "只有XL码" bound or list what there is, not theirs. */
const STATED_SIZE = /(?<![-~～到至/从\dA-Za-z])(?<!最大|最小|最大是|最小是|最大的是|最小的是|最大的|最小的|只有|只做)(XXXL|XXL|3XL|XL|XS|S|M|L|3[4-9]|4[0-6])\s*码/gu;
/** "在您500以内的预算内", "您500-800的预算": the budget the draft says the customer gave. */
const STATED_BUDGET = /您的?\s*(?:¥|￥)?(\d+)(?:\s*[-~～到至]\s*(\d+))?\s*(?:元|块)?(以内|以下|之内|左右|上下|以上)?的?预算/gu;
const DAY_MINUTES = 24 * 60;
const LONG_GAP_DAYS = 14;

function firstIndex(text: string, terms: readonly string[]): number {
  let best = -1;
  for (const term of terms) {
    const at = text.indexOf(term);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

const containsAny = (text: string, terms: readonly string[]): boolean => firstIndex(text, terms) >= 0;

export function answersGroups(text: string, groups: readonly (readonly string[])[]): boolean {
  let previous = -1;
  for (const group of groups) {
    const at = firstIndex(text, group);
    if (at < 0 || at < previous) return false;
    previous = at;
  }
  return true;
}

export function firstSentence(text: string): string {
  return text.split(/[。！？!?～~\n]/u).find((s) => s.trim().length > 0) ?? '';
}

export function speaksOfGuideInThirdPerson(text: string): boolean {
  return THIRD_PERSON_GUIDE.test(text.replace(FIRST_PERSON_GUIDE, ''));
}

/** The built-in situation rules plus the line's own `mustNot`. */
export function wrongSituation(line: DialogueLine, text: string): boolean {
  if (line.expect?.mustNot?.some((s) => text.includes(s))) return true;
  const customer = line.customer ?? {};
  const isNew = customer.addedMinutesAgo !== undefined && customer.addedMinutesAgo <= DAY_MINUTES;
  if (!isNew && containsAny(text, WELCOME)) return true;
  if ((customer.daysSinceLastChat ?? 0) < LONG_GAP_DAYS && containsAny(text, LONG_TIME)) return true;
  if ((customer.purchases ?? []).length === 0 && LAST_PURCHASE.test(text)) return true;
  if (QUOTES_BODY.test(text) && !line.context.some((l) => l.startsWith('顾客') && GAVE_BODY.test(l))) return true;
  return false;
}

const canonicalSize = (size: string): string => (size.toUpperCase() === '3XL' ? 'XXXL' : size.toUpperCase());

/** A stated budget is the customer's when a ceiling restates theirs (0.8–1.1×) or the middle of what it says lies in their range. */
function sameBudget(budget: Budget, lo: number, hi: number, ceiling: boolean): boolean {
  // "4000以内" for 四千左右: the ceiling said is their figure.
  if ('around' in budget) return ceiling ? hi >= budget.around * 0.75 && hi <= budget.around * 1.25 : (lo + hi) / 2 >= budget.around * 0.75 && (lo + hi) / 2 <= budget.around * 1.25;
  if (ceiling || budget.min === undefined) return budget.max !== undefined && hi >= budget.max * 0.8 && hi <= budget.max * 1.1;
  const middle = (lo + hi) / 2;
  return middle >= (budget.min ?? 0) * 0.9 && middle <= (budget.max ?? Number.POSITIVE_INFINITY) * 1.1;
}

/** Restated terms that differ from the customer's: a size they did not give, a budget they did not set. */
export function restatesTermsWrongly(want: ProductWant, text: string): boolean {
  if (want.size) {
    const theirs = want.size.split('-').map(canonicalSize);
    const said = [...text.matchAll(STATED_SIZE)].map((m) => canonicalSize(m[1] ?? ''));
    if (said.length > 0 && !said.some((size) => theirs.includes(size))) return true;
  }
  const budget = want.budget;
  if (!budget) return false;
  return [...text.matchAll(STATED_BUDGET)].some((m) => {
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    const ceiling = m[2] === undefined && ['以内', '以下', '之内'].includes(m[3] ?? '');
    return !sameBudget(budget, ceiling ? 0 : lo, hi, ceiling);
  });
}

export interface DraftChecks {
  answers?: boolean;
  fitting?: boolean;
  withinBudget?: boolean;
  honest?: boolean;
  complaint?: boolean;
  noProduct?: boolean;
  rightTerms?: boolean;
  noPlaceholder: boolean;
  noThirdPerson: boolean;
  noWrongSituation: boolean;
  notHeld: boolean;
}

export function checkDraft(line: DialogueLine, draft: JudgedDraft, kb: KnowledgeBase): DraftChecks {
  const expect = line.expect ?? {};
  const named = productsNamed(kb, draft);
  const checks: DraftChecks = {
    noPlaceholder: !PLACEHOLDER.test(draft.text),
    noThirdPerson: !speaksOfGuideInThirdPerson(draft.text),
    noWrongSituation: !wrongSituation(line, draft.text),
    notHeld: draft.needsApproval !== true,
  };
  if (expect.answers) checks.answers = answersGroups(draft.text, expect.answers);
  const want = expect.product;
  if (want && (want.size || want.budget)) checks.rightTerms = !restatesTermsWrongly(want, draft.text);
  if (want && !expect.nothingFits) checks.fitting = named.some((p) => fitsRequest(kb, p, want));
  const budget = want?.budget;
  if (budget) checks.withinBudget = !named.some((p) => isOverBudget(p, budget)) || containsAny(draft.text, OVER_BUDGET);
  // "有没有" is a question, not a "没有".
  if (expect.nothingFits) checks.honest = NO_EXACT_MATCH.test(draft.text.replaceAll('有没有', '')) && !containsAny(draft.text, CLAIMS_IN_BUDGET);
  if (expect.complaint) checks.complaint = named.length === 0 && !containsAny(draft.text, PITCH) && containsAny(firstSentence(draft.text), APOLOGY);
  if (expect.noProduct) checks.noProduct = named.length === 0;
  return checks;
}

export function isSendable(checks: DraftChecks): boolean {
  return Object.values(checks).every((value) => value !== false);
}

export function complaintTagged(tags: readonly string[]): boolean {
  return tags.some((tag) => tag.includes('投诉') || tag.includes('售后'));
}

/** Every property that applies to the line, true or false. */
export function checkLine(line: DialogueLine, suggestion: JudgedSuggestion, kb: KnowledgeBase): Checks {
  const expect = line.expect ?? {};
  const top3 = suggestion.drafts.slice(0, 3);
  const judged = top3.map((draft) => checkDraft(line, draft, kb));
  const top = judged[0];
  const checks: Checks = {};
  if (expect.answers) checks.answers_newest = top?.answers === true;
  if (expect.product && !expect.nothingFits) checks.fitting_product_top3 = judged.some((c) => c.fitting === true);
  if (expect.product?.budget) checks.within_budget = judged.every((c) => c.withinBudget !== false);
  if (expect.nothingFits) checks.nothing_fits_honest = top?.honest === true;
  const tagged = complaintTagged(suggestion.tags);
  if (expect.complaint) {
    checks.complaint_tagged = tagged;
    checks.no_pitch_in_complaint = top?.complaint === true;
  }
  checks.no_placeholder = suggestion.drafts.every((draft) => !PLACEHOLDER.test(draft.text));
  checks.no_third_person = judged.every((c) => c.noThirdPerson);
  checks.no_wrong_situation = judged.every((c) => c.noWrongSituation);
  if (expect.noProduct) checks.no_product = top?.noProduct === true;
  if (expect.product?.size || expect.product?.budget) checks.no_wrong_terms = judged.every((c) => c.rightTerms !== false);
  const lineOk = !expect.complaint || tagged;
  checks.sendable_top3 = lineOk && judged.some(isSendable);
  checks.sendable_top1 = lineOk && top !== undefined && isSendable(top);
  return checks;
}
