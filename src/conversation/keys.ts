/**
 * Every Redis key string the service uses is built here, under one tenant/test prefix.
 * BullMQ builds its own keys under `${prefix}bull`. Every key gets a TTL where it is written, except the
 * tag-library cache, which is rebuilt from WeCom on demand.
 */
export interface Keys {
  readonly prefix: string;
  /** BullMQ prefix (queues live under it). */
  bull(): string;
  /** Callback dedupe marker (MsgId or hash of the decrypted XML). */
  dedupe(dedupeKey: string): string;
  /** Stream of accepted callbacks between the callback route and the queue pump. */
  inbox(): string;
  /** Capped list of ChatMessage JSON, newest last. */
  conversation(guideId: string, customerId: string): string;
  /** Set of message ids already appended to a conversation (idempotent append). */
  conversationIds(guideId: string, customerId: string): string;
  /** Set of customers a guide has conversations with. */
  guideCustomers(guideId: string): string;
  profile(customerId: string): string;
  /** Set of customer ids a guide follows (ownership checks). */
  guideFollows(guideId: string): string;
  /** Log of contact events that touched a customer (transfer failures etc.). */
  contactLog(customerId: string): string;
  accessToken(secretName: string): string;
  accessTokenLock(secretName: string): string;
  ticket(kind: 'jsapi' | 'agent_config'): string;
  ticketLock(kind: 'jsapi' | 'agent_config'): string;
  kfCursor(openKfId: string): string;
  kfCursorLock(openKfId: string): string;
  kfSeen(openKfId: string): string;
  /** Sliding window of app messages sent to one member (30/min guard). */
  sendWindow(userId: string): string;
  tagLibrary(): string;
  suggestion(guideId: string, customerId: string): string;
  suggestionPending(guideId: string, customerId: string): string;
  tagProposals(guideId: string, customerId: string): string;
  tasks(guideId: string): string;
  task(taskId: string): string;
  /** Pub/sub channel carrying live updates for one guide. */
  guideChannel(guideId: string): string;
}

export function createKeys(prefix: string): Keys {
  const k = (...parts: string[]): string => prefix + parts.join(':');
  return {
    prefix,
    bull: () => k('bull'),
    dedupe: (key) => k('dedupe', key),
    inbox: () => k('inbox'),
    conversation: (g, c) => k('conv', g, c),
    conversationIds: (g, c) => k('conv-ids', g, c),
    guideCustomers: (g) => k('guide-convs', g),
    profile: (c) => k('profile', c),
    guideFollows: (g) => k('follows', g),
    contactLog: (c) => k('contact-log', c),
    accessToken: (s) => k('token', s),
    accessTokenLock: (s) => k('token-lock', s),
    ticket: (kind) => k('ticket', kind),
    ticketLock: (kind) => k('ticket-lock', kind),
    kfCursor: (id) => k('kf-cursor', id),
    kfCursorLock: (id) => k('kf-lock', id),
    kfSeen: (id) => k('kf-seen', id),
    sendWindow: (u) => k('send-window', u),
    tagLibrary: () => k('tag-library'),
    suggestion: (g, c) => k('suggestion', g, c),
    suggestionPending: (g, c) => k('suggest-pending', g, c),
    tagProposals: (g, c) => k('tag-proposals', g, c),
    tasks: (g) => k('tasks', g),
    task: (id) => k('task', id),
    guideChannel: (g) => k('live', g),
  };
}
