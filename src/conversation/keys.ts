/**
 * Every Redis key string the service uses is built here, under one tenant/test prefix. Every key gets a TTL
 * where it is written, except the tag-library cache, which is rebuilt from WeCom on demand.
 *
 * Cluster layout. The same keys serve one Redis server and a Redis Cluster (REDIS_CLUSTER_NODES). A cluster
 * places a key by the hash of its hash tag (the text inside the first `{…}`), or of the whole key when it
 * has none, and runs a script, MULTI or multi-key command only on keys of one slot. So:
 *
 * - Keys that one script or transaction touches together carry the same tag:
 *   - per queue, `bull:{<queue>}` is BullMQ's prefix (its keys are `…bull:{suggest}:suggest:wait` and so on):
 *     every key of a queue in one slot, as BullMQ's scripts need, and each queue in a slot of its own, so the
 *     queues spread over the shards;
 *   - per callback, its dedupe marker `dedupe:{i<n>}:<key>` and the inbox stream `inbox:{i<n>}` it is
 *     appended to (one script, jobs/lua/intake-2.lua). `n` is a hash of the dedupe key modulo INBOX_SHARDS,
 *     so callbacks spread over INBOX_SHARDS streams (and shards) instead of one; the pump drains them all;
 *   - per conversation, `{<guideId>:<customerId>}`: the message list and its id index (one script,
 *     conversation/lua/append-message-2.lua), the suggestion, and the tag proposals with their decisions (one
 *     transaction); the chat's cached archive consent goes with them;
 *   - per customer group, `{<chatId>}`: the group's message list and its id index (the same script);
 *   - every member's app-message window, `send-window:{send}:<userId>`: one script claims a slot in every
 *     recipient's window at once, all or none;
 *   - every held draft with the stores' pending and decided sets, `…:{approvals}:…`: one script decides a
 *     draft and moves it between the sets (suggestions/lua/decide-approval-3.lua), and a draft's key names
 *     no store. Drafts held for review are few, so one slot holds them all.
 * - Every other key has no tag and lands wherever its name hashes: per guide, store, customer, day or id.
 *   Code that writes several of them does so one key at a time, in an order that a crash between two steps
 *   leaves harmless (each such place says so), and reads of many go out as single commands.
 * - A tag in the prefix (`REDIS_PREFIX='{shop1}:'`) comes first in every key, so it wins: the whole tenant
 *   lives in one slot, one shard (fine for a small tenant sharing a cluster; nothing spreads).
 *
 * Ids from WeCom and the org file never contain braces; if one did, the tag would end early, identically
 * in every key of the group, so the group would still share a slot.
 */

/** How many inbox streams callbacks spread over. A fixed number: markers and entries are placed by it. */
export const INBOX_SHARDS = 8;

/** The inbox shard of a dedupe key (32-bit FNV-1a, so every process and release agrees). */
export function inboxShardOf(dedupeKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < dedupeKey.length; i++) {
    hash ^= dedupeKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % INBOX_SHARDS;
}

