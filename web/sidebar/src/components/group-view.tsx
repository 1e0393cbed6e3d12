import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { GroupCard as Card, StoredSuggestion } from '../api-types.ts';
import { groupChat } from '../chat-ref.ts';
import type { FeedbackLedger } from '../feedback-ledger.ts';
import { resourcesForEvent } from '../live-refetch.ts';
import { openLiveStream, type LiveStatus } from '../live-stream.ts';
import { DialogueLine } from './dialogue-line.tsx';
import { GroupCard } from './group-card.tsx';
import { KnowledgeSearch } from './knowledge-search.tsx';
import { useNotify } from './notice.tsx';
import { ErrorState, Loading } from './states.tsx';
import { StatusBar } from './status-bar.tsx';
import { SuggestionPanel } from './suggestion-panel.tsx';
import { TagProposals } from './tag-proposals.tsx';

const WAIT_LIMIT_MS = 30_000;

interface Props {
  chatId: string;
  guideName: string;
  ledger: FeedbackLedger;
  sdkNote: string | null;
  onSignedOut: () => void;
  onOpenTasks: () => void;
}

const isSignedOut = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/**
 * The sidebar in a customer group: the group card (who is in it, which members are our customers, their
 * tags), drafts for the newest question put to the guide there (an @mention, or a question after the
 * guide's last message), and tag proposals for the customer who said it. Kept current by the live stream.
 */
export function GroupView({ chatId, guideName, ledger, sdkNote, onSignedOut, onOpenTasks }: Props) {
  const notify = useNotify();
  const chat = useMemo(() => groupChat(chatId), [chatId]);
  const card = useLoadable<Card>(`group:${chatId}`, () => api.group(chatId));
  const suggestion = useLoadable<StoredSuggestion | null>(`group-suggestion:${chatId}`, () => api.suggestion(chat));
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [updatedAt, setUpdatedAt] = useState(0);
  const [waiting, setWaiting] = useState<'regenerate' | null>(null);

  const reloaders = useRef({ card: card.reload, suggestion: suggestion.reload });
  reloaders.current = { card: card.reload, suggestion: suggestion.reload };
  const members = useRef(new Set<string>());
  members.current = new Set((card.data?.customers ?? []).map((c) => c.customerId));

  const refetch = useCallback(async (what: ReadonlyArray<'card' | 'suggestion'>) => {
    await Promise.all(what.map((r) => reloaders.current[r]()));
  }, []);

  useEffect(
    () =>
      openLiveStream('/api/live', {
        onEvent(event) {
          // Tags of a customer in the group live on their own card: the group card shows them.
          const resources = event.type === 'tags' && members.current.has(event.customerId) ? (['card'] as const) : resourcesForEvent(event, chatId);
          const wanted = [...new Set(resources.map((r) => (r === 'suggestion' ? 'suggestion' : 'card')))] as Array<'card' | 'suggestion'>;
          if (wanted.length === 0) return;
          if (event.type === 'approval') {
            notify(event.decision === 'approved' ? '店长已审核通过一条回复，可以发送了' : '店长未通过一条回复，请查看意见', event.decision === 'approved' ? 'ok' : 'warn');
          }
          void refetch(wanted).then(() => setUpdatedAt(Date.now()));
        },
        onStatus: setLive,
        onResumed: () => void refetch(['card', 'suggestion']),
        async mayReconnect() {
          try {
            await api.me();
            return true;
          } catch (error) {
            if (!isSignedOut(error)) return true;
            onSignedOut();
            return false;
          }
        },
      }),
    [chatId, refetch, notify, onSignedOut],
  );

  const previousId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const next = suggestion.data;
    if (next === undefined) return;
    if (previousId.current !== undefined && previousId.current !== (next?.id ?? null)) setWaiting(null);
    previousId.current = next?.id ?? null;
  }, [suggestion.data]);

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      setWaiting(null);
      void suggestion.reload();
    }, WAIT_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [waiting, suggestion.reload]);

  const signedOut = [card.error, suggestion.error].some(isSignedOut);
  useEffect(() => {
    if (signedOut) onSignedOut();
  }, [signedOut, onSignedOut]);

  const regenerate = async (instruction: string): Promise<void> => {
    setWaiting('regenerate');
    const current = suggestion.data;
    if (current) {
      for (const draftId of ledger.takeUntouched(current)) {
        void api.feedback(chat, draftId, { suggestionId: current.id, action: 'ignored' }).catch(() => undefined);
      }
    }
    try {
      await api.regenerate(chat, instruction);
    } catch (error) {
      setWaiting(null);
      notify(error instanceof ApiError && error.code === 'network' ? '网络不稳定，没有提交成功，请重试' : '重新生成没有成功，请稍后再试', 'error');
    }
  };

  const header = <StatusBar guideName={guideName} live={live} updatedAt={updatedAt} onOpenTasks={onOpenTasks} />;
  if (card.error instanceof ApiError && (card.error.status === 403 || card.error.status === 404)) {
    return (
      <>
        {header}
        <ErrorState error={card.error} />
      </>
    );
  }

  const asked = suggestion.data?.group;
  const proposing = (card.data?.customers ?? []).filter((c) => c.followedByYou && c.proposals.length > 0);
  return (
    <>
      {header}
      {sdkNote && <p class="banner banner-warn">{sdkNote}</p>}
      {card.data ? <GroupCard card={card.data} askerId={asked?.askerId} /> : card.error ? <ErrorState error={card.error} onRetry={() => void card.reload()} /> : <Loading label="正在加载客户群…" />}
      {asked && (
        <blockquote class="asked" aria-label="在问你的问题">
          <span class="label">{asked.askerName} 问：</span>
          {asked.question}
        </blockquote>
      )}
      <DialogueLine state={suggestion.data?.state} />
      <SuggestionPanel chat={chat} suggestion={suggestion} ledger={ledger} waiting={waiting} onRegenerate={(i) => void regenerate(i)} />
      {proposing.map((c) => (
        <TagProposals
          key={c.customerId}
          id={`tag-proposals-${c.customerId}`}
          title={`标签建议 · ${c.name}`}
          customerId={c.customerId}
          proposals={{ data: c.proposals, error: undefined, loading: false, reload: card.reload, set: () => undefined }}
          cardTags={c.tags}
          onTagsChanged={() => void card.reload()}
        />
      ))}
      <KnowledgeSearch chat={chat} />
    </>
  );
}
