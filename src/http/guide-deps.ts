import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { ChatMessage, CustomerProfile } from '../conversation/model.ts';
import type { TagDirectory } from '../conversation/tag-directory.ts';
import type { SuggestJob } from '../jobs/suggest-job.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';
import type { ApprovalStore } from '../suggestions/approval-store.ts';
import type { FeedbackStore } from '../suggestions/feedback-store.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import type { SuggestionStore } from '../suggestions/suggestion-store.ts';
import type { TaskStore } from '../tasks/task-store.ts';
import type { MarkTagInput } from '../wecom/api/wecom-api.ts';
import type { CookieSigner } from './session-cookie.ts';
import type { SessionStore } from '../org/session-store.ts';

export interface KnowledgeResult {
  kind: 'product' | 'faq' | 'script';
  id: string;
  title: string;
  text: string;
  price?: number;
}

export interface KnowledgePort {
  search(query: string, limit: number): KnowledgeResult[];
  /** `focusTags`: tags the current conversation points at ("组/标签"), weighed above the profile's. */
  recommend(guideId: string, profile: CustomerProfile | undefined, conversation: ChatMessage[], limit: number, focusTags: string[]): Array<{ sku: string; name: string; price: number; reason: string }>;
}

/** Everything the guide-facing routes need; built once in the composition root. */
export interface GuideApiDeps {
  store: ConversationStore;
  suggestions: SuggestionStore;
  approvals: ApprovalStore;
  feedback: FeedbackStore;
  tasks: TaskStore;
  feed: LiveFeed;
  tags: () => TagDirectory;
  knowledge: KnowledgePort;
  markTag: (input: MarkTagInput) => Promise<void>;
  record: (messages: ChatMessage[]) => Promise<ChatMessage[]>;
  regenerate: (job: SuggestJob) => Promise<void>;
  signer: CookieSigner;
  sessions: SessionStore;
  org: Org;
  log: Logger;
  now: () => number;
}
