import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** The demo tenant as the emulator starts it: `stores.yaml` and `tags.yaml` from a seed directory. */

const epochSeconds = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : Date.parse(v) / 1000;
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a time: ${String(v)}` });
    return z.NEVER;
  }
  return Math.floor(n);
});

const storesSchema = z.object({
  corp: z.object({ id: z.string().optional(), name: z.string() }),
  stores: z.array(z.looseObject({ id: z.string(), name: z.string() })).default([]),
  members: z.array(
    z.object({
      userid: z.string().min(1),
      name: z.string(),
      role: z.enum(['guide', 'manager', 'admin']),
      store: z.string().optional(),
      stores: z.array(z.string()).optional(),
    }),
  ),
  customers: z
    .array(
      z.object({
        external_userid: z.string().min(1),
        name: z.string(),
        gender: z.coerce.number().pipe(z.union([z.literal(0), z.literal(1), z.literal(2)])).default(0),
        type: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)])).default(1),
        avatar: z.string().optional(),
        follow: z
          .array(
            z.object({
              userid: z.string().min(1),
              remark: z.string().default(''),
              description: z.string().default(''),
              tags: z.array(z.string()).default([]),
              createtime: epochSeconds.optional(),
              state: z.string().optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  kf: z.object({ open_kfid: z.string().min(1), name: z.string(), servicers: z.array(z.string()).default([]) }),
  // Customer groups (客户群) as groupchat/get describes them; members are userids of `members` or
  // external_userids (of `customers`, or others named here). `archive_consent` is what check_room_agree says.
  groups: z
    .array(
      z.object({
        chat_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        name: z.string(),
        owner: z.string().min(1),
        notice: z.string().optional(),
        admins: z.array(z.string()).default([]),
        create_time: epochSeconds.optional(),
        members: z.array(
          z.object({
            userid: z.string().min(1),
            name: z.string().optional(),
            group_nickname: z.string().optional(),
            archive_consent: z.enum(['agree', 'disagree', 'default_agree']).default('agree'),
          }),
        ),
      }),
    )
    .default([]),
});

const tagsSchema = z.object({
  groups: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      order: z.number().default(0),
      tags: z.array(z.object({ id: z.string().min(1), name: z.string(), order: z.number().optional() })),
    }),
  ),
});

export type StoresSeed = z.infer<typeof storesSchema>;
export type TagsSeed = z.infer<typeof tagsSchema>;

export interface Seed {
  stores: StoresSeed;
  tags: TagsSeed;
}

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('emulator_seed_unreadable', `cannot read ${file}`, { hint: 'point seedDir at config/demo', cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('emulator_seed_invalid', `${file}: ${problems}`, { hint: 'fix the demo seed file' });
  }
  return parsed.data;
}

/** Reads and checks the seed; every `组/标签` reference must name a tag of the library. */
export function loadSeed(seedDir: string): Seed {
  const stores = readYaml(join(seedDir, 'stores.yaml'), storesSchema);
  const tags = readYaml(join(seedDir, 'tags.yaml'), tagsSchema);
  const memberIds = new Set(stores.members.map((m) => m.userid));
  const problems: string[] = [];
  for (const customer of stores.customers) {
    for (const follow of customer.follow) {
      if (!memberIds.has(follow.userid)) problems.push(`${customer.external_userid}: unknown member ${follow.userid}`);
      for (const ref of follow.tags) {
        if (resolveTagRef(tags, ref) === undefined) problems.push(`${customer.external_userid}: unknown tag ${ref}`);
      }
    }
  }
  for (const group of stores.groups) {
    if (!memberIds.has(group.owner)) problems.push(`group ${group.chat_id}: unknown owner ${group.owner}`);
    for (const m of group.members) {
      if (!memberIds.has(m.userid) && !/^w[mo]/.test(m.userid)) problems.push(`group ${group.chat_id}: ${m.userid} is neither a member nor an external_userid (wm…/wo…)`);
    }
  }
  if (problems.length > 0) throw new AppError('emulator_seed_invalid', `stores.yaml: ${problems.join('; ')}`, { hint: 'fix the demo seed file' });
  return { stores, tags };
}

/** `组/标签` → tag id. */
export function resolveTagRef(tags: TagsSeed, ref: string): string | undefined {
  const slash = ref.indexOf('/');
  const groupName = ref.slice(0, slash);
  const tagName = ref.slice(slash + 1);
  return tags.groups.find((g) => g.name === groupName)?.tags.find((t) => t.name === tagName)?.id;
}
