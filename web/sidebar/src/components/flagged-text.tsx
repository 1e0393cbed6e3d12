import { useState } from 'preact/hooks';
import { segmentFlaggedText, worstSeverity } from '../../../shared/flag-segments.ts';
import type { Flag } from '../api-types.ts';

const SEVERITY_LABEL: Record<Flag['severity'], string> = { info: '提示', warn: '注意', block: '禁止' };

/**
 * Draft text with each risky span marked; tapping a mark shows why it was flagged. Flags whose words are
 * not in the text (after a manager's edit, say) are listed under it so no warning is lost.
 */
export function FlaggedText({ text, flags, showFlags }: { text: string; flags: Flag[]; showFlags: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!showFlags || flags.length === 0) return <p class="draft-text">{text}</p>;
  const { segments, unplaced } = segmentFlaggedText(text, flags);
  const opened = open === null ? undefined : segments[open];
  return (
    <div>
      <p class="draft-text">
        {segments.map((segment, index) => {
          if (segment.flags.length === 0) return segment.text;
          const severity = worstSeverity(segment.flags) ?? 'info';
          return (
            <mark
              key={segment.start}
              class={`flag flag-${severity}${open === index ? ' flag-open' : ''}`}
              role="button"
              tabIndex={0}
              aria-expanded={open === index}
              aria-label={`${segment.text}：${segment.flags.map((f) => f.reason).join('；')}`}
              onClick={() => setOpen(open === index ? null : index)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  setOpen(open === index ? null : index);
                }
              }}
            >
              {segment.text}
            </mark>
          );
        })}
      </p>
      {opened && (
        <ul class="flag-reasons" role="note">
          {opened.flags.map((flag) => (
            <li key={flag.rule + flag.reason} class={`flag-reason flag-reason-${flag.severity}`}>
              <strong>{SEVERITY_LABEL[flag.severity]}</strong>「{opened.text}」{flag.reason}
            </li>
          ))}
        </ul>
      )}
      {unplaced.length > 0 && (
        <ul class="flag-reasons">
          {unplaced.map((flag) => (
            <li key={flag.rule + flag.reason} class={`flag-reason flag-reason-${flag.severity}`}>
              <strong>{SEVERITY_LABEL[flag.severity]}</strong>
              {flag.text ? `「${flag.text}」` : ''}
              {flag.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
