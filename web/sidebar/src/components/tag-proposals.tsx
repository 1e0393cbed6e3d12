import { useState } from 'preact/hooks';
import type { Loadable } from '../../../shared/use-loadable.ts';
import { api, describeError } from '../api-client.ts';
import type { CardTag, TagProposal } from '../api-types.ts';
import { formatConfidence } from '../format.ts';
import { pendingProposals, splitTagPath } from '../group-tags.ts';
import { useNotify } from './notice.tsx';
import { ErrorState, Section } from './states.tsx';

interface Props {
  customerId: string;
  proposals: Loadable<TagProposal[]>;
  cardTags: CardTag[];
  onTagsChanged: (tags: CardTag[]) => void;
  /** In a customer group: whose tags these are ("标签建议 · 李娜"), and a section id per customer. */
  title?: string;
  id?: string;
}

/** Tags the conversation suggests, each with the customer's own words as evidence: 接受 writes it to WeCom. */
export function TagProposals({ customerId, proposals, cardTags, onTagsChanged, title = '标签建议', id = 'tag-proposals' }: Props) {
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [decided, setDecided] = useState<Set<string>>(new Set());
  if (proposals.error && !proposals.data) {
    return (
      <Section title={title}>
        <ErrorState error={proposals.error} onRetry={() => void proposals.reload()} />
      </Section>
    );
  }
  const open = pendingProposals(proposals.data ?? [], cardTags).filter((p) => !decided.has(p.tag));
  if (open.length === 0) return null;

  const decide = async (proposal: TagProposal, decision: 'accepted' | 'dismissed'): Promise<void> => {
    setBusy(proposal.tag);
    try {
      const tags = await api.decideTag(customerId, proposal.tag, decision);
      setDecided((d) => new Set(d).add(proposal.tag));
      if (tags) onTagsChanged(tags);
      notify(decision === 'accepted' ? `已添加标签「${splitTagPath(proposal.tag).name}」` : '已忽略');
    } catch (error) {
      notify(describeError(error), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title={title} id={id}>
      <ul class="proposals" data-customer-id={customerId}>
        {open.map((proposal) => {
          const { group, name } = splitTagPath(proposal.tag);
          return (
            <li key={proposal.tag} class="card proposal" data-tag={proposal.tag}>
              <div class="proposal-body">
                <div class="proposal-head">
                  <span class="chip chip-proposed">
                    {group && <span class="chip-group">{group}</span>}
                    {name}
                  </span>
                  <span class="muted small">把握 {formatConfidence(proposal.confidence)}</span>
                </div>
                <blockquote class="evidence">顾客说：“{proposal.evidence}”</blockquote>
              </div>
              <div class="proposal-actions">
                <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={() => void decide(proposal, 'accepted')}>
                  {busy === proposal.tag ? '处理中…' : '接受'}
                </button>
                <button type="button" class="btn btn-secondary" disabled={busy !== null} onClick={() => void decide(proposal, 'dismissed')}>
                  忽略
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
