/**
 * 更简短: a reply cut to at most a share of its length at a sentence or clause boundary, so it still
 * reads as a whole reply. Never longer than the original, and never empty.
 */
const SENTENCE = /[^。！？!?～~]+[。！？!?～~]*/gu;
const CLAUSE = /[^，,；;。！？!?～~]+[，,；;。！？!?～~]*/gu;

function take(pieces: readonly string[], max: number): string {
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out;
}

export function shortenTo(text: string, ratio = 0.6): string {
  const max = Math.max(8, Math.floor(text.length * ratio));
  if (text.length <= max) return text;
  const bySentence = take(text.match(SENTENCE) ?? [], max);
  if (bySentence.length > 0) return bySentence.trim();
  const byClause = take(text.match(CLAUSE) ?? [], max).replace(/[，,；;]$/u, '。');
  if (byClause.length > 0) return byClause.trim();
  return `${text.slice(0, max - 1)}…`;
}
