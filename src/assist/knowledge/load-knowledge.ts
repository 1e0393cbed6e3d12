/**
 * Loads a tenant's knowledge directory (catalog.yaml, faq.yaml, scripts.yaml, policy.yaml,
 * guardrails.yaml, tag-rules.yaml), validates every file and builds the indexes. One error lists
 * every broken file so an admin fixes them in one pass.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { buildKnowledgeBase } from './build-knowledge-base.ts';
import type { KnowledgeBase } from './build-knowledge-base.ts';
import {
  catalogFileSchema,
  corpTagLibrarySchema,
  faqFileSchema,
  guardrailsSchema,
  policySchema,
  scriptsFileSchema,
  tagRulesFileSchema,
} from './schemas.ts';
import type { CorpTagLibrary } from './schemas.ts';

export const KNOWLEDGE_FILES = ['catalog.yaml', 'faq.yaml', 'scripts.yaml', 'policy.yaml', 'guardrails.yaml', 'tag-rules.yaml', 'scripts.learned.yaml'] as const;

/** Replies managers promoted from what guides wrote (the learning loop); optional, appended by the console. */
export const LEARNED_SCRIPTS_FILE = 'scripts.learned.yaml';

type Outcome<T> = { ok: true; value: T } | { ok: false; problem: string };

async function readYaml<T>(path: string, schema: z.ZodType<T>, optional: boolean, fallback: unknown): Promise<Outcome<T>> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: schema.parse(fallback) };
    return { ok: false, problem: `${path}: cannot read (${(error as Error).message})` };
  }
  let data: unknown;
  try {
    data = parse(raw);
  } catch (error) {
    return { ok: false, problem: `${path}: not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  const result = schema.safeParse(data ?? fallback);
  if (!result.success) return { ok: false, problem: `${path}:\n${z.prettifyError(result.error)}` };
  return { ok: true, value: result.data };
}

/** Loads and indexes a knowledge directory; throws AppError `knowledge_invalid` naming every broken file. */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  const [catalog, faq, scripts, policy, guardrails, tagRules, learned] = await Promise.all([
    readYaml(join(dir, 'catalog.yaml'), catalogFileSchema, false, {}),
    readYaml(join(dir, 'faq.yaml'), faqFileSchema, false, {}),
    readYaml(join(dir, 'scripts.yaml'), scriptsFileSchema, false, {}),
    readYaml(join(dir, 'policy.yaml'), policySchema, false, {}),
    readYaml(join(dir, 'guardrails.yaml'), guardrailsSchema, false, {}),
    readYaml(join(dir, 'tag-rules.yaml'), tagRulesFileSchema, true, { rules: {} }),
    readYaml(join(dir, LEARNED_SCRIPTS_FILE), scriptsFileSchema, true, { scripts: [] }),
  ]);
  if (!catalog.ok || !faq.ok || !scripts.ok || !policy.ok || !guardrails.ok || !tagRules.ok || !learned.ok) {
    const problems = [catalog, faq, scripts, policy, guardrails, tagRules, learned].flatMap((o) => (o.ok ? [] : [o.problem]));
    throw new AppError('knowledge_invalid', `knowledge in ${dir} is invalid:\n${problems.join('\n')}`, {
      hint: `fix the listed files in ${dir}; the previous knowledge stays in use until they load`,
    });
  }
  return buildKnowledgeBase(
    {
      products: catalog.value.products,
      faqs: faq.value.faqs,
      scripts: [...scripts.value.scripts, ...learned.value.scripts.map((script) => ({ ...script, learned: true }))],
      policy: policy.value,
      guardrails: guardrails.value,
      tagRules: tagRules.value.rules,
    },
    dir,
  );
}

/** Reads a corp tag library file (tags.yaml shape, optionally with inline rules per tag). */
export async function loadCorpTags(path: string): Promise<CorpTagLibrary> {
  const outcome = await readYaml(path, corpTagLibrarySchema, false, {});
  if (!outcome.ok) {
    throw new AppError('tag_library_invalid', outcome.problem, { hint: `check ${path} against the get_corp_tag_list shape: groups[].tags[]` });
  }
  return outcome.value;
}
