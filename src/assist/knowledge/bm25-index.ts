/**
 * A compact in-memory BM25 (Okapi) index over pre-tokenised documents. Immutable once built: a reload
 * builds a new index and swaps it, so readers never see a half-built one.
 */

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Hit {
  doc: number;
  score: number;
}

export interface Bm25Index {
  readonly size: number;
  /** Documents containing the term. */
  docFrequency(term: string): number;
  idf(term: string): number;
  /** Scores for weighted query terms; returns the best `n` hits, ties broken by document order. */
  search(query: ReadonlyMap<string, number>, n: number, accept?: (doc: number) => boolean): Bm25Hit[];
  /** Score of one document for the query (for re-ranking a known candidate). */
  scoreDoc(query: ReadonlyMap<string, number>, doc: number): number;
}

export function buildBm25Index(docs: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  const lengths = new Float64Array(docs.length);
  let total = 0;
  docs.forEach((tokens, doc) => {
    lengths[doc] = tokens.length;
    total += tokens.length;
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], tfs: [] }));
      list.docs.push(doc);
      list.tfs.push(tf);
    }
  });
  const avgdl = docs.length === 0 ? 1 : Math.max(total / docs.length, 1);
  const norms = new Float64Array(docs.length);
  for (let doc = 0; doc < docs.length; doc++) norms[doc] = k1 * (1 - b + (b * (lengths[doc] ?? 0)) / avgdl);

  const idf = (term: string): number => {
    const df = postings.get(term)?.docs.length ?? 0;
    if (df === 0) return 0;
    // The "+1" form keeps idf positive for terms present in most documents.
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  };

  const accumulate = (query: ReadonlyMap<string, number>): Map<number, number> => {
    const scores = new Map<number, number>();
    for (const [term, weight] of query) {
      const list = postings.get(term);
      if (!list || weight <= 0) continue;
      const termIdf = idf(term) * weight;
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] ?? 0;
        const tf = list.tfs[i] ?? 0;
        const add = (termIdf * tf * (k1 + 1)) / (tf + (norms[doc] ?? k1));
        scores.set(doc, (scores.get(doc) ?? 0) + add);
      }
    }
    return scores;
  };

  return {
    size: docs.length,
    docFrequency: (term) => postings.get(term)?.docs.length ?? 0,
    idf,
    search(query, n, accept) {
      const hits: Bm25Hit[] = [];
      for (const [doc, score] of accumulate(query)) {
        if (score > 0 && (!accept || accept(doc))) hits.push({ doc, score });
      }
      hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
      return hits.slice(0, n);
    },
    scoreDoc(query, doc) {
      let score = 0;
      for (const [term, weight] of query) {
        const list = postings.get(term);
        if (!list || weight <= 0) continue;
        const at = list.docs.indexOf(doc);
        if (at < 0) continue;
        const tf = list.tfs[at] ?? 0;
        score += (idf(term) * weight * tf * (k1 + 1)) / (tf + (norms[doc] ?? k1));
      }
      return score;
    },
  };
}

/** Bag of words → weighted query: repeated terms add up, so a word said twice counts more. */
export function toQuery(tokens: readonly string[], weight = 1, into = new Map<string, number>()): Map<string, number> {
  for (const token of tokens) into.set(token, (into.get(token) ?? 0) + weight);
  return into;
}
