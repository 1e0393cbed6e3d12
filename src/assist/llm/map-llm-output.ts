/**
 * The model's JSON → drafts and tag proposals the store can use. Tags outside the library, tags whose
 * evidence is not a verbatim quote of that customer message, and second picks in single-choice groups
 * are dropped (and counted). Prices come only from the catalog via {price:SKU}; a draft with a
 * placeholder that cannot be filled is dropped.
 */
import type { AssistContext } from '../context.ts';
import type { DraftCandidate } from '../engine-types.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { findNamedProducts } from '../knowledge/find-named-products.ts';
import type { Product } from '../knowledge/schemas.ts';
import { formatPrice } from '../offline/fill-template.ts';
import { looksLikeInstruction } from '../injection.ts';
import { maskPii } from '../pii.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import type { TagLibrary } from '../tags/tag-library.ts';
import type { LlmOutput } from './llm-output.ts';

export interface MappedOutput {
  drafts: DraftCandidate[];
  tags: TagProposal[];
  droppedTags: number;
}

const PRICE_PLACEHOLDER = /\{price:([^{}\s]+)\}/gu;

function fillPrices(kb: KnowledgeBase, text: string): { text: string; products: Product[] } | undefined {
  const products: Product[] = [];
  let missing = false;
  const filled = text.replace(PRICE_PLACEHOLDER, (_m, sku: string) => {
    const product = kb.productBySku.get(sku);
    if (!product) {
      missing = true;
      return '';
    }
    products.push(product);
    return formatPrice(product.price);
  });
  if (missing || /\{[^{}]*\}/u.test(filled)) return undefined;
  return { text: filled.trim(), products };
}

/** One model draft → a candidate (prices filled from the catalog), or undefined when it cannot be used. */
export function mapLlmDraft(kb: KnowledgeBase, draft: LlmOutput['drafts'][number], knowledgeIds: ReadonlySet<string>): DraftCandidate | undefined {
  const filled = fillPrices(kb, draft.text);
  if (!filled || filled.text.length === 0) return undefined;
  const named = findNamedProducts(kb, filled.text);
  const products = [...new Map([...filled.products, ...named].map((p) => [p.sku, p])).values()];
  const sourceId = draft.source_id !== null && knowledgeIds.has(draft.source_id) ? draft.source_id : undefined;
  return { source: 'model', ...(sourceId ? { sourceId } : {}), text: filled.text, products };
}

export function mapLlmOutput(
  kb: KnowledgeBase,
  library: TagLibrary,
  context: AssistContext,
  output: LlmOutput,
  knowledgeIds: ReadonlySet<string>,
  existingTagIds: ReadonlySet<string>,
): MappedOutput {
  const drafts: DraftCandidate[] = [];
  for (const draft of output.drafts) {
    const mapped = mapLlmDraft(kb, draft, knowledgeIds);
    if (mapped && !drafts.some((d) => d.text === mapped.text)) drafts.push(mapped);
  }

  const customer = new Map(context.customerMessages.map((m) => [m.id, m]));
  const byGroup = new Map<string, TagProposal>();
  const tags: TagProposal[] = [];
  let dropped = 0;
  for (const proposal of [...output.tags].sort((a, b) => b.confidence - a.confidence)) {
    const tag = library.byId.get(proposal.tag_id);
    const message = customer.get(proposal.message_id);
    const quoted = message !== undefined && (message.text.includes(proposal.evidence) || maskPii(message.text).includes(proposal.evidence));
    // A message that tries to instruct the assistant is no evidence about the customer, whatever the model made of it.
    if (!tag || !message || !quoted || proposal.evidence.trim().length === 0 || looksLikeInstruction(message.text)) {
      dropped++;
      continue;
    }
    if (existingTagIds.has(tag.id) || tags.some((t) => t.tagId === tag.id)) continue;
    const group = library.groups.find((g) => g.id === tag.groupId);
    if (group && !group.multi) {
      if (byGroup.has(group.id)) {
        dropped++;
        continue;
      }
    }
    const mapped: TagProposal = { tag: tag.key, tagId: tag.id, evidence: proposal.evidence, messageId: message.id, confidence: Math.round(proposal.confidence * 100) / 100 };
    if (group && !group.multi) byGroup.set(group.id, mapped);
    tags.push(mapped);
  }
  return { drafts, tags, droppedTags: dropped };
}
