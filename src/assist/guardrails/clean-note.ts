/**
 * The summary and next action reach the guide's screen as the engine wrote them, and a guide copies from
 * what they read. So they get the draft checks too: personal numbers are masked, links and contact handles
 * are cut out, and a note that still tells the guide to promise a refund or an effect is dropped whole.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { maskPii } from '../pii.ts';
import { checkContacts } from './check-contacts.ts';
import { checkPromises } from './check-patterns.ts';
import { guardrailsFor } from './compile-guardrails.ts';

const CUT = '〔链接已隐藏〕';

export function cleanNote(kb: KnowledgeBase, note: string): string {
  const g = guardrailsFor(kb);
  let text = maskPii(note);
  const contacts = checkContacts(text, g.config.contacts.allow, g.config.contacts.reason, g.config.contacts.severity);
  for (const flag of contacts.toReversed()) text = `${text.slice(0, flag.span[0])}${CUT}${text.slice(flag.span[1])}`;
  if (checkPromises(text, g.promisePatterns, g.policy, g.config.promises.reason, g.config.promises.severity).length > 0) return '';
  return text;
}
