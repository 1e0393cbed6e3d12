/**
 * Keyword and regex hits of one message against one tag group. Within a group the longest keyword
 * wins an overlap ("平板电脑" is 平板, not 计算机), a negated keyword does not count ("不是送人"),
 * and a tag's negative phrases veto the hits they cover.
 */
import { covers, findAll, findRegex, overlaps } from './find-phrases.ts';
import type { Span } from './find-phrases.ts';
import type { LibraryGroup, LibraryTag } from './tag-library.ts';

export interface KeywordHit {
  tag: LibraryTag;
  span: Span;
  phrase: string;
  weight: number;
}

const ASCII_WORD = /^[a-z0-9]/u;
const ASCII_TAIL = /[a-z0-9]$/u;

/** "xl" must not match inside "xxl" or "50ml": an ASCII keyword needs non-ASCII-word neighbours. */
function bounded(normalized: string, start: number, end: number, phrase: string): boolean {
  if (ASCII_WORD.test(phrase) && /[a-z0-9]/u.test(normalized.charAt(start - 1))) return false;
  if (ASCII_TAIL.test(phrase) && /[a-z0-9]/u.test(normalized.charAt(end))) return false;
  return true;
}

const NEGATED_BEFORE = /(?:不是|不要|不想|不用|不需要|没有|不|没|非|无需|别)$/u;
const NEGATOR_START = /^(?:不|没|无|非|别)/u;

/**
 * In a single-choice group a longer keyword of another tag wins the overlap ("平板电脑" is 平板, not
 * 计算机); in a multi-choice group both tags may hold ("态度太差了" is 投诉 and 负面情绪).
 */
export function matchGroupKeywords(group: LibraryGroup, text: string, normalized: string): KeywordHit[] {
  const raw: KeywordHit[] = [];
  for (const tag of group.tags) {
    for (const [phrase, weight] of tag.phrases) {
      for (const span of findAll(normalized, phrase)) {
        if (bounded(normalized, span.start, span.end, phrase)) raw.push({ tag, span, phrase, weight });
      }
    }
  }
  raw.sort((a, b) => b.phrase.length - a.phrase.length || a.span.start - b.span.start || a.tag.rank - b.tag.rank);
  const kept: KeywordHit[] = [];
  for (const hit of raw) {
    // Same span listed under two tags of the group (a shared keyword) keeps both; a longer rival wins.
    const rival = (k: KeywordHit): boolean => (!group.multi || k.tag === hit.tag) && overlaps(k.span, hit.span) && !(k.span.start === hit.span.start && k.span.end === hit.span.end);
    if (kept.some(rival)) continue;
    if (!NEGATOR_START.test(hit.phrase) && NEGATED_BEFORE.test(normalized.slice(Math.max(0, hit.span.start - 3), hit.span.start))) continue;
    if (hit.tag.negative.some((phrase) => findAll(normalized, phrase).some((neg) => covers(neg, hit.span) || overlaps(neg, hit.span)))) continue;
    kept.push(hit);
  }
  for (const tag of group.tags) {
    for (const pattern of tag.regexes) {
      for (const span of findRegex(text, pattern)) {
        if (kept.some((k) => k.tag === tag && overlaps(k.span, span))) continue;
        kept.push({ tag, span, phrase: text.slice(span.start, span.end), weight: 1 });
      }
    }
  }
  return kept;
}

/** A tag's keyword score in one message: each distinct phrase counts fully, repeats a little. */
export function scoreHits(hits: readonly KeywordHit[]): Map<LibraryTag, { score: number; best: KeywordHit }> {
  const byTag = new Map<LibraryTag, { score: number; best: KeywordHit; seen: Map<string, number> }>();
  for (const hit of hits) {
    let entry = byTag.get(hit.tag);
    if (!entry) byTag.set(hit.tag, (entry = { score: 0, best: hit, seen: new Map() }));
    const times = entry.seen.get(hit.phrase) ?? 0;
    entry.seen.set(hit.phrase, times + 1);
    entry.score += times === 0 ? hit.weight : times <= 2 ? hit.weight * 0.25 : 0;
    if (hit.weight > entry.best.weight || (hit.weight === entry.best.weight && hit.phrase.length > entry.best.phrase.length)) entry.best = hit;
  }
  return new Map([...byTag].map(([tag, { score, best }]) => [tag, { score, best }]));
}
