/**
 * Tag proposals from the customer's messages: keyword rules of the library plus the built-in
 * extractors (budget bands, sizes, sentiment). Later messages weigh more, so a customer who moved
 * from "先看看" to "就要这件" is proposed 准备购买. Single-choice groups yield at most one tag.
 */
import type { TagProposal } from '../suggestion-schema.ts';
import { extractAmounts, parseBand, pickBand } from './extract-budget.ts';
import type { Band } from './extract-budget.ts';
import { extractSizes, isLetterSizeName } from './extract-size.ts';
import { clauseAround, normalizeAligned } from './find-phrases.ts';
import type { Span } from './find-phrases.ts';
import { matchGroupKeywords, scoreHits } from './match-keywords.ts';
import { scoreSentiment } from './score-sentiment.ts';
import type { SentimentScore } from './score-sentiment.ts';
import type { LibraryGroup, LibraryTag, TagLibrary } from './tag-library.ts';

export interface TagMessage {
  id: string;
  text: string;
}

export interface ExtractTagsOptions {
  /** Sizes by height (160/84A) differ for men. */
  male?: boolean;
  /** Tag ids the customer already has: not proposed again. */
  existingTagIds?: ReadonlySet<string>;
  /** Minimum score for a proposal (a keyword shared by two tags of a group scores 0.5). */
  minScore?: number;
}

interface Candidate {
  tag: LibraryTag;
  score: number;
  /** Message order and offset of the strongest evidence, for "the later statement wins". */
  order: number;
  evidence: { messageId: string; text: string; span: Span };
}

const SENTIMENT_FLOOR = 0.5;
const COMPLAINT_MARGIN = 2.5;
/** A complaint is unhappiness about something that went wrong: a defect, a delay, a wrong item, a refund. */
const PROBLEM = /坏了|断了|掉了|裂了|破了|开胶|开线|脱胶|脱线|起球|掉色|褪色|缩水|发错|错发|少发|漏发|还没到|没收到|没到|退货|退款|退钱|压扁|破损|质量|磨脚|过敏|又|第[二三四五]次|态度|服务|再也不/u;
// A question anywhere ("起球正常吗？才穿了两次") makes it a request for help rather than a complaint.
const ASKING = /[吗么？?]|什么时候|怎么办|能不能|可不可以|有没有/u;
const EXASPERATED = /[！!]{2,}|又|到底|第[二三四五六七八九]次|气死|失望|太差|再也不|怎么回事|什么态度|投诉/u;
// Sizes for someone else ("他穿XXL", "给我女儿买") are not the customer's own.
const SOMEONE_ELSE = /(?:他|她|老公|老婆|男朋友|女朋友|男友|女友|爸爸|妈妈|爸|妈|女儿|儿子|弟弟|妹妹|哥哥|姐姐|婆婆|闺蜜|朋友|同事|客户|孩子|宝宝)(?:穿|戴|用|要)|(?:给|送)(?:我)?(?:老公|老婆|男朋友|女朋友|男友|女友|爸爸|妈妈|爸|妈|女儿|儿子|弟弟|妹妹|哥哥|姐姐|婆婆|公公|闺蜜|朋友|同事|客户|长辈|孩子|宝宝)/u;

function bandsOf(group: LibraryGroup): { tag: LibraryTag; band: Band }[] {
  const bands = group.tags.flatMap((tag) => {
    const band = parseBand(tag.name);
    return band ? [{ tag, band }] : [];
  });
  return bands.length >= 2 ? bands : [];
}

function isSizeGroup(group: LibraryGroup): boolean {
  return group.tags.filter((tag) => isLetterSizeName(tag.name)).length >= 3;
}

/** Any clear margin clears the proposal threshold; a wider one gives a higher confidence. */
function sentimentContribution(tag: LibraryTag, sentiment: SentimentScore, text: string): { score: number; span: Span } | undefined {
  const margin = sentiment.negative - sentiment.positive;
  const wantNegative = tag.extractor !== 'positive-sentiment';
  const strongest = sentiment.hits
    .filter((hit) => hit.polarity === (wantNegative ? -1 : 1))
    .sort((a, b) => b.weight - a.weight || a.span.start - b.span.start)[0];
  if (!strongest) return undefined;
  if (tag.extractor === 'positive-sentiment') {
    return sentiment.positive >= SENTIMENT_FLOOR * 0.5 && -margin > 0 ? { score: 0.5 - margin / 2, span: strongest.span } : undefined;
  }
  if (tag.extractor === 'complaint') {
    // "拉链坏了 能修吗" asks for help; "开胶第三次了！！" or "又发错了" complains.
    const problem = PROBLEM.test(text);
    const exasperated = EXASPERATED.test(text);
    const asking = ASKING.test(text) && !exasperated;
    const complaint = (problem && exasperated) || (problem && !asking && margin > 0.5) || margin > COMPLAINT_MARGIN;
    return complaint && sentiment.negative > 0 ? { score: 0.5 + Math.max(margin, 1) / 2, span: strongest.span } : undefined;
  }
  return sentiment.negative >= SENTIMENT_FLOOR && margin > 0 ? { score: 0.5 + margin / 2, span: strongest.span } : undefined;
}

