import type { Draft, StoredSuggestion } from './api-types.ts';

export interface DraftSlot {
  draft: Draft;
  /** A model draft is still on its way to this slot (the offline draft shown can be used meanwhile). */
  pending: boolean;
}

export interface ModelSlots {
  slots: DraftSlot[];
  /** The model may still add a draft after the ones shown (every shown draft is already the model's). */
  more: boolean;
  streaming: boolean;
}

/**
 * LLM mode shows the offline drafts first; the model's replace them slot by slot as they arrive. While a
 * fresh suggestion's model is still writing, every slot that holds an offline draft is pending.
 */
export function modelSlots(suggestion: Pick<StoredSuggestion, 'drafts' | 'modelStatus' | 'status'>): ModelSlots {
  const streaming = suggestion.modelStatus === 'streaming' && suggestion.status === 'fresh';
  const slots = suggestion.drafts.map((draft) => ({ draft, pending: streaming && draft.source !== 'model' }));
  return { slots, more: streaming && slots.length < 3 && slots.every((s) => !s.pending), streaming };
}
