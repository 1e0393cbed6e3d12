import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { CustomerCard as Card, StoredSuggestion } from '../api-types.ts';
import { customerChat } from '../chat-ref.ts';
import type { ProductChoice } from '../content-request.ts';
import type { FeedbackLedger } from '../feedback-ledger.ts';
import { resourcesForEvent, type Resource } from '../live-refetch.ts';
import { openLiveStream, type LiveStatus } from '../live-stream.ts';
import { CustomerCard } from './customer-card.tsx';
import { DialogueLine } from './dialogue-line.tsx';
import { KnowledgeSearch } from './knowledge-search.tsx';
import { useNotify } from './notice.tsx';
import { PasteBox } from './paste-box.tsx';
import { Recommendations } from './recommendations.tsx';
import { ErrorState, Loading } from './states.tsx';
import { StatusBar } from './status-bar.tsx';
import { SuggestionPanel } from './suggestion-panel.tsx';
import { TagProposals } from './tag-proposals.tsx';

const RECOMMENDATIONS = 3;
/** If an asked-for suggestion never arrives (the job failed), stop showing "generating" and look again. */
const WAIT_LIMIT_MS = 30_000;

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

const isSignedOut = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/** Everything about one customer's chat, kept current by the live stream. */
export function CustomerView({ customerId, guideName, ledger, sdkNote, onSignedOut, onSwitchCustomer, onOpenTasks, onWrite }: Props) {
  const notify = useNotify();
  const card = useLoadable<Card>(`card:${customerId}`, () => api.card(customerId));
  const chat = useMemo(() => customerChat(customerId), [customerId]);
  const suggestion = useLoadable<StoredSuggestion | null>(`suggestion:${customerId}`, () => api.suggestion(chat));
  const proposals = useLoadable(`proposals:${customerId}`, () => api.proposals(customerId));
  const products = useLoadable(`products:${customerId}`, () => api.recommendations(customerId, RECOMMENDATIONS));
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [updatedAt, setUpdatedAt] = useState(0);
  const [waiting, setWaiting] = useState<'regenerate' | 'paste' | null>(null);

  const reloadersNow: Record<Resource, () => Promise<void>> = {
    card: card.reload,
    suggestion: suggestion.reload,
    proposals: proposals.reload,
    recommendations: products.reload,
  };
  const reloaders = useRef(reloadersNow);
  reloaders.current = reloadersNow;
  const refetch = useCallback(async (resources: readonly Resource[]) => {
    await Promise.all(resources.map((r) => reloaders.current[r]()));
  }, []);

  useEffect(
    () =>
      openLiveStream('/api/live', {
        onEvent(event) {
          const resources = resourcesForEvent(event, customerId);
          if (resources.length === 0) return;
          if (event.type === 'approval') {
            notify(event.decision === 'approved' ? '店长已审核通过一条回复，可以发送了' : '店长未通过一条回复，请查看意见', event.decision === 'approved' ? 'ok' : 'warn');
          }
          void refetch(resources).then(() => setUpdatedAt(Date.now()));
        },
        onStatus: setLive,
        onResumed: () => void refetch(['card', 'suggestion', 'proposals', 'recommendations']),
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
    [customerId, refetch, notify, onSignedOut],
  );

  // A new suggestion replaced the one on screen: whatever we were waiting for has arrived.
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

  const errors = [card.error, suggestion.error, proposals.error, products.error];
  const signedOut = errors.some(isSignedOut);
  useEffect(() => {
    if (signedOut) onSignedOut();
  }, [signedOut, onSignedOut]);

  const regenerate = async (instruction: string): Promise<void> => {
    setWaiting('regenerate');
    // Drafts shown and left untouched are being replaced by the guide's choice: record them as ignored while
    // their suggestion is still the current one (the server takes feedback only for that).
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
