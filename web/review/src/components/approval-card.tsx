import { useEffect, useRef, useState } from 'preact/hooks';
import { isApiError } from '../../../shared/api-request.ts';
import { api, describeError } from '../api-client.ts';
import type { ApprovalItem, Person } from '../api-types.ts';
import { buildDecision, decideLocally, decisionLabel, type DecisionKind } from '../decision.ts';
import { formatMoment, formatWaiting } from '../format.ts';
import { DecisionForm } from './decision-form.tsx';
import { Conversation } from './conversation.tsx';
import { FlaggedText } from './flagged-text.tsx';
import { useNotify } from './notice.tsx';

interface Props {
  item: ApprovalItem;
  me: Person;
  now: number;
  /** When the list holding `item` was fetched: waitingMs counts from then. */
  fetchedAt: number;
  focused?: boolean;
  /** The card holds work the manager has not finished (or just finished): keep it on screen. */
  onWorking(id: string, working: boolean): void;
  /** The item was decided (here, or by someone else first): the queue reloads. */
  onChanged(): void;
}

type Phase = 'idle' | 'saving' | 'saved' | 'conflict';

/** One held draft: who, for whom, how long it has waited, the conversation, the flagged text, and the decision. */
export function ApprovalCard({ item, me, now, fetchedAt, focused, onWorking, onChanged }: Props) {
  const notify = useNotify();
  const [local, setLocal] = useState<ApprovalItem | null>(null);
  const [mode, setMode] = useState<DecisionKind | 'view'>('view');
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState('');
  // Kept here, not in the form, so a failed submit gives the manager their words back.
  const [text, setText] = useState(item.originalText);
  const [comment, setComment] = useState('');
  const ref = useRef<HTMLElement>(null);
  const shown = local ?? item;

  useEffect(() => onWorking(item.id, mode !== 'view' || phase !== 'idle'), [item.id, mode, phase, onWorking]);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'start' });
  }, [focused]);

  const submit = async (kind: DecisionKind, input: { text?: string; comment?: string }): Promise<void> => {
    const built = buildDecision(kind, input, item.originalText);
    if (!built.ok) {
      setError(built.error);
      return;
    }
    setError('');
    // Optimistic: the card shows the decision at once and says it is being saved until the server confirms.
    setLocal(decideLocally(item, built.decision, me, Date.now()));
    setPhase('saving');
    try {
      const saved = await api.decide(item.id, built.decision);
      setLocal(saved);
      setPhase('saved');
      setMode('view');
      notify(saved.state === 'rejected' ? '已驳回，导购会在侧边栏看到你的意见' : '已通过，导购的侧边栏已变为可发送');
      onChanged();
    } catch (failure) {
      if (isApiError(failure, 'already_decided')) {
        setMode('view');
        setPhase('conflict');
        const current = await api.approval(item.id).catch(() => null);
        setLocal(current && current.state !== 'pending' ? current : null);
        notify(`这条回复已由${current?.decidedBy?.name ?? '其他人'}处理，你的操作没有生效`, 'info');
        onChanged();
        return;
      }
      setLocal(null);
      setPhase('idle');
      setError(describeError(failure));
    }
  };

  const waiting = shown.state === 'pending' ? formatWaiting(shown.waitingMs + Math.max(0, now - fetchedAt)) : '';
  const escalated = shown.state === 'pending' && shown.escalated;
  const editedText = shown.text !== undefined && shown.text !== shown.originalText ? shown.text : undefined;
  return (
    <article
      ref={ref}
      class={`card approval approval-${shown.state}${escalated ? ' approval-escalated' : ''}${focused ? ' approval-focused' : ''}`}
      data-approval-id={item.id}
      aria-label={`${shown.guide.name} 给 ${shown.customer.name} 的回复`}
    >
      <header class="card-head">
        <div class="who">
          <strong>{shown.guide.name}</strong>
          <span class="muted"> → {shown.customer.name}</span>
          <span class="muted small"> · {shown.store.name}</span>
        </div>
        {shown.state === 'pending' ? (
          <span class={escalated ? 'badge badge-escalated' : 'badge badge-waiting'}>{escalated ? `已超时 · ${waiting}` : waiting}</span>
        ) : (
          <span class={`badge badge-${shown.state}`}>{decisionLabel(shown)}</span>
        )}
      </header>
      {focused && <p class="banner banner-info">来自消息通知的审核项</p>}

      <details class="context" open={focused || shown.conversation.length <= 4}>
        <summary>聊天记录（{shown.conversation.length} 条）</summary>
        <Conversation lines={shown.conversation} customer={shown.customer.name} guide={shown.guide.name} now={now} />
      </details>

      <section class="draft" aria-label="建议回复">
        <h3 class="label">建议回复 {shown.flags.length > 0 && <span class="muted small">（{shown.flags.length} 处风险）</span>}</h3>
        <FlaggedText text={shown.originalText} flags={shown.flags} />
      </section>

      {shown.state !== 'pending' && (
        <section class={`outcome outcome-${shown.state}`} aria-label="审核结果">
          <p>
            {decisionLabel(shown)}
            {shown.decidedBy && ` · ${shown.decidedBy.name}`}
            {shown.decidedAt !== undefined && ` · ${formatMoment(shown.decidedAt, now)}`}
            {phase === 'saving' && <span class="muted">（正在提交…）</span>}
          </p>
          {editedText && (
            <p class="final-text">
              <span class="label">发给导购的文字：</span>
              {editedText}
            </p>
          )}
          {shown.comment && <p class="comment">意见：{shown.comment}</p>}
          {phase === 'conflict' && <p class="note">在你操作之前，这条回复已被其他人处理，以上是实际结果。</p>}
        </section>
      )}

      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}

      {shown.state === 'pending' && phase === 'idle' && (
        <DecisionForm
          mode={mode}
          original={item.originalText}
          text={text}
          comment={comment}
          onText={setText}
          onComment={setComment}
          onMode={(next) => {
            setError('');
            setMode(next);
          }}
          onSubmit={(kind, input) => void submit(kind, input)}
        />
      )}
    </article>
  );
}
