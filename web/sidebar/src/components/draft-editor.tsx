import { useEffect, useRef, useState } from 'preact/hooks';
import { editDistance } from '../edit-distance.ts';

/** Inline editing of a draft before sending; shows how much was changed so the guide sees their edit count. */
export function DraftEditor({ original, busy, onSend, onCancel }: { original: string; busy: boolean; onSend: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(original);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const trimmed = text.trim();
  const changed = editDistance(original, trimmed);
  return (
    <div class="editor">
      <textarea
        ref={area}
        class="editor-text"
        value={text}
        rows={Math.min(8, Math.max(3, Math.ceil(text.length / 18)))}
        aria-label="编辑回复内容"
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="editor-meta muted small">{changed === 0 ? '未修改' : `已改动 ${changed} 字`}</div>
      <div class="actions">
        <button type="button" class="btn btn-primary" disabled={busy || trimmed === ''} onClick={() => onSend(trimmed)}>
          {busy ? '发送中…' : '发送修改后的内容'}
        </button>
        <button type="button" class="btn btn-secondary" disabled={busy} onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
