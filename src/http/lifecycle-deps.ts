import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { LifecycleCounts } from '../lifecycle/lifecycle-counts.ts';
import type { MemberStore } from '../lifecycle/member-store.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import type { TaskStore } from '../tasks/task-store.ts';
import type { CookieSigner } from './session-cookie.ts';
import type { SessionStore } from '../org/session-store.ts';

/** What the task, member-import and lifecycle-figure routes need; built once in the composition root. */
export interface LifecycleApiDeps {
  signer: CookieSigner;
  sessions: SessionStore;
  org: Org;
  members: MemberStore;
  tasks: TaskStore;
  counts: LifecycleCounts;
  store: Pick<ConversationStore, 'getProfile' | 'isFollowing'>;
  feed: Pick<LiveFeed, 'publish'>;
  /** True for the first close of a task (SET NX), so a double tap closes and counts once. */
  claimClose: (taskId: string) => Promise<boolean>;
  /** Queues a lifecycle run now; returns the job id. */
  requestRun: () => Promise<string>;
  importMaxBytes: number;
  log: Logger;
  now: () => number;
}
