import type { Queue } from 'bullmq';
import type { RedisClient } from '../ops/redis-client.ts';
import type { Config } from '../config.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { Keys } from '../conversation/keys.ts';
import type { Emulator } from '../emulator/start-emulator.ts';
import type { EventIntake } from '../jobs/event-intake.ts';
import type { EventJob } from '../jobs/event-job.ts';
import type { ReviewJob } from '../jobs/review-jobs.ts';
import type { SuggestJob } from '../jobs/suggest-job.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { SessionStore } from '../org/session-store.ts';
import type { LiveOrg } from '../org/watch-org.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import type { CallbackKeys } from '../wecom/crypto.ts';
import type { AssistParts } from './assistant.ts';
import type { GroupParts } from './groups.ts';
import type { LifecycleParts } from './lifecycle.ts';
import type { Stores } from './stores.ts';

/** WeCom identity and endpoints: the tenant's from config, or the emulator's in demo mode. */
export interface WecomSetup {
  callbackKeys: CallbackKeys;
  corpId: string;
  agentId: string;
  api: WecomApi;
  authorizeUrl: string;
  sessionSecrets: string[];
  /** The emulator's ww stand-in in demo mode. */
  sdkUrl: string | null;
  emulator?: Emulator;
  /** Demo mode: the emulator's chat-archive sidecar (customer groups reach the demo through it). */
  demoArchive?: { url: string; token: string };
}

/** Everything the web side and the workers are built from; assembled once by startService. */
export interface Runtime {
  config: Config;
  log: Logger;
  now: () => number;
  keys: Keys;
  redis: RedisClient;
  producer: RedisClient;
  metrics: Metrics;
  stores: Stores;
  /** The org file, reloaded on change (a reload ends the sessions of members who left or changed role). */
  org: LiveOrg;
  sessions: SessionStore;
  wecom: WecomSetup;
  assist: AssistParts;
  eventQueue: Queue<EventJob>;
  suggestQueue: Queue<SuggestJob>;
  reviewQueue: Queue<ReviewJob>;
  /** Member-lifecycle reminders: member data, counters, their queue. */
  lifecycle: LifecycleParts;
  /** Where browsers reach us (PUBLIC_URL, or the web server's own URL once it listens). */
  publicUrl: () => string;
  intake: EventIntake;
  record: (messages: ChatMessage[]) => Promise<ChatMessage[]>;
  /** Customer groups (客户群). */
  groups: GroupParts;
  instanceId: string;
}
