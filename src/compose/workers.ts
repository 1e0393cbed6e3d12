import { Worker } from 'bullmq';
import { EVENT_QUEUE } from '../jobs/event-job.ts';
import { SUGGEST_QUEUE } from '../jobs/suggest-job.ts';
import { detectIntent, topIntent } from '../assist/offline/detect-intent.ts';
import { startEventWorker } from '../jobs/event-worker.ts';
import { startInboxPump } from '../jobs/inbox-pump.ts';
import { createEventHandler } from '../jobs/on-event.ts';
import { refreshTagLibrary } from '../jobs/refresh-tag-library.ts';
import { announceApproval, createReviewProcessor, REVIEW_QUEUE, type ReviewJob } from '../jobs/review-jobs.ts';
import type { SuggestionDeps } from '../jobs/run-suggestion.ts';
import { startSuggestWorker } from '../jobs/suggest-worker.ts';
import { syncContacts } from '../jobs/sync-contacts.ts';
import { syncGroups } from '../jobs/sync-groups.ts';
import { createCallOnce } from '../wecom/api/call-once.ts';
import { createConsentGate } from '../wecom/archive/archive-consent.ts';
import { toArchiveMessage } from '../wecom/archive/archive-message.ts';
import type { ArchiveRecord, ArchiveSource } from '../wecom/archive/archive-source.ts';
import { createHttpArchiveSource } from '../wecom/archive/http-archive-source.ts';
import { approvalIdOf } from '../suggestions/approval-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { StoredSuggestion } from '../suggestions/suggestion-store.ts';
import { archiveSourceOf } from './archive.ts';
import { startLifecycleWorker } from './lifecycle.ts';
import { workerLocks } from './queues.ts';
import { connectRedis } from './redis-connections.ts';
import type { Runtime } from './runtime.ts';

type Closer = () => Promise<unknown>;

export const storeOf = (rt: Runtime, guideId: string): string => rt.org.member(guideId)?.stores[0] ?? 'unassigned';

/**
 * What the customer asked, for the manager's "top questions": the FAQ question the best draft answers, else
 * the intent of the customer's words (whatever engine wrote the drafts).
 */
function topicOf(rt: Runtime, suggestion: StoredSuggestion, conversation: readonly ChatMessage[]): string | undefined {
  const best = suggestion.drafts[0];
  if (best?.source === 'faq' && best.sourceId) {
    const faq = rt.assist.knowledge.current().faqs.find((f) => f.id === best.sourceId);
    if (faq) return faq.question;
  }
  const asked = conversation.filter((m) => suggestion.answeredMessageIds.includes(m.id));
  return topIntent(detectIntent(asked.map((m) => m.text).join(' ')))?.intent;
}

/** Counts the suggestion for the figures; held drafts become pending approvals announced to the managers. */
function afterSuggestion(rt: Runtime): (suggestion: StoredSuggestion, conversation: readonly ChatMessage[]) => Promise<void> {
  return async (suggestion, conversation) => {
    const storeId = storeOf(rt, suggestion.guideId);
    const topic = topicOf(rt, suggestion, conversation);
    await rt.stores.stats.recordSuggestion({
      guideId: suggestion.guideId,
      storeId,
      at: suggestion.createdAt,
      drafts: suggestion.drafts.length,
      flagged: suggestion.drafts.filter((d) => d.flags.length > 0).length,
      ...(topic ? { topic } : {}),
    });
    for (const draft of suggestion.drafts.filter((d) => d.needsApproval)) {
      const approval = {
        id: approvalIdOf(suggestion.id, draft.id),
        suggestionId: suggestion.id,
        draftId: draft.id,
        guideId: suggestion.guideId,
        customerId: suggestion.customerId,
        storeId,
        originalText: draft.text,
        flags: draft.flags,
        createdAt: rt.now(),
        state: 'pending' as const,
      };
      if (await rt.stores.approvals.createPending(approval)) {
        await announceApproval(rt.reviewQueue, rt.redis, rt.keys, approval, rt.config.review.notifyBatchMs);
      }
    }
  };
}

export function suggestionDeps(rt: Runtime): SuggestionDeps {
  const { stores } = rt;
  return {
    store: stores.store,
    suggestions: stores.suggestions,
    assistant: rt.assist.assistant,
    feed: stores.feed,
    now: rt.now,
    windowSize: 20,
    staleCheckMs: rt.config.assist.staleCheckMs,
    approvalThreshold: (guideId) => rt.config.review.approvalSeverity[storeOf(rt, guideId)],
    onStored: afterSuggestion(rt),
    groupThread: rt.groups.thread,
  };
}

/** Demo mode: the emulator's archive stand-in (the demo's customer group reaches the service through it). */
function demoArchiveSource(rt: Runtime): ArchiveSource | undefined {
  const demo = rt.wecom.demoArchive;
  return demo ? createHttpArchiveSource({ baseUrl: demo.url, token: demo.token, timeoutMs: rt.config.archive.timeoutMs }) : undefined;
}

