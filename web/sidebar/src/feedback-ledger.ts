import type { StoredSuggestion } from './api-types.ts';

/** The part of Web Storage the page uses; tests pass a Map-backed stand-in. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'ga-sidebar-feedback';
const MAX_ENTRIES = 300;

/** What the guide did with a draft on this device. */
export type DraftOutcome = 'sent' | 'copied' | 'rejected' | 'ignored';

interface Entries {
  shown: string[];
  acted: Array<[string, DraftOutcome]>;
}

const OUTCOMES: readonly string[] = ['sent', 'copied', 'rejected', 'ignored'];

const keyOf = (suggestionId: string, draftId: string): string => `${suggestionId}:${draftId}`;

/**
 * Remembers which drafts were shown and what the guide did with them (sent, copied, rejected), so `shown` is
 * recorded once per draft even across a reload, a sent draft still reads 已发送 after one, and drafts the
 * guide replaces (regenerate) without any action count as `ignored`.
 */
export class FeedbackLedger {
  private readonly shown = new Set<string>();
  private readonly acted = new Map<string, DraftOutcome>();

  constructor(private readonly store?: KeyValueStore) {
    const saved = this.read();
    for (const key of saved.shown) this.shown.add(key);
    for (const [key, outcome] of saved.acted) this.acted.set(key, outcome);
  }

  /** True the first time a draft is shown: the caller records `shown` then. */
  markShown(suggestionId: string, draftId: string): boolean {
    const key = keyOf(suggestionId, draftId);
    if (this.shown.has(key)) return false;
    this.shown.add(key);
    this.save();
    return true;
  }

  /** Records the guide's action; a later send outranks an earlier copy, nothing outranks a send. */
  markActed(suggestionId: string, draftId: string, outcome: DraftOutcome): void {
    const key = keyOf(suggestionId, draftId);
    if (this.acted.get(key) === 'sent') return;
    this.acted.set(key, outcome);
    this.save();
  }

  outcomeOf(suggestionId: string, draftId: string): DraftOutcome | undefined {
    return this.acted.get(keyOf(suggestionId, draftId));
  }

  /**
   * Drafts of `suggestion` that were shown but got no action: the guide is about to replace them (regenerate),
   * so they count as ignored. Each is returned once; it is marked so a second call does not count it again.
   */
  takeUntouched(suggestion: StoredSuggestion | null | undefined): string[] {
    if (!suggestion) return [];
    const ignored = suggestion.drafts
      .map((d) => d.id)
      .filter((id) => this.shown.has(keyOf(suggestion.id, id)) && !this.acted.has(keyOf(suggestion.id, id)));
    for (const id of ignored) this.acted.set(keyOf(suggestion.id, id), 'ignored');
    if (ignored.length > 0) this.save();
    return ignored;
  }

  private read(): Entries {
    try {
      const raw = this.store?.getItem(STORAGE_KEY);
      const parsed = raw ? (JSON.parse(raw) as Partial<Entries>) : {};
      const shown = Array.isArray(parsed.shown) ? parsed.shown.filter((k): k is string => typeof k === 'string') : [];
      const acted = Array.isArray(parsed.acted)
        ? parsed.acted.filter((e): e is [string, DraftOutcome] => Array.isArray(e) && typeof e[0] === 'string' && OUTCOMES.includes(String(e[1])))
        : [];
      return { shown, acted };
    } catch {
      return { shown: [], acted: [] };
    }
  }

  private save(): void {
    if (!this.store) return;
    const entries: Entries = { shown: [...this.shown].slice(-MAX_ENTRIES), acted: [...this.acted.entries()].slice(-MAX_ENTRIES) };
    try {
      this.store.setItem(STORAGE_KEY, JSON.stringify(entries));
    } catch {
      // Private mode or a full quota: the in-memory sets still prevent duplicates on this page.
    }
  }
}
