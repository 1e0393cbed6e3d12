/**
 * A rule hit → the guide's task with its personalised draft. The draft goes through the same guardrails
 * as every suggestion; one they would hold for a manager is not used: the task then carries no draft and
 * its title tells the guide to write their own.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../assist/knowledge/build-knowledge-base.ts';
import type { Policy, Severity } from '../assist/knowledge/schemas.ts';
import { checkDraft } from '../assist/guardrails/check-draft.ts';
import { atLeast } from '../assist/guardrails/flag.ts';
import type { Task } from '../tasks/task-store.ts';
import type { RuleHit } from './evaluate-rules.ts';
import { fillTemplate, type LifecycleTemplates } from './templates.ts';

export const HELD_NOTE = '（推荐话术未通过合规检查，请自行撰写）';

export interface TaskContext {
  customerId: string;
  /** The member's name, else the WeCom profile's; empty when neither is known. */
  customerName: string;
  guideId: string;
  guideName: string;
  now: number;
  kb: KnowledgeBase;
  templates: LifecycleTemplates;
  /** The guide's store threshold (config review.approvalSeverity); otherwise policy.yaml decides. */
  threshold: Severity | undefined;
  /** The policy wording of the win-back offer; empty for none. */
  offer: string;
}

export interface BuiltTask {
  task: Task;
  onceKey: string;
  held: boolean;
}

/** The label of a discount, reduction or promotion of the policy, by id. */
export function offerLabel(policy: Policy, id: string): string | undefined {
  if (!id) return undefined;
  return [...policy.discounts, ...policy.reductions, ...policy.promotions].find((o) => o.id === id)?.label;
}

/** One task per member, rule and period. */
export const onceKeyOf = (hit: RuleHit, customerId: string): string => `${hit.rule}:${customerId}:${hit.period}`;

export function buildTask(hit: RuleHit, ctx: TaskContext): BuiltTask {
  const onceKey = onceKeyOf(hit, ctx.customerId);
  const template = ctx.templates[hit.rule];
  const values: Record<string, string> = {
    customer: ctx.customerName || '客户',
    customer_name: ctx.customerName,
    guide_name: ctx.guideName,
    brand: ctx.kb.policy.store.name,
    ...hit.values,
  };
  if (hit.rule === 'win_back') values.offer_line = ctx.offer ? fillTemplate(ctx.templates.win_back.offerLine, { offer: ctx.offer }) : '';
  const draft = fillTemplate(template.draft, values);
  const check = checkDraft(ctx.kb, draft, { products: hit.products });
  const held = ctx.threshold ? check.flags.some((f) => atLeast(f.severity, ctx.threshold as Severity)) : check.needsApproval;
  const title = fillTemplate(template.title, values);
  const task: Task = {
    id: `lc-${hit.rule}-${createHash('sha256').update(onceKey).digest('hex').slice(0, 20)}`,
    guideId: ctx.guideId,
    customerId: ctx.customerId,
    kind: hit.rule,
    title: held ? `${title}${HELD_NOTE}` : title,
    ...(held ? {} : { draft }),
    createdAt: ctx.now,
    due: hit.due,
    status: 'open',
  };
  return { task, onceKey, held };
}