export interface Keys {
  readonly prefix: string;
  /** BullMQ prefix of one queue (its keys share a hash tag: see the layout above). */
  bull(queue: string): string;
  /** Callback dedupe marker (MsgId or hash of the decrypted XML), in the slot of `inboxOf(dedupeKey)`. */
  dedupe(dedupeKey: string): string;
  /** One of the INBOX_SHARDS streams of accepted callbacks between the callback route and the queue pump. */
  inbox(shard: number): string;
  /** The inbox stream a callback with this dedupe key goes to. */
  inboxOf(dedupeKey: string): string;
  /** Capped list of encoded messages (encode-message.ts) in the platform's order, newest last. */
  conversation(guideId: string, customerId: string): string;
  /**
   * Set of id hashes of the messages in that list, trimmed with it (idempotent append). It replaced
   * `conv-ids`, a set of ids that was never trimmed; those sets expire with their TTL.
   */
  conversationIndex(guideId: string, customerId: string): string;
  /** Set of customers a guide has conversations with. */
  guideCustomers(guideId: string): string;
  profile(customerId: string): string;
  /** Set of customer ids a guide follows (ownership checks). */
  guideFollows(guideId: string): string;
  /** Log of contact events that touched a customer (transfer failures etc.). */
  contactLog(customerId: string): string;
  /** One customer group's details (JSON, a cache of groupchat/get). */
  group(chatId: string): string;
  /** Capped list of a group's encoded messages (encode-group-message.ts), newest last. */
  groupConversation(chatId: string): string;
  /** Id hashes of the messages in that list (as conversationIndex). */
  groupConversationIndex(chatId: string): string;
  /** Set of chat ids that have a stored conversation. */
  groupChats(): string;
  /** Set of chat ids of the groups a corp member is in. */
  memberGroups(userId: string): string;
  /**
   * Held while a member's line is checked against its echo and appended to a group: the sidebar's report and
   * the archive's copy of the same line may arrive at the same moment.
   */
  groupEchoLock(chatId: string): string;
  accessToken(secretName: string): string;
  accessTokenLock(secretName: string): string;
  ticket(kind: 'jsapi' | 'agent_config'): string;
  ticketLock(kind: 'jsapi' | 'agent_config'): string;
  kfCursor(openKfId: string): string;
  kfCursorLock(openKfId: string): string;
  kfSeen(openKfId: string): string;
  /** Last chat-archive seq handed to the conversation (会话内容存档 GetChatData cursor). */
  archiveSeq(): string;
  archiveLock(): string;
  /** Sorted set of archive msgids already handled (msgid → epoch ms). */
  archiveSeen(): string;
  /** Cached 会话内容存档 consent of one (member, customer) chat: `1` agreed, `0` not. */
  archiveConsent(guideId: string, customerId: string): string;
  /** Cached consent of a group chat's customers: hash external_userid → `1` / `0`. */
  archiveRoomConsent(roomId: string): string;
  /** Sliding window of app messages sent to one member (30/min guard). */
  sendWindow(userId: string): string;
  tagLibrary(): string;
  suggestion(guideId: string, customerId: string): string;
  suggestionPending(guideId: string, customerId: string): string;
  tagProposals(guideId: string, customerId: string): string;
  /** Sorted set of a guide's open task ids, by due time. */
  tasks(guideId: string): string;
  task(taskId: string): string;
  /** Marks that a task of this rule for this customer and period exists (one task per member, rule and period). */
  taskOnce(ruleKey: string): string;
  /** Pub/sub channel carrying live updates for one guide. */
  guideChannel(guideId: string): string;
  /** Capped stream of the same updates, so a reconnecting sidebar can resume from its last event id. */
  guideFeed(guideId: string): string;
  /** One held draft awaiting or past a manager's decision. */
  approval(approvalId: string): string;
  /** Sorted set of pending approval ids of one store, by creation time. */
  approvalsPending(storeId: string): string;
  /** Sorted set of decided approval ids of one store, by decision time (turnaround figures, history). */
  approvalsDecided(storeId: string): string;
  /** Sorted set of a guide's open sidebar connections (member = connection id, score = expiry ms). */
  presence(guideId: string): string;
  /** Approvals of a store waiting to be announced to its managers (batched notification). */
  approvalsToNotify(storeId: string): string;
  /** Suggestion counters of one guide for one day (hash: suggestions, drafts, flagged). */
  suggestionCounts(guideId: string, day: string): string;
  /** What customers asked in one store on one day (sorted set: topic → count). */
  topQuestions(storeId: string, day: string): string;
  /** One sampled sent message that the guardrails flagged. */
  sentReview(itemId: string): string;
  /** Sorted set of a store's sent-review item ids, by time. */
  sentReviews(storeId: string): string;
  /** Review decisions of one day (list of JSON): who, what, when, before/after. */
  audit(day: string): string;
  /** Feedback counters of one guide for one day (hash: action → count). */
  feedbackCounts(guideId: string, day: string): string;
  /** Every feedback event of one day (list of JSON), for the manager's figures and sent-message review. */
  feedbackLog(day: string): string;
  /**
   * Marks a side effect as done (e.g. a reply sent for a message), so a redelivered job does not repeat it.
   * Outbound WeCom writes keep their record here (wecom/api/call-once.ts): `claimed:<attempt>` while the call
   * runs, then `done`; both with the callback dedupe TTL.
   */
  done(scope: string, id: string): string;
  /** A used OAuth code (codes are single use). */
  oauthCode(codeHash: string): string;
  /** One signed-in session (JSON: member id and role at sign-in); lives as long as the cookie. */
  session(sessionId: string): string;
  /** Set of a member's session ids, so a role change or leaving ends all of them. */
  memberSessions(userId: string): string;
  /** Tag proposals the guide already accepted or dismissed (not proposed again). */
  tagDecisions(guideId: string, customerId: string): string;
  /** One member's lifecycle data (birthday, last purchase, points), JSON; expires unless re-imported. */
  lifecycleMember(customerId: string): string;
  /** Set of customer ids with lifecycle data (what the daily run walks). */
  lifecycleMembers(): string;
  /** Marks a lifecycle reminder as made for one member, rule and period; lives until the period is over. */
  lifecycleOnce(onceKey: string): string;
  /** Set of a guide's new lifecycle task ids not yet announced in a digest app message. */
  lifecycleDigest(guideId: string): string;
  /** Lifecycle counters of one store for one day (hash: `rule|created`, `rule|done`, `rule|outcome|sent` …). */
  lifecycleCounts(storeId: string, day: string): string;
}

