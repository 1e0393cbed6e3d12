import type { ConversationLine } from '../api-types.ts';
import { formatMoment } from '../format.ts';

/** The messages around a held draft, oldest first, so the manager judges the reply in its context. */
export function Conversation({ lines, customer, guide, now }: { lines: ConversationLine[]; customer: string; guide: string; now: number }) {
  if (lines.length === 0) return <p class="muted small">没有可显示的聊天记录。</p>;
  return (
    <ol class="conversation" aria-label="聊天记录">
      {lines.map((line) => (
        <li key={line.id} class={`line line-${line.speaker}`}>
          <span class="line-meta">
            {line.speaker === 'customer' ? customer : guide} · {formatMoment(line.at, now)}
          </span>
          <span class="bubble">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
