import type { Period } from './api-types.ts';

/** Where the console's links and API queries point; pure so the tests can pin them down. */

export type TabId = 'approvals' | 'sent' | 'figures' | 'audit';
export const TAB_IDS: readonly TabId[] = ['approvals', 'sent', 'figures', 'audit'];

/** `?store=` only when one store is chosen; the server then answers for every store the member may see. */
function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function figuresUrl(period: Period, store?: string): string {
  return `/api/review/figures${query({ period, store })}`;
}

/** The CSV export (one row per guide, UTF-8 with BOM for Excel) for what the figures tab shows. */
export function figuresCsvUrl(period: Period, store?: string): string {
  return `/api/review/figures.csv${query({ period, store })}`;
}

export function approvalsUrl(state: 'pending' | 'decided', store?: string): string {
  return `/api/review/approvals${query({ state, store })}`;
}

export function sentUrl(status: 'open' | 'all', store?: string): string {
  return `/api/review/sent${query({ store, status })}`;
}

/** Sign-in that comes back to the same page and item: only a same-site path goes into `next`. */
export function loginUrl(pathAndQuery: string): string {
  const next = /^\/(?![/\\])/.test(pathAndQuery) ? pathAndQuery : '/review/';
  return `/auth/login?next=${encodeURIComponent(next)}`;
}

export interface PageLocation {
  tab: TabId;
  /** An approval to open (the WeCom textcard links to `/review/?item=<id>`). */
  item?: string;
}

export function readPageLocation(search: string): PageLocation {
  const params = new URLSearchParams(search);
  const item = params.get('item')?.trim();
  if (item) return { tab: 'approvals', item };
  const tab = params.get('tab');
  return { tab: TAB_IDS.includes(tab as TabId) ? (tab as TabId) : 'approvals' };
}

/** The query string for a location; the approval queue is the default and needs none. */
export function pageSearch(location: PageLocation): string {
  if (location.item) return query({ item: location.item });
  return location.tab === 'approvals' ? '' : query({ tab: location.tab });
}
