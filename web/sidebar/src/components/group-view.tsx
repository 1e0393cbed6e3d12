import { useEffect, useMemo } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { GroupCard as Card, StoredSuggestion } from '../api-types.ts';
import { groupChat } from '../chat-ref.ts';
import type { FeedbackLedger } from '../feedback-ledger.ts';
import { groupResourcesForEvent, type GroupResource } from '../live-refetch.ts';
import { isSignedOut, useChatLive } from '../use-chat-live.ts';
import { useRegenerate } from '../use-regenerate.ts';
import { DialogueLine } from './dialogue-line.tsx';
import { GroupCard } from './group-card.tsx';
import { KnowledgeSearch } from './knowledge-search.tsx';
import { ErrorState, Loading } from './states.tsx';
import { StatusBar } from './status-bar.tsx';
import { SuggestionPanel } from './suggestion-panel.tsx';
import { TagProposals } from './tag-proposals.tsx';


interface Props {
  chatId: string;
  guideName: string;
  ledger: FeedbackLedger;
  sdkNote: string | null;
  onSignedOut: () => void;
  /** Back to the picker, when the guide picked this group there (not inside a WeCom group chat). */
  onSwitchChat?: (() => void) | undefined;
  onOpenTasks: () => void;
}

/**
 * The sidebar in a customer group: the group card (who is in it, which members are our customers, their
 * tags), drafts for the newest question put to the guide there (an @mention, or a question after the
 * guide's last message), and tag proposals for the customer who said it. Kept current by the live stream.
 */
export function GroupView({ chatId, guideName, ledger, sdkNote, onSignedOut, onSwitchChat, onOpenTasks }: Props) {
  const chat = useMemo(() => groupChat(chatId), [chatId]);
  const card = useLoadable<Card>(`group:${chatId}`, () => api.group(chatId));
  const suggestion = useLoadable<StoredSuggestion | null>(`group-suggestion:${chatId}`, () => api.suggestion(chat));
  const { waiting, regenerate } = useRegenerate(chat, suggestion, ledger);
  const members = new Set((card.data?.customers ?? []).map((c) => c.customerId));
  const reloaders: Record<GroupResource, () => Promise<void>> = { card: card.reload, suggestion: suggestion.reload };
  const { live, updatedAt } = useChatLive<GroupResource>({
    key: chatId,
    resourcesFor: (event) => groupResourcesForEvent(event, chatId, members),
    refetch: async (resources) => void (await Promise.all(resources.map((r) => reloaders[r]()))),
    all: ['card', 'suggestion'],
    onSignedOut,
  });

  const signedOut = [card.error, suggestion.error].some(isSignedOut);
  useEffect(() => {
    if (signedOut) onSignedOut();
  }, [signedOut, onSignedOut]);

  const header = <StatusBar guideName={guideName} live={live} updatedAt={updatedAt} onSwitchCustomer={onSwitchChat} onOpenTasks={onOpenTasks} />;
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