function candidatesOf(group: LibraryGroup, message: TagMessage, recency: number, order: number, options: ExtractTagsOptions): Candidate[] {
  const normalized = normalizeAligned(message.text);
  const out = new Map<LibraryTag, Candidate>();
  const add = (tag: LibraryTag, score: number, span: Span, offset: number): void => {
    const weighted = score * recency;
    const current = out.get(tag);
    if (current) {
      current.score += weighted;
      return;
    }
    out.set(tag, { tag, score: weighted, order: order + offset / 10_000, evidence: { messageId: message.id, text: message.text, span } });
  };
  for (const [tag, { score, best }] of scoreHits(matchGroupKeywords(group, message.text, normalized))) add(tag, score, best.span, best.span.start);
  let sentiment: SentimentScore | undefined;
  for (const tag of group.tags) {
    if (!tag.extractor) continue;
    sentiment ??= scoreSentiment(message.text);
    const found = sentimentContribution(tag, sentiment, message.text);
    if (found) add(tag, found.score, found.span, found.span.start);
  }
  const bands = bandsOf(group);
  if (bands.length > 0) {
    for (const amount of extractAmounts(normalized)) {
      const hit = pickBand(bands, amount);
      if (hit) add(hit.tag, 1.5 * amount.strength, amount.span, amount.span.start);
    }
  }
  if (isSizeGroup(group) && !SOMEONE_ELSE.test(normalized)) {
    for (const size of extractSizes(normalized, { male: options.male ?? false })) {
      const tag = size.letter ? group.tags.find((t) => t.name.trim().toUpperCase() === size.letter) : undefined;
      if (tag) add(tag, 1.5 * size.strength, size.span, size.span.start);
    }
  }
  return [...out.values()];
}

function confidenceOf(score: number): number {
  return Math.round(Math.min(0.97, 1 - Math.exp(-1.2 * score)) * 100) / 100;
}

/** Proposals for the customer messages (oldest first). Deterministic for a given input. */
export function extractTags(library: TagLibrary, messages: readonly TagMessage[], options: ExtractTagsOptions = {}): TagProposal[] {
  const minScore = options.minScore ?? 0.5;
  const proposals: TagProposal[] = [];
  const pendingFallbacks: LibraryTag[] = [];
  for (const group of library.groups) {
    const merged = new Map<LibraryTag, Candidate>();
    messages.forEach((message, index) => {
      if (message.text.trim().length === 0) return;
      const recency = Math.max(0.4, 0.8 ** (messages.length - 1 - index));
      for (const candidate of candidatesOf(group, message, recency, index, options)) {
        const current = merged.get(candidate.tag);
        if (!current) merged.set(candidate.tag, candidate);
        else {
          current.score += candidate.score;
          // The latest mention is the best quote: it is what the customer says now.
          if (candidate.order > current.order) {
            current.order = candidate.order;
            current.evidence = candidate.evidence;
          }
        }
      }
    });
    let ranked = [...merged.values()]
      .filter((c) => c.score >= minScore)
      .sort((a, b) => b.score - a.score || b.order - a.order || a.tag.rank - b.tag.rank);
    if (!group.multi) ranked = ranked.slice(0, 1);
    if (ranked.length === 0) {
      const fallback = group.tags.find((tag) => tag.fallback);
      if (fallback) pendingFallbacks.push(fallback);
    }
    for (const candidate of ranked) {
      if (options.existingTagIds?.has(candidate.tag.id)) continue;
      const quote = clauseAround(candidate.evidence.text, candidate.evidence.span);
      proposals.push({
        tag: candidate.tag.key,
        tagId: candidate.tag.id,
        evidence: candidate.evidence.text.slice(quote.start, quote.end),
        messageId: candidate.evidence.messageId,
        confidence: confidenceOf(candidate.score),
      });
    }
  }
  return withFallbacks(library, proposals, pendingFallbacks, messages, options);
}

/**
 * A group default applies only when the customer talked about something the library knows (a keyword
 * tag matched elsewhere) and is not only venting: "在吗" or "服务太差" says nothing about the stage.
 */
function withFallbacks(library: TagLibrary, proposals: TagProposal[], fallbacks: readonly LibraryTag[], messages: readonly TagMessage[], options: ExtractTagsOptions): TagProposal[] {
  const last = messages.findLast((m) => m.text.trim().length > 0);
  if (fallbacks.length === 0 || !last) return proposals;
  // Proposals from a group with a sentiment extractor (客户状态) say how the customer feels, not what about.
  const moodGroups = new Set(library.groups.filter((g) => g.tags.some((t) => t.extractor !== undefined)).map((g) => g.id));
  const informative = proposals.some((p) => {
    const tag = library.byKey.get(p.tag);
    return tag !== undefined && !tag.fallback && !moodGroups.has(tag.groupId);
  });
  if (!informative) return proposals;
  const extra = fallbacks
    .filter((tag) => !options.existingTagIds?.has(tag.id))
    .map((tag) => {
      const start = Math.max(0, last.text.search(/\S/u));
      return { tag: tag.key, tagId: tag.id, evidence: last.text.slice(start, start + 24).trimEnd(), messageId: last.id, confidence: 0.35 };
    });
  return [...proposals, ...extra];
}
