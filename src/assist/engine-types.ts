/** What flows between createAssistant and the engines. */
import type { ChatMessage, CustomerProfile } from '../conversation/model.ts';
import type { AssistContext } from './context.ts';
import type { DialogueState } from './dialogue/dialogue-state.ts';
import type { StateData } from './dialogue/describe-state.ts';
import type { KnowledgeBase } from './knowledge/build-knowledge-base.ts';
import type { Product } from './knowledge/schemas.ts';
import type { DraftSource, TagProposal } from './suggestion-schema.ts';
import type { TagLibrary } from './tags/tag-library.ts';

export interface SuggestInput {
  /** Oldest first. */
  conversation: ChatMessage[];
  profile?: CustomerProfile;
  guideId: string;
  customerId: string;
  /** A regenerate request: "更简短", "更热情", "推荐同价位". */
  instruction?: string;
  now: number;
}

/** Names for placeholders: who the guide is and which store they work in. */
export interface Directory {
  guideName(guideId: string): string | undefined;
  storeName(guideId: string): string | undefined;
}

export interface EngineRequest {
  input: SuggestInput;
  kb: KnowledgeBase;
  library: TagLibrary;
  context: AssistContext;
  directory: Directory;
  /** The dialogue state of the conversation (computed by createAssistant; engines build it when absent). */
  state?: DialogueState;
}

/** A draft before the guardrails. */
export interface DraftCandidate {
  source: DraftSource;
  sourceId?: string;
  text: string;
  /** The approved script/FAQ text it was filled from (its amounts are policy facts). */
  approvedText?: string;
  /** Products the draft quotes (prices from the catalog). */
  products: Product[];
}

export interface EngineResult {
  drafts: DraftCandidate[];
  tags: TagProposal[];
  summary: string;
  nextAction: string;
  /** The dialogue state as data, stored with the suggestion. */
  state?: StateData;
}
