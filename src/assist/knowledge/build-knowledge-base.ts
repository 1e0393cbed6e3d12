/**
 * The in-memory knowledge base: validated files plus one BM25 index per kind (products, FAQ, scripts),
 * so each kind keeps its own term statistics (5,000 products must not drown the idf of the FAQ).
 */
import { buildBm25Index } from './bm25-index.ts';
import type { Bm25Index } from './bm25-index.ts';
import type { Faq, GuardrailsConfig, Policy, Product, Script, TagRule } from './schemas.ts';
import { normalizeAligned } from '../tags/find-phrases.ts';
import { tokenize } from './segment.ts';

export interface KnowledgeParts {
  products: Product[];
  faqs: Faq[];
  scripts: Script[];
  policy: Policy;
  guardrails: GuardrailsConfig;
  tagRules: Record<string, TagRule>;
}

export interface NamedProduct {
  product: Product;
  name: string;
  sku: string;
}

export interface KnowledgeBase extends KnowledgeParts {
  /** Where it was loaded from ('' when built in memory). */
  readonly source: string;
  readonly productIndex: Bm25Index;
  readonly faqIndex: Bm25Index;
  readonly scriptIndex: Bm25Index;
  readonly productBySku: ReadonlyMap<string, Product>;
  readonly faqById: ReadonlyMap<string, Faq>;
  readonly scriptById: ReadonlyMap<string, Script>;
  /** Normalised product names (and skus) longest first, for spotting a product named in a text. */
  readonly namedProducts: readonly NamedProduct[];
}

function tagNames(tags: readonly string[] | undefined): string {
  return (tags ?? []).map((tag) => tag.slice(tag.indexOf('/') + 1)).join(' ');
}

export function productText(product: Product): string {
  const attributes = Object.values(product.attributes)
    .map((value) => (Array.isArray(value) ? value.join(' ') : value))
    .join(' ');
  // The name twice: a hit on the name matters more than one in the description.
  return [product.name, product.name, product.brand, product.category, product.subcategory, attributes, product.description, tagNames(product.tags)].join(' ');
}

export function scriptText(script: Script): string {
  return [script.intent, script.text.replace(/\{[a-z_]+\}/g, ' '), tagNames(script.tags)].join(' ');
}

export function faqText(faq: Faq): string {
  const keywords = (faq.keywords ?? []).join(' ');
  return [faq.topic, faq.question, faq.question, keywords, keywords, faq.answer].join(' ');
}

export function buildKnowledgeBase(parts: KnowledgeParts, source = ''): KnowledgeBase {
  return {
    ...parts,
    source,
    productIndex: buildBm25Index(parts.products.map((product) => tokenize(productText(product)))),
    faqIndex: buildBm25Index(parts.faqs.map((faq) => tokenize(faqText(faq)))),
    scriptIndex: buildBm25Index(parts.scripts.map((script) => tokenize(scriptText(script)))),
    productBySku: new Map(parts.products.map((product) => [product.sku, product])),
    faqById: new Map(parts.faqs.map((faq) => [faq.id, faq])),
    scriptById: new Map(parts.scripts.map((script) => [script.id, script])),
    namedProducts: parts.products
      .map((product) => ({ product, name: normalizeAligned(product.name), sku: normalizeAligned(product.sku) }))
      .sort((x, y) => y.name.length - x.name.length || x.sku.localeCompare(y.sku)),
  };
}