/** Imports existing contacts, customer groups and the tag library once at start; a failure is logged, not fatal. */
async function warmUp(rt: Runtime, refreshTags: () => Promise<unknown>): Promise<void> {
  try {
    await refreshTags();
    const guides = rt.org.guidesOf([]).map((m) => m.userId);
    const count = await syncContacts({ api: rt.wecom.api, store: rt.stores.store, now: rt.now }, guides);
    rt.log.info({ contacts: count, guides: guides.length }, 'imported existing customer relationships');
    const groups = await syncGroups({ ...rt.groups.deps, api: rt.wecom.api }, guides);
    rt.log.info({ groups, guides: guides.length }, 'imported the customer groups our guides own');
  } catch (error) {
    rt.log.warn({ err: error }, 'start-up sync with WeCom failed; contact events will still be handled');
  }
}

export async function startWorkers(rt: Runtime, options: { pump: boolean; worker: boolean; warmUp: boolean }): Promise<Closer[]> {
  const { config, stores, log, metrics, keys } = rt;
  const closers: Closer[] = [];
  if (options.pump) {
    const pump = startInboxPump({
      connect: () => connectRedis(config, 'blocking'),
      queue: rt.eventQueue,
      keys,
      log,
      consumer: rt.instanceId,
      blockMs: 500,
      claimIdleMs: config.worker.claimIdleMs,
    });
    closers.push(() => pump.stop());
  }
  if (!options.worker) return closers;
  // One idempotency record for every outbound WeCom write the jobs make (wecom/api/call-once.ts).
  const callOnce = createCallOnce(rt.redis, keys, config.retention.dedupeTtlSec);
  const refreshTags = () => refreshTagLibrary({ api: rt.wecom.api, cache: stores.tagCache, now: rt.now, onRefreshed: rt.assist.useCorpTags });
  const corpMembers = (userId: string) => rt.org.member(userId) !== undefined;
  const consent = createConsentGate({ api: rt.wecom.api, redis: rt.redis, keys, ...config.archive.consent });
  // Media are kept only where the text would be: a 1:1 chat whose customer agreed, a group line of a member or of a customer who agreed there.
  const mayStoreMedia = async (record: ArchiveRecord) => {
    const message = toArchiveMessage(record, corpMembers);
    return message !== undefined && (await consent.keep([message])).kept.length === 1;
  };
  const archiveSource = (await archiveSourceOf(config, log, mayStoreMedia)) ?? demoArchiveSource(rt);
  const handle = createEventHandler({
    log,
    contact: {
      store: stores.store,
      api: rt.wecom.api,
      tasks: stores.tasks,
      log,
      now: rt.now,
      welcomeTemplate: config.wecom.welcomeTemplate,
      guideName: (id) => rt.org.member(id)?.name ?? '',
      once: callOnce,
    },
    kf: { api: rt.wecom.api, redis: rt.redis, keys, now: rt.now, record: rt.record },
    archive: {
      source: archiveSource,
      consent,
      redis: rt.redis,
      keys,
      corpMembers,
      now: rt.now,
      record: rt.record,
      recordGroup: rt.groups.recordArchived,
      log,
      pageLimit: config.archive.pageLimit,
    },
    groups: {
      ...rt.groups.deps,
      feed: stores.feed,
      consent,
      isGuide: (userId) => rt.org.member(userId)?.role === 'guide',
    },
    appText: {
      store: stores.store,
      assistant: rt.assist.assistant,
      api: rt.wecom.api,
      now: rt.now,
      once: callOnce,
    },
    refreshTags,
  });
  // Shared by the workers, each of which opens its own blocking connection from it; closed after them.
  const connection = connectRedis(config, 'blocking');
  connection.on('error', (err) => log.debug({ err }, 'worker connection error'));
  const locks = workerLocks(config);
  const events = startEventWorker({ connection, prefix: keys.bull(EVENT_QUEUE), concurrency: config.worker.concurrency, handle, log, metrics, locks });
  const suggest = startSuggestWorker({ connection, prefix: keys.bull(SUGGEST_QUEUE), concurrency: config.assist.suggestConcurrency, deps: suggestionDeps(rt), log, metrics, locks });
  const review = new Worker<ReviewJob, string>(
    REVIEW_QUEUE,
    async (job) =>
      createReviewProcessor({
        redis: rt.redis,
        keys,
        org: rt.org,
        approvals: stores.approvals,
        store: stores.store,
        groups: stores.groups,
        api: rt.wecom.api,
        once: callOnce,
        log,
        now: rt.now,
        consoleUrl: rt.publicUrl,
        escalateAfterMs: config.review.escalateAfterMin * 60_000,
      })(job.data),
    { connection, prefix: keys.bull(REVIEW_QUEUE), concurrency: 1, ...locks },
  );
  review.on('failed', (job, err) => log.warn({ kind: job?.data.kind, err }, 'review job failed; will retry'));
  await rt.reviewQueue.upsertJobScheduler('review-sweep', { every: 60_000 }, { name: 'sweep', data: { kind: 'sweep' } });
  closers.push(() => events.close(), () => suggest.close(), () => review.close());
  // After the event worker: no pull is running any more when the SDK instance is destroyed.
  if (archiveSource?.close) closers.push(() => archiveSource.close?.() ?? Promise.resolve());
  closers.push(await startLifecycleWorker(rt, connection));
  closers.push(async () => connection.disconnect());
  if (options.warmUp) void warmUp(rt, refreshTags);
  return closers;
}
