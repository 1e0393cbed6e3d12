import type { KeyValueStore } from './feedback-ledger.ts';

/** The customer named in the page URL (`?customer=`: the demo and desktop testing); else the SDK decides. */
export function customerFromQuery(search: string): string | null {
  const value = new URLSearchParams(search).get('customer')?.trim();
  return value ? value : null;
}

/** The customer group named in the page URL (`?chat=`: the demo and desktop testing). */
export function groupFromQuery(search: string): string | null {
  const value = new URLSearchParams(search).get('chat')?.trim();
  return value ? value : null;
}

/** The page address without the fragment: what JS-SDK signatures are computed over (wecom-platform §5.3). */
export function signableUrl(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/** Where a signed-out page goes: the OAuth start, coming back to exactly this page. */
export function loginUrl(pathname: string, search: string): string {
  return `/auth/login?next=${encodeURIComponent(pathname + search)}`;
}

const LOGIN_KEY = 'ga-sidebar-login-at';
const LOGIN_RETRY_MS = 60_000;

/**
 * A failed sign-in would otherwise bounce between the page and OAuth forever: redirect at most once a
 * minute (per reason: `key`) and show an error the second time.
 */
export function shouldRedirectToLogin(store: KeyValueStore | undefined, now: number, key = LOGIN_KEY): boolean {
  const last = Number(store?.getItem(key) ?? 0);
  if (Number.isFinite(last) && now - last < LOGIN_RETRY_MS) return false;
  try {
    store?.setItem(key, String(now));
  } catch {
    // storage unavailable: the redirect still happens
  }
  return true;
}

/**
 * The demo page names the guide whose chat it shows (`?guide=`); when the session belongs to another guide
 * the page must sign in again (the emulator's OAuth answers with the demo's current guide). WeCom itself
 * never adds this parameter, so production pages are unaffected.
 */
export function guideToSwitchTo(search: string, signedInAs: string): string | null {
  const wanted = new URLSearchParams(search).get('guide')?.trim();
  return wanted && wanted !== signedInAs ? wanted : null;
}

/** What the sidebar shows: the chat's customer (or the picker), the guide's tasks, or the copy writer. */
export type PageView = 'chat' | 'tasks' | 'write';

/** `?view=tasks` is where the lifecycle digest links (src/compose/lifecycle.ts); anything else is the chat view. */
export function viewFromQuery(search: string): PageView {
  const view = new URLSearchParams(search).get('view');
  return view === 'tasks' || view === 'write' ? view : 'chat';
}

/** The query with some parameters set (a string) or removed (null), the rest kept in order: `?a=1&b=2` or ''. */
export function searchWith(search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
