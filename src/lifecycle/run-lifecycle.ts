/**
 * One run of the lifecycle rules over every stored member, as of `now`. Each hit becomes a task for the
 * member's guide unless this member, rule and period already had one (checked twice: the lifecycle's
 * long-lived marker, then the task store's atomic once-key, so two runs racing still make one task).
 */
import type { KnowledgeSource } from '../assist/knowledge/watch-knowledge.ts';
import type { Severity } from '../assist/knowledge/schemas.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { TagDirectory } from '../conversation/tag-directory.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';
import type { Task, TaskStore } from '../tasks/task-store.ts';
import { buildTask, offerLabel, onceKeyOf } from './build-task.ts';
import { chinaDay } from './china-date.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { LifecycleCounts } from './lifecycle-counts.ts';
import type { LifecycleMember, LifecycleSettings } from './member.ts';
import type { MemberStore } from './member-store.ts';
import type { OnceMarkers } from './once-markers.ts';
import { customerTagIds, pickGuide, storeOfGuide } from './pick-guide.ts';
import type { LifecycleTemplates } from './templates.ts';

export interface LifecycleRunDeps {
  members: MemberStore;
  store: Pick<ConversationStore, 'getProfile'>;
  tasks: TaskStore;
  org: Org;
  knowledge: KnowledgeSource;
  tags: () => TagDirectory;
  templates: () => Promise<LifecycleTemplates>;
  settings: LifecycleSettings;
  /** A store's own approval threshold (config review.approvalSeverity), if it has one. */
  threshold: (storeId: string) => Severity | undefined;
  once: OnceMarkers;
  counts: LifecycleCounts;
  /** Called once per new task: queue it for the guide's digest, tell an open sidebar. */
  onCreated: (task: Task) => Promise<void>;
  log: Logger;
}

export interface RunSummary {
  day: string;
  members: number;
  created: number;
  /** Tasks created without a draft because the guardrails held it. */
  held: number;
  /** Members with no guide: none in the member file and no active WeCom relationship. */
  unassigned: number;
  /** New task ids per guide. */
  byGuide: Record<string, string[]>;
}

const BATCH = 200;

export async function runLifecycle(deps: LifecycleRunDeps, now: number): Promise<RunSummary> {
  const kb = deps.knowledge.current();
  const templates = await deps.templates();
  const directory = deps.tags();
  const today = chinaDay(now);
  const offer = offerLabel(kb.policy, deps.settings.winBack.offer) ?? '';
  if (deps.settings.winBack.offer && !offer) {
    deps.log.warn({ offer: deps.settings.winBack.offer }, 'lifecycle.winBack.offer is not an id in policy.yaml; win-back drafts carry no offer');
  }
  const summary: RunSummary = { day: today, members: 0, created: 0, held: 0, unassigned: 0, byGuide: {} };

  const visitMember = async (member: LifecycleMember): Promise<void> => {
    const profile = await deps.store.getProfile(member.customerId);
    const guideId = pickGuide(member, profile, deps.org);
    if (!guideId) {
      summary.unassigned++;
      return;
    }
    const storeId = storeOfGuide(deps.org, guideId);
    const tags = customerTagIds(profile, guideId).flatMap((id) => directory.byId(id)?.key ?? []);
    const hits = evaluateRules({ member, today, settings: deps.settings, products: kb.products, tags });
    for (const hit of hits) {
      const onceKey = onceKeyOf(hit, member.customerId);
      if (await deps.once.has(onceKey)) continue;
      const built = buildTask(hit, {
        customerId: member.customerId,
        customerName: member.name ?? profile?.name ?? '',
        guideId,
        guideName: deps.org.member(guideId)?.name ?? '',
        now,
        kb,
        templates,
        threshold: deps.threshold(storeId),
        offer,
      });
      const created = await deps.tasks.create(built.task, built.onceKey);
      await deps.once.mark(onceKey, hit.keepMs);
      if (!created) continue;
      await deps.counts.recordCreated({ storeId, rule: hit.rule, held: built.held, at: now });
      await deps.onCreated(built.task);
      summary.created++;
      if (built.held) summary.held++;
      (summary.byGuide[guideId] ??= []).push(built.task.id);
    }
  };

  summary.members = await deps.members.forEach(BATCH, async (batch) => {
    for (const member of batch) await visitMember(member);
  });
  deps.log.info({ day: today, members: summary.members, created: summary.created, held: summary.held, unassigned: summary.unassigned, guides: Object.keys(summary.byGuide).length }, 'lifecycle run');
  return summary;
}
