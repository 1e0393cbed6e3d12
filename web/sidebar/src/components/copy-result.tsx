import type { MarketingCopy } from '../api-types.ts';
import { COPY_KINDS } from '../content-request.ts';
import { FlaggedText } from './flagged-text.tsx';

interface Props {
  copy: MarketingCopy;
  onCopy: () => void;
}

/**
 * The written copy with the guardrails' marks. It is only ever copied, never sent; a held result (the
 * guardrails would stop it) cannot be copied at all until the guide changes what produced it.
 */
export function CopyResult({ copy, onCopy }: Props) {
  const held = copy.needsApproval;
  const label = COPY_KINDS.find((k) => k.kind === copy.kind)?.label ?? '文案';
  return (
    <article class={`card draft copy-result${held ? ' copy-held' : ''}`} aria-label="生成的文案">
      <header class="draft-head">
        <span class="badge badge-model">{label}</span>
        {held && <span class="badge badge-rejected">需修改后使用</span>}
      </header>
      <FlaggedText text={copy.text} flags={copy.flags} showFlags />
      {held ? (
        <p class="note note-rejected">
          这段文案含不能直接发布的内容（已标出，点高亮文字查看原因），修改前不能使用。请改掉主题里的相关说法或更换商品，再重新生成。
        </p>
      ) : (
        copy.flags.length > 0 && <p class="hint">含 {copy.flags.length} 处风险提示，点高亮文字查看原因，发布前请斟酌修改。</p>
      )}
      {!held && (
        <div class="actions">
          <button type="button" class="btn btn-primary" onClick={onCopy}>
            复制
          </button>
          <span class="muted small copy-only">只复制，不会发给客户</span>
        </div>
      )}
    </article>
  );
}
