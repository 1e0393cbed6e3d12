/**
 * Regression guard on the dialogue dev set (tests/eval/dev.dialogue.jsonl) with the offline engine and
 * the demo knowledge. Each floor sits a little under the rate measured after the engine was rebuilt on
 * the dialogue state (2026-12-01; the rate before is in the comment's brackets). The set grew from 140
 * to 250 lines (d141–d250: terse, older, mixed-English, emoji, typo, voice-to-text and pasted voices the
 * rules were not tuned on), so the floors were lowered to 0.03 under the 250-line rates; a floor still
 * measured at 1 stays at 1. The first 140 lines are what the rules were tuned on, so their rates
 * flatter the engine: the holdout set (never tuned on, never asserted on here) is reported by
 * `npm run eval` only.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import type { Property } from '../eval/check-properties.ts';
import { readJsonl } from '../eval/jsonl.ts';
import { runSuggestTask } from '../eval/task-suggest.ts';
import { DEMO_DIR, ROOT, demoCorpTags } from './support.ts';

/** Floor (rate on the 250 lines after tuning on them; [rate before the dialogue state, first 140 lines]). */
const FLOORS: Partial<Record<Property, number>> = {
  answers_newest: 0.93, // 0.967 [0.47]
  fitting_product_top3: 0.93, // 0.961 [0.47]
  within_budget: 0.95, // 0.982 [0.92]
  nothing_fits_honest: 0.83, // 0.917 [0]
  complaint_tagged: 1, // 1 [0.86]: every complaint is tagged
  no_pitch_in_complaint: 0.96, // 1 [0.21]
  no_placeholder: 1, // 1: an unfilled {product_name} must never reach a customer
  no_third_person: 1, // 1 [0.74]
  no_wrong_situation: 1, // 1 [0.91]
  no_product: 0.96, // 1 [0.93]
  sendable_top3: 0.93, // 0.964 [0.39]
  sendable_top1: 0.92, // 0.956 [0.26]
};

/**
 * dev3 (120 lines written blind on 2026-12-02, then tuned on): floors 0.03 under the rates after tuning
 * ([rate when first run, before any rule was written for it]).
 */
const DEV3_FLOORS: Partial<Record<Property, number>> = {
  answers_newest: 0.94, // 0.978 [0.74]
  fitting_product_top3: 0.94, // 0.976 [0.85]
  within_budget: 0.92, // 0.958 [0.92]
  nothing_fits_honest: 0.75, // 0.875 [0.5]
  complaint_tagged: 1, // 1 [0.83]
  no_pitch_in_complaint: 0.97, // 1 [0.78]
  no_placeholder: 1,
  no_third_person: 1,
  no_wrong_situation: 1,
  no_product: 0.97, // 1 [0.95]
  sendable_top3: 0.94, // 0.975 [0.75]
  sendable_top1: 0.93, // 0.967 [0.72]
};

/**
 * dev4–dev6 (written blind on 2026-12-02 in other voices, then tuned on): floors 0.03 under the rates
 * after tuning ([rate when first run]); the guardrail check is the same as above.
 */
