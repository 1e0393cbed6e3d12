import type { ScriptCheck } from '../assist/guardrails/check-script.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { GroupStore } from '../conversation/group-store.ts';
import type { Logger } from '../ops/logger.ts';
import type { Member, Org } from '../org/org.ts';
import { badRequest } from '../errors.ts';
import type { ApprovalStore } from '../suggestions/approval-store.ts';
import type { AuditLog } from '../suggestions/audit-log.ts';
import type { FeedbackStore } from '../suggestions/feedback-store.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import type { Presence } from '../suggestions/presence.ts';
import type { ReviewStats } from '../suggestions/review-stats.ts';
import type { SentReviewStore } from '../suggestions/sent-review-store.ts';
import type { CookieSigner } from './session-cookie.ts';
import type { SessionStore } from '../org/session-store.ts';

export interface PromotedScript {
  id: string;
  intent: string;
  text: string;
  tags: string[];
  /** The stores whose guides get it; absent: company-wide. */
  stores?: string[];
}

/** What the manager console's routes need; built once in the composition root. */
export interface ReviewApiDeps {
  org: Org;
  signer: CookieSigner;
  sessions: SessionStore;
  store: ConversationStore;
  /** Customer groups: a group draft's approval shows the group's conversation. */
  groups: GroupStore;
  approvals: ApprovalStore;
  sentReviews: SentReviewStore;
  feedback: FeedbackStore;
  stats: ReviewStats;
  audit: AuditLog;
  feed: LiveFeed;
  presence: Presence;
  /** A WeCom app message to a guide whose sidebar is closed. */
  notifyGuide: (guideId: string, text: string) => Promise<void>;
  intents: () => string[];
  promoteScript: (script: Omit<PromotedScript, 'id'>, by: string) => Promise<PromotedScript>;
  /** The guardrails on a script about to join the library (refused: a block-level flag). */
  checkScript: (text: string) => ScriptCheck;
  log: Logger;
  now: () => number;
}

/** Stores a member may review: a manager's own, every store for an admin. */
export function visibleStores(member: Member, org: Org): string[] {
  return member.role === 'admin' ? org.stores.map((s) => s.id) : member.stores;
}

export function assertStore(member: Member, org: Org, storeId: string): void {
  if (!visibleStores(member, org).includes(storeId)) throw badRequest('not_your_store', 'this item belongs to a store you do not manage', 403);
}

/** `?store=` narrowed to what the member may see (403 when asking for another store). */
export function storesFromQuery(member: Member, org: Org, store: unknown): string[] {
  if (typeof store === 'string' && store) {
    assertStore(member, org, store);
    return [store];
  }
  return visibleStores(member, org);
}
