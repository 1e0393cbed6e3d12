import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** Who may sign in and what they may see: guides, managers (with their stores) and admins. */
export type Role = 'guide' | 'manager' | 'admin';

export interface Member {
  userId: string;
  name: string;
  role: Role;
  /** A guide's store; a manager's stores; empty for an admin (who sees every store). */
  stores: string[];
}

export interface Store {
  id: string;
  name: string;
  city?: string;
  /**
   * A guide's edit of a draft that breaks a guardrail at or above the store's threshold waits for the
   * manager before it can be sent (the draft was checked, the guide's words were not).
   */
  holdRiskyEdits?: boolean;
}

export interface Org {
  corpId: string;
  corpName: string;
  stores: Store[];
  member(userId: string): Member | undefined;
  members(): Member[];
  /** Guides of the given stores (all guides for an empty list). */
  guidesOf(storeIds: readonly string[]): Member[];
  /** What people call a 「联系我」 channel (`state`), from the file's `channels`; undefined when unnamed. */
  channelName(state: string): string | undefined;
}

const memberSchema = z
  .object({
    userid: z.string().min(1),
    name: z.string().min(1),
    role: z.enum(['guide', 'manager', 'admin']),
    store: z.string().optional(),
    stores: z.array(z.string()).optional(),
  })
  .refine((m) => m.role !== 'guide' || Boolean(m.store), { message: 'a guide needs a store' })
  .refine((m) => m.role !== 'manager' || (m.stores?.length ?? 0) > 0, { message: 'a manager needs stores' });

const orgSchema = z.object({
  corp: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  stores: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), city: z.string().optional(), holdRiskyEdits: z.boolean().optional() })),
  members: z.array(memberSchema),
  // The codes in a 「联系我」 state are the tenant's own: guides read the names.
  channels: z.record(z.string().min(1), z.string().min(1)).optional(),
});

export function buildOrg(data: unknown): Org {
  const parsed = orgSchema.parse(data);
  const members = parsed.members.map<Member>((m) => ({
    userId: m.userid,
    name: m.name,
    role: m.role,
    stores: m.role === 'admin' ? [] : m.stores ?? (m.store ? [m.store] : []),
  }));
  const byId = new Map(members.map((m) => [m.userId, m]));
  return {
    corpId: parsed.corp.id,
    corpName: parsed.corp.name,
    stores: parsed.stores.map((s) => ({ id: s.id, name: s.name, ...(s.city ? { city: s.city } : {}), ...(s.holdRiskyEdits ? { holdRiskyEdits: true } : {}) })),
    member: (userId) => byId.get(userId),
    members: () => [...members],
    guidesOf: (storeIds) => members.filter((m) => m.role === 'guide' && (storeIds.length === 0 || m.stores.some((s) => storeIds.includes(s)))),
    channelName: (state) => (parsed.channels && Object.hasOwn(parsed.channels, state) ? parsed.channels[state] : undefined),
  };
}

export async function loadOrg(path: string): Promise<Org> {
  return buildOrg(parse(await readFile(path, 'utf8')));
}
