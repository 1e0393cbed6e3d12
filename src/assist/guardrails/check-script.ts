/**
 * The guardrails on a reply a manager promotes into the script library, before it is stored. It is a guide's
 * words, not policy text, so nothing is exempt; only the placeholders a draft fills from the catalog and the
 * directory ({product_name}, {price}, …) are let through, since every draft made from it is checked again
 * once they are filled. A block-level flag refuses the script (whatever the store's approval threshold):
 * a library line that could only ever be sent after approval is not a library line.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Flag } from '../suggestion-schema.ts';
import { checkDraft } from './check-draft.ts';
import { UNFILLED_PLACEHOLDER } from './check-slots.ts';

/** The placeholders library drafts fill (src/assist/offline/fill-template.ts). */
const FILLED = /^\{(?:customer_name|guide_name|product_name|price|store_name)\}$/u;

export interface ScriptCheck {
  flags: Flag[];
  refused: boolean;
}

export function checkScript(kb: KnowledgeBase, text: string): ScriptCheck {
  const flags = checkDraft(kb, text).flags.filter((flag) => !(flag.rule === UNFILLED_PLACEHOLDER && FILLED.test(flag.text)));
  return { flags, refused: flags.some((flag) => flag.severity === 'block') };
}