const LATER_SETS: [string, number, Partial<Record<Property, number>>][] = [
  // dialect and older voice input
  ['dev4.dialogue.jsonl', 60, { answers_newest: 0.93 /* 0.966 [0.86] */, fitting_product_top3: 0.97 /* 1 [0.68] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.97 /* 1 [0.83] */ }],
  // two asks in one message, named products, gifts
  ['dev5.dialogue.jsonl', 120, { answers_newest: 0.93 /* 0.96 [0.71] */, fitting_product_top3: 0.94 /* 0.976 [0.88] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.93 /* 0.967 [0.72] */ }],
  // an ordinary week: short follow-ups in longer conversations
  ['dev6.dialogue.jsonl', 120, { answers_newest: 0.94 /* 0.978 [0.76] */, fitting_product_top3: 0.94 /* 0.978 [0.74] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.94 /* 0.975 [0.77] */ }],
  // every age, a third older or in dialect, long messages that bury the ask, sizes from height or foot length
  ['dev7.dialogue.jsonl', 120, { answers_newest: 0.92 /* 0.95 [0.69] */, fitting_product_top3: 0.94 /* 0.974 [0.74] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.93 /* 0.958 [0.70] */ }],
  // long rambling messages, dialect, follow-ups that change one slot, after-sales with purchases
  // facts spread over turns, references back, bodies described in words, complaints that turn into purchases
  ['dev9.dialogue.jsonl', 120, { answers_newest: 0.89 /* 0.917 [0.57] */, fitting_product_top3: 0.93 /* 0.962 [0.74] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.92 /* 0.95 [0.62] */ }],
  // an ordinary week balanced like real traffic: complaints and policy in ordinary words, gifts for in-laws
  // complaints in plain words (sarcasm, rhetorical questions, calm next steps), follow-ups that change one thing
  ['dev11.dialogue.jsonl', 120, { answers_newest: 0.84 /* 0.878 [0.73] */, fitting_product_top3: 0.86 /* 0.894 [0.77] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.9 /* 0.933 [0.76] */ }],
  ['dev10.dialogue.jsonl', 120, { answers_newest: 0.94 /* 0.978 [0.83] */, fitting_product_top3: 0.96 /* 1 [0.85] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.95 /* 0.983 [0.82] */ }],
  // the newest message answered: named-product questions, two asks, complaints in plain words
  ['dev12.dialogue.jsonl', 120, { answers_newest: 0.92 /* 0.951 [0.76] */, fitting_product_top3: 0.93 /* 0.964 [0.84] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.93 /* 0.958 [0.78] */ }],
  // product requests in loose words across every department, gifts, follow-ups to a list
  ['dev13.dialogue.jsonl', 100, { answers_newest: 0.92 /* 1 [0.62] */, fitting_product_top3: 0.96 /* 0.989 [0.88] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.96 /* 0.99 [0.83] */ }],
  // the newest message decides after turns on another thing; complaints in words nobody lists in advance
  ['dev14.dialogue.jsonl', 120, { answers_newest: 0.95 /* 0.989 [0.75] */, fitting_product_top3: 0.96 /* 1 [1] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.95 /* 0.992 [0.83] */ }],
  // short or indirect follow-ups about the product in view, several asks at once, complaints in few words
  ['dev15.dialogue.jsonl', 120, { answers_newest: 0.87 /* 0.909 [0.72] */, fitting_product_top3: 0.78 /* 0.812 [0.81] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.87 /* 0.908 [0.76] */ }],
  // a fortnight of questions after other turns, complaints in everyday words, small talk and stores by city
  ['dev16.dialogue.jsonl', 120, { answers_newest: 0.78 /* 0.814 [0.66] */, fitting_product_top3: 0.9 /* 0.933 [0.93] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.8 /* 0.833 [0.68] */ }],
  // short follow-ups leaning on earlier turns in every department
  ['dev17.dialogue.jsonl', 120, { answers_newest: 0.91 /* 0.939 [0.745] */, fitting_product_top3: 0.86 /* 0.891 [0.87] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.88 /* 0.908 [0.73] */ }],
  // after-sales with purchases, unmeetable requests and short references back
  ['dev18.dialogue.jsonl', 120, { answers_newest: 0.97 /* 1 [0.76] */, fitting_product_top3: 0.97 /* 1 [0.92] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 1, sendable_top3: 0.94 /* 0.975 [0.81] */ }],
  // complaints in the customer's own words, and the look-alikes that are not complaints
  ['dev19.dialogue.jsonl', 120, { answers_newest: 0.81 /* 0.843 [0.69] */, fitting_product_top3: 0.83 /* 0.862 [0.48] */, complaint_tagged: 1, no_pitch_in_complaint: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.95 /* 0.975 */, sendable_top3: 0.88 /* 0.908 [0.62] */ }],
  // an ordinary month where the reply must answer exactly what the newest message asks
  ['dev20.dialogue.jsonl', 120, { answers_newest: 0.88 /* 0.911 [0.79] */, fitting_product_top3: 0.87 /* 0.898 [0.88] */, complaint_tagged: 1, no_pitch_in_complaint: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 0.992 */, sendable_top3: 0.88 /* 0.908 [0.82] */ }],
  // a month of requests that change a slot later, questions on a shown product, complaints with purchases
  ['dev21.dialogue.jsonl', 120, { answers_newest: 0.92 /* 0.958 [0.89] */, fitting_product_top3: 0.9 /* 0.933 [0.80] */, complaint_tagged: 0.9 /* 0.95 */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.92 /* 0.958 [0.88] */ }],
  // things refused, multi-ask messages and complaints in everyday words
  ['dev22.dialogue.jsonl', 120, { answers_newest: 0.82 /* 0.854 [0.65] */, fitting_product_top3: 0.92 /* 0.96 [0.84] */, complaint_tagged: 0.92 /* 0.96 */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.95 /* 0.975 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.87 /* 0.908 [0.74] */ }],
  // winter: gifts for the holidays, cold-weather skin, trips north
  ['dev23.dialogue.jsonl', 120, { answers_newest: 0.79 /* 0.828 [0.72] */, fitting_product_top3: 0.69 /* 0.727 [0.73] */, complaint_tagged: 0.92 /* 0.955 */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.8 /* 0.833 [0.76] */ }],
  // one slot per message, kinds said by their use, sarcasm
  ['dev24.dialogue.jsonl', 120, { answers_newest: 0.76 /* 0.792 [0.75] */, fitting_product_top3: 0.75 /* 0.788 [0.79] */, complaint_tagged: 0.95 /* 1 */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 1 */, no_wrong_terms: 0.94 /* 0.97 */, sendable_top3: 0.79 /* 0.825 [0.78] */ }],
  // complaints and after-sales in many words, winter requests
  ['dev25.dialogue.jsonl', 120, { answers_newest: 0.83 /* 0.867 [0.73] */, fitting_product_top3: 0.95 /* 1 [1] */, complaint_tagged: 0.95 /* 1 [0.77] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.93 /* 0.975 [0.80] */ }],
  // an ordinary January: requests over turns, multi-ask messages, after-sales terms
  ['dev26.dialogue.jsonl', 120, { answers_newest: 0.92 /* 0.965 [0.84] */, fitting_product_top3: 0.95 /* 1 [0.91] */, complaint_tagged: 0.95 /* 1 [0.88] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.95 /* 0.992 [0.85] */ }],
  // complaints told every way, and the look-alikes that are not complaints
  ['dev27.dialogue.jsonl', 120, { answers_newest: 0.83 /* 0.875 [0.71] */, fitting_product_top3: 0.88 /* 0.933 [0.80] */, complaint_tagged: 0.95 /* 1 [0.83] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.98 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.92 /* 0.967 [0.72] */ }],
  // complaints as customers really put them
  ['dev28.dialogue.jsonl', 100, { answers_newest: 0.82 /* 0.88 [0.54] */, fitting_product_top3: 0.9 /* 1 [0.67] */, complaint_tagged: 0.93 /* 0.971 [0.63] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 0.99 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.93 /* 0.97 [0.61] */ }],
  ['dev29.dialogue.jsonl', 100, { answers_newest: 0.9 /* 0.96 [0.78] */, fitting_product_top3: 0.93 /* 1 [0.96] */, complaint_tagged: 0.9 /* 1 [1] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.94 /* 0.99 [0.85] */ }],
  ['dev30.dialogue.jsonl', 100, { answers_newest: 0.88 /* 0.94 [0.74] */, fitting_product_top3: 0.9 /* 1 [0.82] */, complaint_tagged: 0.95 /* 1 [0.87] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.93 /* 0.98 [0.76] */ }],
  ['dev31.dialogue.jsonl', 100, { answers_newest: 0.83 /* 0.89 [0.72] */, fitting_product_top3: 0.85 /* 0.91 [0.78] */, complaint_tagged: 0.95 /* 1 [0.80] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.9 /* 0.96 [0.79] */ }],
  ['dev32.dialogue.jsonl', 100, { answers_newest: 0.8 /* 0.86 [0.80] */, fitting_product_top3: 0.94 /* 1 [0.94] */, complaint_tagged: 0.95 /* 1 [0.83] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.88 /* 0.92 [0.84] */ }],
  ['dev33.dialogue.jsonl', 100, { answers_newest: 0.82 /* 0.88 [0.82] */, fitting_product_top3: 0.92 /* 0.97 [0.95] */, complaint_tagged: 0.95 /* 1 [0.87] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.95 /* 0.98 */, sendable_top3: 0.9 /* 0.95 [0.86] */ }],
  ['dev34.dialogue.jsonl', 100, { answers_newest: 0.9 /* 0.95 [0.86] */, fitting_product_top3: 0.94 /* 1 [0.96] */, complaint_tagged: 0.95 /* 1 [0.80] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.97 /* 1 */, sendable_top3: 0.92 /* 0.96 [0.87] */ }],
  ['dev35.dialogue.jsonl', 100, { answers_newest: 0.78 /* 0.84 [0.69] */, fitting_product_top3: 0.85 /* 0.89 [0.86] */, complaint_tagged: 0.95 /* 1 [0.93] */, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.97 /* 1 */, no_wrong_terms: 0.94 /* 0.97 */, sendable_top3: 0.85 /* 0.89 [0.80] */ }],
  ['dev8.dialogue.jsonl', 120, { answers_newest: 0.91 /* 0.941 [0.74] */, fitting_product_top3: 0.95 /* 0.981 [0.81] */, complaint_tagged: 1, no_placeholder: 1, no_third_person: 1, no_wrong_situation: 0.99 /* 0.992 */, sendable_top3: 0.88 /* 0.908 [0.72] */ }],
];

