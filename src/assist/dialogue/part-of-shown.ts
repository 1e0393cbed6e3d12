/**
 * "帽子能拆下来不" after the guide showed a down coat whose description says 帽子可拆: the word names a part
 * of the product in view, asked about, not a kind of product wanted.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { CategoryNeed } from './dialogue-state.ts';
import type { Needs } from './read-needs.ts';
import { QUESTION } from './looks-like-question.ts';
import { fitsNeed, productsInOrder } from './read-focus.ts';

const WANTS = /想要|想买|推荐|再看看|还有别的|有没有(?:[^，。？?]{0,6})的/u;

export function partOfShown(kb: KnowledgeBase, guideSaid: string, need: CategoryNeed, text: string): boolean {
  if (!QUESTION.test(text) || WANTS.test(text)) return false;
  const shown = productsInOrder(kb, guideSaid);
  return shown.length > 0 && shown.every((p) => !fitsNeed(p, need)) && shown.some((p) => p.description.includes(need.word));
}

/** The needs read from `text` without a kind that is only a part of the product the guide just showed. */
export function withoutPartOfShown(kb: KnowledgeBase, guideSaid: string, needs: Needs, text: string): Needs {
  if (!needs.category || !partOfShown(kb, guideSaid, needs.category.value, text)) return needs;
  const rest = { ...needs };
  delete rest.category;
  return rest;
}
