import type { FlagTone } from './lifecycle-flags.ts';

export interface KindChip {
  label: string;
  tone: FlagTone;
}

/** The lifecycle rules' names (README "Lifecycle reminders"), as the kind chip on a task shows them. */
const KIND_CHIPS: Record<string, KindChip> = {
  birthday: { label: '生日关怀', tone: 'good' },
  win_back: { label: '老客回访', tone: 'attention' },
  points_expiring: { label: '积分到期', tone: 'attention' },
  new_arrival: { label: '新品推荐', tone: 'info' },
  welcome: { label: '欢迎新客', tone: 'info' },
};

export function kindChip(kind: string): KindChip {
  return KIND_CHIPS[kind] ?? { label: '待办', tone: 'muted' };
}

/**
 * The title without what the task list already shows beside it: the leading "老客回访：" (the wording in
 * lifecycle.yaml starts with the rule's name, as the kind chip does) and then the customer's name.
 * A longer lead-in is part of the title and stays.
 */
export function taskHeadline(title: string, customerName = ''): string {
  const rest = /^[^：:]{1,6}[：:]\s*(.+)$/su.exec(title.trim())?.[1] ?? title.trim();
  const name = customerName.trim();
  if (name && rest.startsWith(name)) {
    const after = rest.slice(name.length).trim();
    if (after) return after;
  }
  return rest;
}
