import type { Loadable } from '../../../shared/use-loadable.ts';
import type { StoredSuggestion } from '../api-types.ts';
import type { ChatRef } from '../chat-ref.ts';
import type { FeedbackLedger } from '../feedback-ledger.ts';
import { modelSlots } from '../model-slots.ts';
import { DraftCard } from './draft-card.tsx';
import { PendingSlot, StreamingNote } from './model-progress.tsx';
import { Empty, ErrorState, Loading, Section } from './states.tsx';

export const REGENERATE_CHIPS = ['更简短', '更热情', '推荐同价位'] as const;

interface Props {
  chat: ChatRef;
  suggestion: Loadable<StoredSuggestion | null>;
  ledger: FeedbackLedger;
  /** A new suggestion was asked for (regenerate or a pasted message) and has not arrived yet. */
  waiting: 'regenerate' | 'paste' | null;
  onRegenerate: (instruction: string) => void;
}

const EMPTY_NOTE: Record<ChatRef['kind'], [string, string]> = {
  customer: ['顾客发来消息后，这里会出现推荐回复。', '顾客的话没有同步过来？可以在下方“粘贴顾客的话”。'],
  group: ['群里有客户 @你，或在你发言之后提问时，这里会出现推荐回复。', '群里其他人之间的聊天不会生成建议。'],
};

/** The live suggestion: summary, next best action, up to three drafts, and "regenerate with…" chips. */
export function SuggestionPanel({ chat, suggestion, ledger, waiting, onRegenerate }: Props) {
  const current = suggestion.data;
  let body;
  if (current === undefined && suggestion.error) body = <ErrorState error={suggestion.error} onRetry={() => void suggestion.reload()} />;
  else if (current === undefined) body = <Loading label="正在获取推荐回复…" />;
  else if (current === null)
    body = waiting ? (
      <Loading label="正在生成建议…" />
    ) : (
      <Empty>
        <p>{EMPTY_NOTE[chat.kind][0]}</p>
        <p class="small">{EMPTY_NOTE[chat.kind][1]}</p>
      </Empty>
    );
  else {
    const stale = current.status === 'stale' || waiting !== null;
    const model = modelSlots(current);
    body = (
      <div class={stale ? 'suggestion suggestion-stale' : 'suggestion'} aria-busy={stale}>
        {stale && (
          <p class="stale-banner" role="status">
            <span class="spinner" aria-hidden="true" />
            {waiting === 'regenerate' ? '正在按你的要求重新生成…' : '顾客有新消息，正在生成新的建议…'}
          </p>
        )}
        {current.summary && (
          <p class="summary">
            <span class="label">概要</span>
            {current.summary}
          </p>
        )}
        {current.nextAction && (
          <p class="next-action">
            <span class="label">下一步</span>
            {current.nextAction}
          </p>
        )}
        {current.instruction && <p class="hint">已按“{current.instruction}”重新生成</p>}
        {current.fallbackReason && <p class="hint">智能模型暂时不可用，以下为离线建议。</p>}
        {model.streaming && <StreamingNote />}
        {current.drafts.length === 0 && !model.streaming ? (
          <Empty>这次没有合适的回复建议。可以换个要求重新生成，或直接自己回复。</Empty>
        ) : (
          <div class="drafts">
            {model.slots.map(({ draft, pending }, index) => (
              // The source is in the key: a model draft taking an offline draft's slot is a new card.
              <div class="draft-slot" key={`${current.id}:${draft.id}:${draft.source}`}>
                {pending && <PendingSlot />}
                <DraftCard draft={draft} index={index} suggestionId={current.id} chat={chat} ledger={ledger} />
              </div>
            ))}
            {model.more && <PendingSlot />}
          </div>
        )}
      </div>
    );
  }
  return (
    <Section title="推荐回复" id="suggestion">
      {body}
      {current && (
        <div class="regenerate" role="group" aria-label="换一批">
          <span class="small muted">换一批：</span>
          {REGENERATE_CHIPS.map((instruction) => (
            <button type="button" key={instruction} class="chip-button" disabled={waiting !== null} onClick={() => onRegenerate(instruction)}>
              {instruction}
            </button>
          ))}
        </div>
      )}
    </Section>
  );
}
