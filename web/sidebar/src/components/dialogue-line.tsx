import type { StateData } from '../api-types.ts';

/** Slot names as a guide reads them, in the order they matter for a reply. */
const SLOT_LABELS: [string, string][] = [
  ['category', '想要'],
  ['budget', '预算'],
  ['size', '尺码'],
  ['colour', '颜色'],
  ['skinType', '肤质'],
  ['occasion', '场合'],
  ['recipient', '送给'],
  ['focusProduct', '在看'],
];

const COMPLAINT: Record<string, string> = { harm: '使用后不适', quality: '质量问题', wrong_item: '发错货', package: '包裹破损', service: '服务不满', delay: '物流延误', refund: '退款未到', general: '不满意' };

function slotText(key: string, value: string): string {
  if (key === 'category') return value.split('/').slice(1, 3).join('/') || value.split('/')[0] || value;
  if (key === 'focusProduct') return value.replace(/\s+\S+$/u, '');
  if (key === 'size' && value !== '均码') return `${value}码`;
  return value;
}

/**
 * What the customer is asking now and has told us, each with the words it came from (hover or long-press):
 * the same state the drafts were built from, so the guide can see why a draft says what it says.
 */
export function DialogueLine({ state }: { state: StateData | undefined }) {
  if (!state) return null;
  const chips = SLOT_LABELS.flatMap(([key, label]) => {
    const slot = state.slots[key];
    return slot ? [{ key, label, text: slotText(key, slot.value), quote: slot.quote }] : [];
  });
  if (!state.complaint && chips.length === 0 && state.intents.length === 0) return null;
  return (
    <section class="card dialogue" aria-label="对话要点">
      <span class="label">在聊</span>
      <ul class="chips">
        {state.complaint && <li class="chip chip-attention" title={`顾客说“${state.complaint.quote}”`}>售后：{COMPLAINT[state.complaint.kind] ?? '不满意'}</li>}
        {!state.complaint && state.intents.length > 0 && <li class="chip">{state.intents.join(' + ')}</li>}
        {chips.map((c) => (
          <li key={c.key} class="chip chip-tag" title={`顾客说“${c.quote}”`}>
            {c.label} {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
