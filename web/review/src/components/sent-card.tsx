import { useState } from 'preact/hooks';
import { api, describeError } from '../api-client.ts';
import type { SentItem, SentSource, SentStatus } from '../api-types.ts';
import { formatMoment } from '../format.ts';
import { FlaggedText } from './flagged-text.tsx';
import { useNotify } from './notice.tsx';
import { ScriptForm } from './script-form.tsx';

const SOURCE_LABEL: Record<SentSource, string> = { sidebar: '侧边栏', kf: '微信客服', archive: '会话存档' };
const STATUS_LABEL: Record<SentStatus, string> = { open: '待处理', noted: '已知晓', coach: '需辅导' };

/** One sampled message a guide sent: its flags, and the manager's 已知晓 / 需辅导 with an optional note. */
export function SentCard({ item: initial, now }: { item: SentItem; now: number }) {
  const notify = useNotify();
  const [item, setItem] = useState(initial);
  const [note, setNote] = useState(initial.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [promoting, setPromoting] = useState(false);

  const act = async (action: 'noted' | 'coach'): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      const updated = await api.sentAction(item.id, action, note.trim() || undefined);
      setItem({ ...updated, flags: updated.flags ?? item.flags });
      notify(action === 'coach' ? '已标记为需辅导' : '已标记为已知晓');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class={`card sent sent-${item.status}`} data-sent-id={item.id} aria-label={`${item.guide.name} 发给 ${item.customer.name} 的消息`}>
      <header class="card-head">
        <div class="who">
          <strong>{item.guide.name}</strong>
          <span class="muted"> → {item.customer.name}</span>
          <span class="muted small"> · {item.store.name} · {formatMoment(item.at, now)}</span>
        </div>
        <span class={`badge badge-status-${item.status}`}>{STATUS_LABEL[item.status]}</span>
      </header>
      <p class="chips">
        <span class="chip chip-static">{SOURCE_LABEL[item.source] ?? item.source}</span>
        {item.fromDraft && <span class="chip chip-static">{item.edited ? '建议回复·修改后发送' : '建议回复·直接发送'}</span>}
        {!item.fromDraft && <span class="chip chip-static">导购自己写的</span>}
      </p>
      <FlaggedText text={item.text} flags={item.flags} />
      {item.status !== 'open' && item.note && <p class="comment">备注：{item.note}</p>}

      {promoting ? (
        <ScriptForm messageId={item.id} text={item.text} flags={item.flags} onDone={() => setPromoting(false)} />
      ) : (
        <div class="sent-actions">
          {item.status === 'open' && (
            <input class="input" value={note} maxLength={200} placeholder="备注（可选），如辅导要点" onInput={(e) => setNote(e.currentTarget.value)} aria-label="备注" />
          )}
          {error && <p class="form-error" role="alert">{error}</p>}
          <div class="actions">
            {item.status === 'open' && (
              <>
                <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void act('noted')}>已知晓</button>
                <button type="button" class="btn btn-warn" disabled={busy} onClick={() => void act('coach')}>需辅导</button>
              </>
            )}
            <button type="button" class="btn btn-quiet" disabled={busy} onClick={() => setPromoting(true)}>设为话术</button>
          </div>
        </div>
      )}
    </article>
  );
}
