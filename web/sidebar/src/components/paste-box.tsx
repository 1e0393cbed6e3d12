import { useState } from 'preact/hooks';
import { api, describeError } from '../api-client.ts';
import { useNotify } from './notice.tsx';

const MAX_LENGTH = 2000;

/** When a customer's words did not reach us through WeCom, the guide pastes them; a suggestion follows live. */
export function PasteBox({ customerId, onPasted }: { customerId: string; onPasted: () => void }) {
  const notify = useNotify();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const trimmed = text.trim();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!trimmed || busy) return;
    setBusy(true);
    try {
      await api.paste(customerId, trimmed);
      setText('');
      onPasted();
      notify('已记录顾客的话，正在生成建议…');
    } catch (error) {
      notify(describeError(error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="paste" onSubmit={(e) => void submit(e)}>
      <label class="mini-title" for="paste-text">
        粘贴顾客的话
      </label>
      <textarea
        id="paste-text"
        rows={2}
        maxLength={MAX_LENGTH}
        placeholder="顾客在别处（电话、门店、其他聊天）说的话，粘贴到这里也能生成建议"
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <button type="submit" class="btn btn-secondary" disabled={busy || trimmed === ''}>
        {busy ? '提交中…' : '记录并生成建议'}
      </button>
    </form>
  );
}
