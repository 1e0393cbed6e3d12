import type { Flag } from '../assist/suggestion-schema.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { CustomerGroup, GroupMessage } from '../conversation/group-model.ts';
import type { GroupStore } from '../conversation/group-store.ts';
import type { ChatMessage, CustomerProfile } from '../conversation/model.ts';
import type { TagDirectory } from '../conversation/tag-directory.ts';
import type { SuggestJob } from '../jobs/suggest-job.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';
import type { Approval, ApprovalStore } from '../suggestions/approval-store.ts';
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
  /** Template slots still open ("product_name"): the text must not be sent until they are filled. */
  slots?: string[];
}

/** Who a knowledge search is for: results are filled with this guide's names and this chat's focus product. */
export interface SearchAudience {
  guideId: string;
  customerName?: string;
  conversation?: ChatMessage[];
  /** The product the guide picked for a template's product slot (catalog name and price). */
  sku?: string;
}

export interface KnowledgePort {
  search(query: string, limit: number, audience?: SearchAudience): KnowledgeResult[];
  /**
   * The guardrails on a text a guide is about to send. `approvedText` is the draft (or the manager's
   * wording) it was edited from, `skus` the products that draft was about.
   */
  check(text: string, context: { approvedText?: string; skus?: readonly string[] }): { flags: Flag[]; needsApproval: boolean };
  /** `focusTags`: tags the current conversation points at ("组/标签"), weighed above the profile's. */
  recommend(guideId: string, profile: CustomerProfile | undefined, conversation: ChatMessage[], limit: number, focusTags: string[]): Array<{ sku: string; name: string; price: number; reason: string }>;
}

/** Customer groups as the guide API sees them. */
export interface GroupAccess {
  /** Cached details, else asked of WeCom; undefined when WeCom does not know the chat. */
  load(chatId: string): Promise<CustomerGroup | undefined>;
  store: GroupStore;
  /** Where the sidebar's sent lines go (the same recorder as the archive's group lines). */
  record(messages: GroupMessage[]): Promise<GroupMessage[]>;
}

/** Everything the guide-facing routes need; built once in the composition root. */
export interface GuideApiDeps {
  store: ConversationStore;
  groups: GroupAccess;
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
  /** The guide's store policy on edited drafts: hold risky ones, and the store's own threshold if it has one. */
  editPolicy: (guideId: string) => { storeId: string; holdRiskyEdits: boolean; threshold?: Flag['severity'] };
  /** Queues a held edit for the store's managers (idempotent like createPending); false when one exists. */
  holdEdit: (approval: Approval) => Promise<boolean>;
  signer: CookieSigner;
  sessions: SessionStore;
  org: Org;
  log: Logger;
  now: () => number;
}
