/**
 * Title and draft wording per rule. Built-in defaults; a tenant overrides any of them in `lifecycle.yaml`
 * in its knowledge directory (read at every run, so an edit applies to the next run). Placeholders are
 * checked on load so a typo never reaches a customer as "{nmae}".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { LifecycleRule } from './member.ts';

export interface RuleTemplate {
  title: string;
  draft: string;
}

export interface LifecycleTemplates {
  birthday: RuleTemplate;
  /** `offerLine` introduces the policy offer (`{offer}`) in `{offer_line}`; empty when no offer is configured. */
  win_back: RuleTemplate & { offerLine: string };
  points_expiring: RuleTemplate;
  new_arrival: RuleTemplate;
}

export const TEMPLATES_FILE = 'lifecycle.yaml';

const COMMON = ['customer', 'customer_name', 'guide_name', 'brand'];
/** Placeholders each rule fills. */
export const PLACEHOLDERS: Record<LifecycleRule | 'offer_line', string[]> = {
  birthday: [...COMMON, 'date', 'when', 'days'],
  win_back: [...COMMON, 'days', 'last_purchase', 'offer_line'],
  offer_line: ['offer'],
  points_expiring: [...COMMON, 'points', 'date', 'days'],
  new_arrival: [...COMMON, 'product', 'price', 'match'],
};

export const DEFAULT_TEMPLATES: LifecycleTemplates = {
  birthday: {
    title: '生日关怀：{customer} {date}生日',
    draft: '{customer_name}您好！{when}就是您的生日啦，祝您生日快乐🎂 生日月在{brand}购物可享生日月双倍积分，这几天有空欢迎来店里坐坐，我帮您挑几件合适的。',
  },
  win_back: {
    title: '老客回访：{customer} 已 {days} 天未购买',
    draft: '{customer_name}您好，好久不见，最近还好吗？{offer_line}有空欢迎来店里逛逛；想看什么款式可以先告诉我，我提前帮您备好尺码。',
    offerLine: '这次回店购物可享{offer}，',
  },
  points_expiring: {
    title: '积分提醒：{customer} 有 {points} 积分将于 {date} 到期',
    draft: '{customer_name}您好，提醒您一下：您有{points}积分将在{date}到期。积分按100积分抵1元直接抵扣，到期前来店里或线上购物都能用，别浪费啦～需要的话我帮您看看有什么合适的。',
  },
  new_arrival: {
    title: '新品推荐：{product}（{price}元）· 匹配{match}',
    draft: '{customer_name}您好，店里新到了一款{product}，{price}元，看到它就想到了您～有空来店里试试，或者我先拍几张细节图发给您看看？',
  },
};

function usesOnly(allowed: string[]) {
  return (text: string): boolean => [...text.matchAll(/\{(\w+)\}/g)].every((m) => allowed.includes(m[1] ?? ''));
}

const ruleSchema = (rule: LifecycleRule) => {
  const message = `placeholders allowed here: ${PLACEHOLDERS[rule].map((p) => `{${p}}`).join(' ')}`;
  return z.object({
    title: z.string().min(1).refine(usesOnly(PLACEHOLDERS[rule]), message).optional(),
    draft: z.string().min(1).refine(usesOnly(PLACEHOLDERS[rule]), message).optional(),
  });
};

const fileSchema = z.object({
  birthday: ruleSchema('birthday').optional(),
  win_back: ruleSchema('win_back').extend({ offerLine: z.string().refine(usesOnly(PLACEHOLDERS.offer_line), 'only {offer} is filled here').optional() }).optional(),
  points_expiring: ruleSchema('points_expiring').optional(),
  new_arrival: ruleSchema('new_arrival').optional(),
});

/** Reads `lifecycle.yaml` from a knowledge directory over the defaults; a missing file means the defaults. */
export async function loadTemplates(dir: string): Promise<LifecycleTemplates> {
  const path = join(dir, TEMPLATES_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_TEMPLATES;
    throw error;
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(parse(raw) ?? {});
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message.split('\n')[0];
    throw new AppError('lifecycle_templates_invalid', `${path} is invalid:\n${detail}`, { hint: `fix ${path}; the built-in wording is used until it loads` });
  }
  return {
    birthday: { ...DEFAULT_TEMPLATES.birthday, ...parsed.birthday },
    win_back: { ...DEFAULT_TEMPLATES.win_back, ...parsed.win_back },
    points_expiring: { ...DEFAULT_TEMPLATES.points_expiring, ...parsed.points_expiring },
    new_arrival: { ...DEFAULT_TEMPLATES.new_arrival, ...parsed.new_arrival },
  };
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
