import { useEffect, useMemo } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { CustomerCard as Card, StoredSuggestion } from '../api-types.ts';
import { customerChat } from '../chat-ref.ts';
import type { ProductChoice } from '../content-request.ts';
import type { FeedbackLedger } from '../feedback-ledger.ts';
import { resourcesForEvent, type Resource } from '../live-refetch.ts';
import { isSignedOut, useChatLive } from '../use-chat-live.ts';
import { useRegenerate } from '../use-regenerate.ts';
import { CustomerCard } from './customer-card.tsx';
import { DialogueLine } from './dialogue-line.tsx';
import { KnowledgeSearch } from './knowledge-search.tsx';
import { PasteBox } from './paste-box.tsx';
import { Recommendations } from './recommendations.tsx';
import { ErrorState, Loading } from './states.tsx';
import { StatusBar } from './status-bar.tsx';
import { SuggestionPanel } from './suggestion-panel.tsx';
import { TagProposals } from './tag-proposals.tsx';

const RECOMMENDATIONS = 3;

interface Props {
  customerId: string;
  guideName: string;
  ledger: FeedbackLedger;
  sdkNote: string | null;
  onSignedOut: () => void;
  onSwitchCustomer?: () => void;
  onOpenTasks: () => void;
  /** Opens 写文案, with the products the guide started from. */
  onWrite: (products?: ProductChoice[]) => void;
}

/** Everything about one customer's chat, kept current by the live stream. */
export function CustomerView({ customerId, guideName, ledger, sdkNote, onSignedOut, onSwitchCustomer, onOpenTasks, onWrite }: Props) {
  const card = useLoadable<Card>(`card:${customerId}`, () => api.card(customerId));
  const chat = useMemo(() => customerChat(customerId), [customerId]);
  const suggestion = useLoadable<StoredSuggestion | null>(`suggestion:${customerId}`, () => api.suggestion(chat));
  const proposals = useLoadable(`proposals:${customerId}`, () => api.proposals(customerId));
  const products = useLoadable(`products:${customerId}`, () => api.recommendations(customerId, RECOMMENDATIONS));
  const { waiting, setWaiting, regenerate } = useRegenerate(chat, suggestion, ledger);

  const reloaders: Record<Resource, () => Promise<void>> = {
    card: card.reload,
    suggestion: suggestion.reload,
    proposals: proposals.reload,
    recommendations: products.reload,
  };
  const { live, updatedAt } = useChatLive<Resource>({
    key: customerId,
    resourcesFor: (event) => resourcesForEvent(event, customerId),
    refetch: async (resources) => void (await Promise.all(resources.map((r) => reloaders[r]()))),
    all: ['card', 'suggestion', 'proposals', 'recommendations'],
    onSignedOut,
  });

  const errors = [card.error, suggestion.error, proposals.error, products.error];
  const signedOut = errors.some(isSignedOut);
  useEffect(() => {
    if (signedOut) onSignedOut();
  }, [signedOut, onSignedOut]);

  const now = Date.now();
  const header = <StatusBar guideName={guideName} live={live} updatedAt={updatedAt} onSwitchCustomer={onSwitchCustomer} onOpenTasks={onOpenTasks} />;

  // Someone else's customer: every other call would be refused too, so say it once.
  if (card.error instanceof ApiError && card.error.status === 403) {
    return (
      <>
        {header}
        <ErrorState error={card.error} />
      </>
    );
  }

  return (
    <>
      {header}
      {sdkNote && <p class="banner banner-warn">{sdkNote}</p>}
      {card.data ? (
        <CustomerCard card={card.data} now={now} />
      ) : card.error ? (
        <ErrorState error={card.error} onRetry={() => void card.reload()} />
      ) : (
        <Loading label="正在加载客户信息…" />
      )}
      <DialogueLine state={suggestion.data?.state} />
      <SuggestionPanel chat={chat} suggestion={suggestion} ledger={ledger} waiting={waiting} onRegenerate={(i) => void regenerate(i)} />
      <TagProposals
        customerId={customerId}
        proposals={proposals}
        cardTags={card.data?.tags ?? []}
        onTagsChanged={(tags) => {
          if (card.data) card.set({ ...card.data, tags });
          void products.reload();
        }}
      />
      <section class="section" aria-label="粘贴顾客的话">
        <PasteBox customerId={customerId} onPasted={() => setWaiting('paste')} />
      </section>
      <Recommendations products={products} onWrite={onWrite} />
      <KnowledgeSearch chat={chat} />
    </>
  );
}
