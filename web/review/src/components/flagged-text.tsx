import { segmentFlaggedText, sortFlags, worstSeverity } from '../../../shared/flag-segments.ts';
import type { Flag } from '../api-types.ts';

const SEVERITY_LABEL: Record<Flag['severity'], string> = { info: '提示', warn: '注意', block: '须审核' };

/**
 * Text with each flagged span marked by severity; every flag's reason is listed underneath, numbered like its
 * mark, so a manager on a phone never has to tap to learn why. Flags whose words are no longer in the text
 * are listed too, so no warning is lost.
 */
export function FlaggedText({ text, flags, className = 'draft-text' }: { text: string; flags: Flag[]; className?: string }) {
  if (flags.length === 0) return <p class={className}>{text}</p>;
  const ordered = sortFlags(flags);
  const { segments } = segmentFlaggedText(text, ordered);
  const numberOf = (flag: Flag): number => ordered.indexOf(flag) + 1;
  return (
    <div class="flagged">
      <p class={className}>
        {segments.map((segment) => {
          if (segment.flags.length === 0) return segment.text;
          const severity = worstSeverity(segment.flags) ?? 'info';
          return (
            // The flag numbers are drawn by CSS (data-no) so copying the text copies the words only.
            <mark key={segment.start} class={`flag flag-${severity}`} data-no={segment.flags.map(numberOf).join(',')} title={segment.flags.map((f) => f.reason).join('；')}>
              {segment.text}
            </mark>
          );
        })}
      </p>
      <ol class="flag-list">
        {ordered.map((flag, index) => (
          <li key={`${flag.rule}:${flag.span[0]}:${index}`} class={`flag-item flag-item-${flag.severity}`}>
            <span class="flag-no">{index + 1}</span>
            <span class={`sev sev-${flag.severity}`}>{SEVERITY_LABEL[flag.severity]}</span>
            {flag.text && <q class="flag-words">{flag.text}</q>}
            <span class="flag-reason">{flag.reason}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
