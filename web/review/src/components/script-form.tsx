import { useState } from 'preact/hooks';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api, describeError } from '../api-client.ts';
import type { Flag } from '../api-types.ts';
import { parseTags } from '../script-tags.ts';
import { useNotify } from './notice.tsx';
import { ErrorState, Loading } from './states.tsx';

interface Props {
  messageId: string;
  text: string;
  flags: Flag[];
  onDone(): void;
}

/** 设为话术: a reply a guide wrote joins the script library (the learning loop), with an intent and tags. */
export function ScriptForm({ messageId, text: original, flags, onDone }: Props) {
  const notify = useNotify();
  const intents = useLoadable('intents', api.intents);
  const [text, setText] = useState(original);
  const [intent, setIntent] = useState('');
  const [tagInput, setTagInput] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { tags, invalid } = parseTags(tagInput);

  const save = async (): Promise<void> => {
    if (!text.trim()) return setError('话术内容不能为空。');
    if (!intent) return setError('请选择这条话术回答的意图。');
    if (invalid.length > 0) return setError(`标签格式应为“组/标签”：${invalid.join('、')}`);
    setBusy(true);
    setError('');
    try {
      const script = await api.saveScript({ text: text.trim(), intent, tags, fromMessageId: messageId });
      notify(`已加入话术库（${script.intent}），导购搜索时就能找到`);
      onDone();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="script-form" aria-label="设为话术" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3 class="label">设为话术</h3>
      {flags.length > 0 && <p class="banner banner-warn">这条消息有风险提示，加入话术库前请先改写标记的内容。</p>}
      <label class="field">
        <span class="label">话术内容</span>
        <textarea class="input" rows={3} maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label="话术内容" />
      </label>
      <label class="field">
        <span class="label">意图</span>
        {intents.error !== undefined ? (
          <ErrorState error={intents.error} onRetry={() => void intents.reload()} />
        ) : intents.data === undefined ? (
          <Loading label="正在加载意图…" />
        ) : (
          <select class="input" value={intent} onChange={(e) => setIntent(e.currentTarget.value)} aria-label="意图">
            <option value="">请选择</option>
            {intents.data.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        )}
      </label>
      <label class="field">
        <span class="label">标签（可选，格式“组/标签”，多个用逗号隔开）</span>
        <input class="input" value={tagInput} placeholder="如：场合/通勤，预算/1000-3000" onInput={(e) => setTagInput(e.currentTarget.value)} aria-label="标签" />
      </label>
      {tags.length > 0 && (
        <p class="chips">
          {tags.map((tag) => (
            <span key={tag} class="chip chip-static">{tag}</span>
          ))}
        </p>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? '保存中…' : '加入话术库'}</button>
        <button type="button" class="btn btn-quiet" disabled={busy} onClick={onDone}>取消</button>
      </div>
    </form>
  );
}
