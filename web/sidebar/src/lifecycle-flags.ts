import type { CustomerCard } from './api-types.ts';

export type FlagTone = 'info' | 'good' | 'attention' | 'muted';

export interface LifecycleFlag {
  label: string;
  tone: FlagTone;
}

const NEW_CONTACT_DAYS = 7;

/** Task kinds from the lifecycle rules (flow 5) and how the card names them. Unknown kinds use the task title. */
const TASK_FLAGS: Record<string, LifecycleFlag> = {
  birthday: { label: '生日将至', tone: 'good' },
  win_back: { label: '久未购买', tone: 'attention' },
  points_expiring: { label: '积分将过期', tone: 'attention' },
  new_arrival: { label: '有匹配新品', tone: 'info' },
  welcome: { label: '待发欢迎语', tone: 'info' },
};

/** The lifecycle chips on the customer card: relationship state first, then one chip per kind of open task. */
export function deriveLifecycleFlags(card: CustomerCard, now: number): LifecycleFlag[] {
  const flags: LifecycleFlag[] = [];
  const { status, since } = card.relationship;
  if (status === 'closed') flags.push({ label: '已不是好友', tone: 'muted' });
  else if (status === 'pending') flags.push({ label: '待通过好友', tone: 'muted' });
  else if (now - since < NEW_CONTACT_DAYS * 86_400_000) flags.push({ label: '新客户', tone: 'good' });
  const seen = new Set(flags.map((f) => f.label));
  for (const task of card.tasks) {
    const flag = TASK_FLAGS[task.kind] ?? { label: task.title, tone: 'info' as const };
    if (seen.has(flag.label)) continue;
    seen.add(flag.label);
    flags.push(flag);
  }
  return flags;
}
