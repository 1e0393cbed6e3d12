/**
 * Links and contact handles a draft must not carry: URLs (with or without a scheme), e-mail addresses,
 * WeChat ids (wxid_…, 微信号 abc123), QQ numbers, and 「加我微信」 asks that move a customer off WeCom.
 * A model told "the customer wants to pay" can write `http://evil.example/pay`; a careless guide can paste
 * a personal 微信号. Hosts and handles on the configured allow-list (the brand's own site) stay clean.
 * Matching runs on the digit-normalised copy, so full-width and zero-width-split forms are caught too.
 */
import type { Severity } from '../knowledge/schemas.ts';
import { normalizeDigits } from '../normalize-digits.ts';
import type { Flag } from '../suggestion-schema.ts';
import { makeFlag } from './flag.ts';

const TLD = 'com|cn|net|org|cc|top|xyz|shop|vip|io|me|info|site|online|store|club|link|ltd|co|app|tv|biz|work|ink|pro|wang|tech|fun|live';
const WECHAT = '微信|威信|薇信|v信|vx|wx|weixin|wechat';
const STOP = String.raw`\s，。！？、；：“”"'()（）<>《》【】\[\]`;
const CONTACTS: RegExp[] = [
  new RegExp(String.raw`(?:https?://|www\.)[^${STOP}]+`, 'giu'),
  new RegExp(String.raw`[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`, 'giu'),
  new RegExp(String.raw`(?<![a-z0-9@._-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]{1,63})*\.(?:${TLD})(?![a-z0-9-])(?:/[^${STOP}]*)?`, 'giu'),
  /wxid_[a-z0-9_-]{3,}/giu,
  // A WeChat id after 微信号 / a colon, or one with a digit or underscore (a nickname like 微信c-gift is not one).
  new RegExp(String.raw`(?:${WECHAT})\s*(?:号|id)\s*[:：是为]?\s*[a-z][a-z0-9_-]{5,19}`, 'giu'),
  new RegExp(String.raw`(?:${WECHAT})\s*[:：是为]\s*[a-z][a-z0-9_-]{5,19}`, 'giu'),
  new RegExp(String.raw`(?:${WECHAT})\s*[a-z](?=[a-z0-9-]*[\d_])[a-z0-9_-]{5,19}`, 'giu'),
  /(?:qq|扣扣|企鹅)\s*(?:号)?\s*[:：是为]?\s*[1-9]\d{4,10}/giu,
  /(?:加|添加|\+)\s*(?:一下)?\s*我(?:的)?(?:个人|私人)?\s*(?:微信|威信|薇信|v信|vx|wx|qq|扣扣)/giu,
];

const hostOf = (hit: string): string =>
  hit
    .toLowerCase()
    .replace(/^https?:\/\//u, '')
    .replace(/^www\./u, '')
    .split(/[/?#:]/u)[0] ?? '';

function allowed(hit: string, allow: readonly string[]): boolean {
  const lower = hit.toLowerCase();
  const host = hostOf(hit);
  return allow.some((entry) => {
    const a = entry.toLowerCase();
    return lower === a || host === a || host.endsWith(`.${a}`);
  });
}

export function checkContacts(text: string, allow: readonly string[], reason: string, severity: Severity): Flag[] {
  const { normalized, origin } = normalizeDigits(text);
  const flags: Flag[] = [];
  for (const re of CONTACTS) {
    re.lastIndex = 0;
    for (const match of normalized.matchAll(re)) {
      const hit = match[0].replace(/[.,]+$/u, '');
      if (hit.length === 0 || allowed(hit, allow)) continue;
      const start = origin[match.index] ?? 0;
      const end = (origin[match.index + hit.length - 1] ?? start) + 1;
      if (flags.some((f) => start < f.span[1] && f.span[0] < end)) continue;
      flags.push(makeFlag('contact', text, { start, end }, reason, severity));
    }
  }
  return flags.sort((a, b) => a.span[0] - b.span[0]);
}