/**
 * The groups of keys one script or transaction touches together (the layout above), for sample ids: each
 * group must hash to one slot. Start-up runs a no-op script over each (compose/check-redis.ts), so a cluster
 * that would refuse them stops the service before a callback is acknowledged.
 */
export function slotGroups(keys: Keys, queues: readonly string[]): string[][] {
  const [g, c, id] = ['guide', 'customer', 'id'];
  return [
    [keys.dedupe(id), keys.inboxOf(id)],
    [keys.conversation(g, c), keys.conversationIndex(g, c), keys.suggestion(g, c), keys.suggestionPending(g, c), keys.tagProposals(g, c), keys.tagDecisions(g, c)],
    [keys.groupConversation(id), keys.groupConversationIndex(id)],
    [keys.sendWindow(g), keys.sendWindow(c)],
    [keys.approval(id), keys.approvalsPending(id), keys.approvalsDecided(g)],
    ...queues.map((queue) => ['wait', 'meta', 'events', '1'].map((part) => `${keys.bull(queue)}:${queue}:${part}`)),
  ];
}

export function createKeys(prefix: string): Keys {
  const k = (...parts: string[]): string => prefix + parts.join(':');
  const shard = (n: number): string => `{i${n}}`;
  /** The hash tag shared by every key of one conversation. */
  const conv = (g: string, c: string): string => `{${g}:${c}}`;
  return {
    prefix,
    bull: (queue) => k('bull', `{${queue}}`),
    dedupe: (key) => k('dedupe', shard(inboxShardOf(key)), key),
    inbox: (n) => k('inbox', shard(n)),
    inboxOf: (key) => k('inbox', shard(inboxShardOf(key))),
    conversation: (g, c) => k('conv', conv(g, c)),
    conversationIndex: (g, c) => k('conv-idx', conv(g, c)),
    guideCustomers: (g) => k('guide-convs', g),
    profile: (c) => k('profile', c),
    guideFollows: (g) => k('follows', g),
    contactLog: (c) => k('contact-log', c),
    group: (id) => k('group', id),
    groupConversation: (id) => k('group-conv', `{${id}}`),
    groupConversationIndex: (id) => k('group-conv-idx', `{${id}}`),
    groupChats: () => k('group-chats'),
    memberGroups: (u) => k('member-groups', u),
    groupEchoLock: (id) => k('group-echo-lock', id),
    accessToken: (s) => k('token', s),
    accessTokenLock: (s) => k('token-lock', s),
    ticket: (kind) => k('ticket', kind),
    ticketLock: (kind) => k('ticket-lock', kind),
    kfCursor: (id) => k('kf-cursor', id),
    kfCursorLock: (id) => k('kf-lock', id),
    kfSeen: (id) => k('kf-seen', id),
    archiveSeq: () => k('archive-seq'),
    archiveLock: () => k('archive-lock'),
    archiveSeen: () => k('archive-seen'),
    archiveConsent: (g, c) => k('archive-consent', conv(g, c)),
    archiveRoomConsent: (r) => k('archive-room-consent', r),
    sendWindow: (u) => k('send-window', '{send}', u),
    tagLibrary: () => k('tag-library'),
    suggestion: (g, c) => k('suggestion', conv(g, c)),
    suggestionPending: (g, c) => k('suggest-pending', conv(g, c)),
    tagProposals: (g, c) => k('tag-proposals', conv(g, c)),
    tasks: (g) => k('tasks', g),
    task: (id) => k('task', id),
    taskOnce: (r) => k('task-once', r),
    guideChannel: (g) => k('live', g),
    guideFeed: (g) => k('feed', g),
    tagDecisions: (g, c) => k('tag-decided', conv(g, c)),
    oauthCode: (h) => k('oauth-code', h),
    session: (id) => k('session', id),
    memberSessions: (u) => k('member-sessions', u),
    done: (scope, id) => k('done', scope, id),
    feedbackCounts: (g, day) => k('fb-count', g, day),
    presence: (g) => k('presence', g),
    approvalsToNotify: (store) => k('approvals-notify', store),
    suggestionCounts: (g, day) => k('sg-count', g, day),
    topQuestions: (store, day) => k('top-q', store, day),
    sentReview: (id) => k('sent-review', id),
    sentReviews: (store) => k('sent-reviews', store),
    audit: (day) => k('audit', day),
    approval: (id) => k('approval', '{approvals}', id),
    approvalsPending: (store) => k('approvals-pending', '{approvals}', store),
    approvalsDecided: (store) => k('approvals-decided', '{approvals}', store),
    feedbackLog: (day) => k('fb-log', day),
    lifecycleMember: (c) => k('lc-member', c),
    lifecycleMembers: () => k('lc-members'),
    lifecycleOnce: (r) => k('lc-once', r),
    lifecycleDigest: (g) => k('lc-digest', g),
    lifecycleCounts: (store, day) => k('lc-count', store, day),
  };
}
