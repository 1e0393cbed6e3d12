import type { CustomerGroup, GroupMessage } from '../conversation/group-model.ts';
import { groupSuggestionThread } from '../jobs/group-suggestion-thread.ts';
import { loadGroup, type GroupDeps } from '../jobs/load-group.ts';
import { groupMessageOf, recordGroupMessages } from '../jobs/record-group-messages.ts';
import type { SuggestJob } from '../jobs/suggest-job.ts';
import type { SuggestionThread } from '../jobs/suggestion-thread.ts';
import type { ChatMessage } from '../conversation/model.ts';
import { AppError } from '../errors.ts';
import { releaseLock, waitForLock } from '../wecom/api/redis-lock.ts';
import type { Runtime } from './runtime.ts';

/** Customer groups (客户群): the group cache, the recorder and the suggestion thread, built once (archive consent is the pull's). */
export interface GroupParts {
  deps: GroupDeps;
  load: (chatId: string) => Promise<CustomerGroup | undefined>;
  record: (messages: GroupMessage[]) => Promise<GroupMessage[]>;
  /** The archive's roomid lines. */
  recordArchived: (messages: Array<ChatMessage & { roomId: string }>) => Promise<unknown>;
  thread: (job: SuggestJob) => Promise<SuggestionThread | undefined>;
}

type GroupRuntime = Pick<Runtime, 'config' | 'redis' | 'keys' | 'stores' | 'wecom' | 'org' | 'now' | 'suggestQueue'>;

export function buildGroups(rt: GroupRuntime, onGuideMessage?: (message: ChatMessage) => Promise<void>): GroupParts {
  const deps: GroupDeps = { api: rt.wecom.api, groups: rt.stores.groups, now: rt.now };
  const load = (chatId: string) => loadGroup(deps, chatId);
  const memberName = (userId: string) => rt.org.member(userId)?.name;
  const serialize = async <T>(chatId: string, run: () => Promise<T>): Promise<T> => {
    const key = rt.keys.groupEchoLock(chatId);
    const handle = await waitForLock(rt.redis, key, 5000, 10_000, () => new AppError('group_busy', `customer group ${chatId} stayed locked`, { status: 503, hint: 'the job is retried' }), 10);
    try {
      return await run();
    } finally {
      await releaseLock(rt.redis, key, handle);
    }
  };
  const record = (messages: GroupMessage[]) =>
    recordGroupMessages(
      {
        groups: rt.stores.groups,
        load,
        suggestions: rt.stores.suggestions,
        feed: rt.stores.feed,
        suggestQueue: rt.suggestQueue,
        debounceMs: rt.config.assist.debounceMs,
        now: rt.now,
        isGuide: (userId) => rt.org.member(userId)?.role === 'guide',
        memberName,
        serialize,
        ...(onGuideMessage ? { onGuideMessage } : {}),
      },
      messages,
    );
  return {
    deps,
    load,
    record,
    recordArchived: (messages) => record(messages.map(groupMessageOf)),
    thread: (job) => groupSuggestionThread({ groups: rt.stores.groups, store: rt.stores.store, load, memberName }, job),
  };
}