let kb: KnowledgeBase;
let corp: CorpTagLibrary;
beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
  corp = await demoCorpTags();
});

describe('offline engine on the dialogue dev set', () => {
  it('keeps every property at or above its floor', async () => {
    const records = await readJsonl(join(ROOT, 'tests/eval/dev.dialogue.jsonl'));
    const result = await runSuggestTask(records, corp, kb);
    const metrics = result.metrics as { engine: string; fallbacks: number; properties: Record<string, number>; counts: Record<string, number> };
    expect(metrics.engine).toBe('offline');
    expect(metrics.fallbacks).toBe(0);
    expect(metrics.counts).toMatchObject({ answers_newest: 245, fitting_product_top3: 129, within_budget: 57, nothing_fits_honest: 12, complaint_tagged: 27, no_product: 54, sendable_top3: 250 });
    const below = Object.entries(FLOORS).filter(([property, floor]) => (metrics.properties[property] ?? 0) < floor);
    expect(below.map(([property, floor]) => `${property} ${metrics.properties[property]} < ${floor}`)).toEqual([]);
    // The engine's own words pass every guardrail: no absolute term, no amount or promise outside policy.
    const flagged = (result.outputs as { drafts: { text: string; flags: { rule: string; text: string }[] }[] }[]).flatMap((o) => o.drafts.filter((d) => d.flags.length > 0).map((d) => `${d.flags.map((f) => `${f.rule}「${f.text}」`).join(',')}: ${d.text}`));
    expect(flagged).toEqual([]);
  });

  it('keeps every property at or above its floor on dev3, and every draft clean of guardrail flags', async () => {
    const records = await readJsonl(join(ROOT, 'tests/eval/dev3.dialogue.jsonl'));
    const result = await runSuggestTask(records, corp, kb);
    const metrics = result.metrics as { properties: Record<string, number>; counts: Record<string, number> };
    expect(metrics.counts).toMatchObject({ answers_newest: 93, fitting_product_top3: 41, complaint_tagged: 18, sendable_top3: 120 });
    const below = Object.entries(DEV3_FLOORS).filter(([property, floor]) => (metrics.properties[property] ?? 0) < floor);
    expect(below.map(([property, floor]) => `${property} ${metrics.properties[property]} < ${floor}`)).toEqual([]);
    const flagged = (result.outputs as { drafts: { text: string; flags: { rule: string }[] }[] }[]).flatMap((o) => o.drafts.filter((d) => d.flags.length > 0).map((d) => d.text));
    expect(flagged).toEqual([]);
  });

  it.each(LATER_SETS)('keeps every property at or above its floor on %s (%i lines), every draft clean of guardrail flags', async (file, lines, floors) => {
    const records = await readJsonl(join(ROOT, 'tests/eval', file));
    expect(records).toHaveLength(lines);
    const result = await runSuggestTask(records, corp, kb);
    const metrics = result.metrics as { properties: Record<string, number> };
    const below = Object.entries(floors).filter(([property, floor]) => (metrics.properties[property] ?? 0) < floor);
    expect(below.map(([property, floor]) => `${property} ${metrics.properties[property]} < ${floor}`)).toEqual([]);
    const flagged = (result.outputs as { drafts: { text: string; flags: { rule: string }[] }[] }[]).flatMap((o) => o.drafts.filter((d) => d.flags.length > 0).map((d) => d.text));
    expect(flagged).toEqual([]);
  });

  it('keeps the suggest output contract: drafts[].text best first, tags as 组/标签, checks per line', async () => {
    const records = await readJsonl(join(ROOT, 'tests/eval/dev.dialogue.jsonl'));
    const result = await runSuggestTask(records.slice(0, 20), corp, kb);
    for (const output of result.outputs as { drafts: { text: string }[]; tags: string[]; checks: Record<string, boolean>; engine: string }[]) {
      for (const draft of output.drafts) expect(draft.text.length).toBeGreaterThan(0);
      for (const tag of output.tags) expect(tag).toMatch(/^[^/]+\/.+$/u);
      expect(typeof output.checks.sendable_top3).toBe('boolean');
      expect(output.engine).toBe('offline');
    }
  });
});
