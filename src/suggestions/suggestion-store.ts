import type { Suggestion, TagProposal } from '../assist/suggestion-schema.ts';

/** Who a group suggestion answers: the customer who put the question to the guide in that group. */
export interface GroupAsker {
  chatId: string;
  askerId: string;
  askerName: string;
  /** The question as the customer wrote it. */
  question: string;
}

/**
 * A suggestion as kept for one guide–customer conversation (the latest one wins). In a customer group the
 * conversation is the group's: `customerId` holds its chat id and `group` says who asked.
 */
export interface StoredSuggestion extends Suggestion {
  id: string;
  guideId: string;
  customerId: string;
  group?: GroupAsker;
  createdAt: number;
  /** `stale` once a newer customer message arrived that it does not answer. */
  status: 'fresh' | 'stale';
  /** The regenerate instruction it was made with ("更简短", ...). */
  instruction?: string;
}

export type TagDecision = 'accepted' | 'dismissed';

/** The suggestion state port: declares only what the jobs and the sidebar API call. */
export interface SuggestionStore {
  save(suggestion: StoredSuggestion): Promise<void>;
  get(guideId: string, customerId: string): Promise<StoredSuggestion | undefined>;
  /** Marks the current suggestion stale unless it answers `messageId`; returns its id when it changed. */
  markStale(guideId: string, customerId: string, messageId: string): Promise<string | undefined>;
  /** Keeps new proposals (one per tag) unless the guide already decided on that tag; returns what was added. */
  addTagProposals(guideId: string, customerId: string, proposals: TagProposal[]): Promise<TagProposal[]>;
  listTagProposals(guideId: string, customerId: string): Promise<TagProposal[]>;
  /** Removes the proposal and remembers the decision; undefined when there was no such proposal. */
  decideTag(guideId: string, customerId: string, tag: string, decision: TagDecision): Promise<TagProposal | undefined>;
}
