import { join } from 'node:path';
import OpenAI from 'openai';
import { createAssistant, type Assistant } from '../assist/create-assistant.ts';
import type { CorpTagLibrary } from '../assist/knowledge/schemas.ts';
import { loadCorpTags } from '../assist/knowledge/load-knowledge.ts';
import { checkDraft } from '../assist/guardrails/check-draft.ts';
import { scopeKnowledge, type StoreScope } from '../assist/knowledge/scope-knowledge.ts';
import { searchKnowledge } from '../assist/knowledge/search-knowledge.ts';
import { watchKnowledge, type KnowledgeWatcher } from '../assist/knowledge/watch-knowledge.ts';
import { createLlmEngine } from '../assist/llm/llm-engine.ts';
import { buildContext } from '../assist/context.ts';
import type { SlotValues } from '../assist/knowledge/fill-slots.ts';
import { priceText } from '../assist/knowledge/fill-slots.ts';
import { findFocusProducts } from '../assist/offline/focus-products.ts';
import { recommendProducts } from '../assist/recommend-products.ts';
import { buildAssistLibrary } from '../assist/tags/build-assist-library.ts';
import type { Config } from '../config.ts';
import type { CorpTagCache, CorpTags } from '../conversation/corp-tag-cache.ts';
import { buildTagDirectory, type TagDirectory } from '../conversation/tag-directory.ts';
import type { KnowledgePort, SearchAudience } from '../http/guide-deps.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';

export interface AssistParts {
  assistant: Assistant;
  knowledge: KnowledgeWatcher;
  knowledgePort: KnowledgePort;
  tagDirectory: () => TagDirectory;
  /** Swaps in the corp tags WeCom reported (after a tag event or at start). */
  useCorpTags: (tags: CorpTags) => void;
  close(): void;
}

/** WeCom has no single/multi-choice flag: tags.yaml's `multi` stays the local rule, joined by group name. */
function fromCache(tags: CorpTags, local: CorpTagLibrary): CorpTagLibrary {
  const multiByName = new Map(local.groups.map((g) => [g.name, g.multi]));
  return {
    groups: tags.groups.map((g) => ({
      id: g.id,
      name: g.name,
      multi: multiByName.get(g.name) ?? true,
      order: g.order,
      tags: g.tags.map((t) => ({ id: t.id, name: t.name })),
    })),
  };
}

/** Knowledge base (reloaded on change), tag library (tags.yaml, replaced by WeCom's when known), engine. */
export async function buildAssist(config: Config, deps: { tagCache: CorpTagCache; org: Org; log: Logger }): Promise<AssistParts> {
  const dir = config.assist.knowledgeDir;
  const local = await loadCorpTags(join(dir, 'tags.yaml'));
  let corpTags: CorpTagLibrary = local;
  const cached = await deps.tagCache.get();
  if (cached) corpTags = fromCache(cached, local);

  const knowledge = await watchKnowledge(dir, () => deps.log.info({ dir }, 'knowledge base reloaded'), {
    onError: (error) => deps.log.error({ err: error, dir }, 'knowledge base reload failed; keeping the last good one'),
  });
  const singleChoice = (): Set<string> => new Set(corpTags.groups.filter((g) => !g.multi).map((g) => g.name));
  let directory = buildTagDirectory(corpTags, singleChoice());
  const llm =
    config.assist.engine === 'llm'
      ? createLlmEngine({
          client: new OpenAI({ baseURL: config.assist.llm.baseUrl, apiKey: config.secrets.llmApiKey, maxRetries: 0, timeout: config.assist.llm.timeoutMs }),
          model: config.assist.llm.model,
          timeoutMs: config.assist.llm.timeoutMs,
        })
      : undefined;
  /** An admin sees every store's scripts; anyone else those of their stores and the company-wide ones. */
  const storesOf = (userId: string): StoreScope => {
    const member = deps.org.member(userId);
    return member?.role === 'admin' ? 'all' : (member?.stores ?? []);
  };
  const assistant = createAssistant({
    storesOf,
    knowledge,
    corpTags: () => corpTags,
    engine: config.assist.engine,
    ...(llm ? { llm } : {}),
    directory: {
      guideName: (id) => deps.org.member(id)?.name,
      storeName: (id) => deps.org.stores.find((s) => s.id === deps.org.member(id)?.stores[0])?.name,
    },
  });
  const storeNameOf = (guideId: string): string | undefined => deps.org.stores.find((s) => s.id === deps.org.member(guideId)?.stores[0])?.name;
  /** Only one clear focus product fills a template: quoting the wrong product is worse than asking. */
  const slotValues = (audience: SearchAudience | undefined): SlotValues => {
    if (!audience) return {};
    const kb = knowledge.current();
    const picked = audience.sku === undefined ? undefined : kb.products.find((p) => p.sku === audience.sku);
    const focus = picked ? [picked] : audience.conversation ? findFocusProducts(kb, buildContext(audience.conversation)) : [];
    const product = focus.length === 1 ? focus[0] : undefined;
    const guideName = deps.org.member(audience.guideId)?.name;
    const storeName = storeNameOf(audience.guideId) ?? kb.policy.store.name;
    return {
      ...(guideName ? { guide_name: guideName } : {}),
      store_name: storeName,
      ...(audience.customerName !== undefined ? { customer_name: audience.customerName } : {}),
      ...(product ? { product_name: product.name, price: priceText(product.price) } : {}),
    };
  };
  const knowledgePort: KnowledgePort = {
    search: (query, limit, audience) =>
      searchKnowledge(scopeKnowledge(knowledge.current(), audience ? storesOf(audience.guideId) : []), query, limit, slotValues(audience)).map(({ score: _score, ...hit }) => hit),
    check: (text, context) => {
      const kb = knowledge.current();
      const skus = new Set(context.skus ?? []);
      const { flags, needsApproval } = checkDraft(kb, text, {
        products: kb.products.filter((p) => skus.has(p.sku)),
        ...(context.approvedText ? { approvedText: context.approvedText } : {}),
      });
      return { flags, needsApproval };
    },
    recommend: (guideId, profile, conversation, limit, focusTags) => {
      const kb = knowledge.current();
      return recommendProducts(kb, profile, conversation, limit, { library: buildAssistLibrary(corpTags, kb), guideId, tags: focusTags });
    },
  };
  return {
    assistant,
    knowledge,
    knowledgePort,
    tagDirectory: () => directory,
    useCorpTags(tags) {
      corpTags = fromCache(tags, local);
      directory = buildTagDirectory(corpTags, singleChoice());
    },
    close: () => knowledge.close(),
  };
}
