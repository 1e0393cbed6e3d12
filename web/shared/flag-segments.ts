/** A guardrail flag on a piece of text, as both the guide API and the review API send it. */
export type Severity = 'info' | 'warn' | 'block';

export interface Flag {
  rule: string;
  /** [start, end) in UTF-16 code units of the text. */
  span: [number, number];
  text: string;
  reason: string;
  severity: Severity;
}

/** A run of text and the flags that cover it (none for plain text). */
export interface Segment {
  text: string;
  start: number;
  end: number;
  flags: Flag[];
}

export interface FlaggedText {
  segments: Segment[];
  /** Flags whose words are not in this text (after an edit, say); their reasons are still shown. */
  unplaced: Flag[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export function worstSeverity(flags: readonly Flag[]): Severity | null {
  let worst: Severity | null = null;
  for (const flag of flags) if (worst === null || SEVERITY_RANK[flag.severity] > SEVERITY_RANK[worst]) worst = flag.severity;
  return worst;
}

/** Flags ordered for reading: the most severe first, then by position in the text. */
export function sortFlags(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.span[0] - b.span[0]);
}

/**
 * Where a flag sits in `text`: its span while the span still holds the flagged words, else the first
 * occurrence of those words (the span may have been computed on a slightly different text), else nowhere.
 * Marking the wrong words would mislead the reader more than marking none.
 */
export function placeFlag(text: string, flag: Flag): [number, number] | null {
  const [start, end] = flag.span;
  const inRange = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
  if (inRange && (flag.text === '' || text.slice(start, end) === flag.text)) return [start, end];
  if (flag.text !== '') {
    const found = text.indexOf(flag.text);
    if (found >= 0) return [found, found + flag.text.length];
  }
  return null;
}

/** Cuts the text at every flag boundary, so overlapping flags become runs that list every flag covering them. */
export function segmentFlaggedText(text: string, flags: readonly Flag[]): FlaggedText {
  const placed: Array<{ flag: Flag; start: number; end: number }> = [];
  const unplaced: Flag[] = [];
  for (const flag of flags) {
    const range = placeFlag(text, flag);
    if (range) placed.push({ flag, start: range[0], end: range[1] });
    else unplaced.push(flag);
  }
  const cuts = new Set<number>([0, text.length]);
  for (const p of placed) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = placed.filter((p) => p.start <= start && p.end >= end).map((p) => p.flag);
    const last = segments.at(-1);
    if (last && last.flags.length === 0 && covering.length === 0) {
      last.text += text.slice(start, end);
      last.end = end;
    } else {
      segments.push({ text: text.slice(start, end), start, end, flags: covering });
    }
  }
  return { segments, unplaced };
}
