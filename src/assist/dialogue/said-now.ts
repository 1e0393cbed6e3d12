/**
 * A slot's value when the newest customer message is what said it ("还是37", "焦糖色的"): the facts
 * a reply to that message must address, as opposed to ones carried from earlier turns.
 */
import type { DialogueState, Slots } from './dialogue-state.ts';

type ValueOf<K extends keyof Slots> = NonNullable<Slots[K]> extends { value: infer V } ? V : never;

export function saidNow<K extends keyof Slots>(state: DialogueState, key: K): ValueOf<K> | undefined {
  const slot = state.slots[key] as { value: ValueOf<K>; messageId: string } | undefined;
  return slot && slot.messageId === state.newestMessageId ? slot.value : undefined;
}
