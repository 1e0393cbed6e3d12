import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../web/sidebar/src/feedback-ledger.ts';
import { customerFromQuery, guideToSwitchTo, loginUrl, searchWith, shouldRedirectToLogin, signableUrl, viewFromQuery } from '../../web/sidebar/src/page-context.ts';

describe('page context', () => {
  it('takes the customer from ?customer= when present', () => {
    expect(customerFromQuery('?guide=guide.lin&customer=wmLT0001')).toBe('wmLT0001');
    expect(customerFromQuery('?customer=%20')).toBeNull();
    expect(customerFromQuery('')).toBeNull();
  });

  it('signs the URL without its fragment (JS-SDK signature rule)', () => {
    expect(signableUrl('https://ga.example.com/sidebar/?customer=wm1#/drafts')).toBe('https://ga.example.com/sidebar/?customer=wm1');
    expect(signableUrl('https://ga.example.com/sidebar/')).toBe('https://ga.example.com/sidebar/');
  });

  it('sends a signed-out page to OAuth, coming back to the same path and query', () => {
    expect(loginUrl('/sidebar/', '?customer=wmLT0001')).toBe('/auth/login?next=%2Fsidebar%2F%3Fcustomer%3DwmLT0001');
  });

  it('redirects to sign-in at most once a minute so a failing sign-in does not loop', () => {
    const data = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
    const t0 = 1_700_000_000_000;
    expect(shouldRedirectToLogin(store, t0)).toBe(true);
    expect(shouldRedirectToLogin(store, t0 + 5_000)).toBe(false);
    expect(shouldRedirectToLogin(store, t0 + 61_000)).toBe(true);
    expect(shouldRedirectToLogin(undefined, t0)).toBe(true);
    // Another reason has its own allowance.
    expect(shouldRedirectToLogin(store, t0 + 62_000, 'ga-sidebar-switch:guide.chen')).toBe(true);
    expect(shouldRedirectToLogin(store, t0 + 63_000, 'ga-sidebar-switch:guide.chen')).toBe(false);
  });

  it('asks for a new sign-in only when the demo names a different guide', () => {
    expect(guideToSwitchTo('?guide=guide.chen&customer=wmLT0003', 'guide.lin')).toBe('guide.chen');
    expect(guideToSwitchTo('?guide=guide.lin&customer=wmLT0002', 'guide.lin')).toBeNull();
    expect(guideToSwitchTo('?customer=wmLT0002', 'guide.lin')).toBeNull();
  });

  it('reads the view from ?view= (the digest links to ?view=tasks); anything else is the chat', () => {
    expect(viewFromQuery('?view=tasks')).toBe('tasks');
    expect(viewFromQuery('?customer=wmLT0002&view=write')).toBe('write');
    expect(viewFromQuery('?view=admin')).toBe('chat');
    expect(viewFromQuery('')).toBe('chat');
  });

  it('sets and removes query parameters, keeping the others', () => {
    expect(searchWith('?guide=guide.lin&customer=wmLT0002', { view: 'tasks' })).toBe('?guide=guide.lin&customer=wmLT0002&view=tasks');
    expect(searchWith('?customer=wmLT0002&view=tasks', { view: null })).toBe('?customer=wmLT0002');
    expect(searchWith('?view=tasks', { view: null })).toBe('');
    expect(searchWith('', { customer: 'wm 1' })).toBe('?customer=wm+1');
  });
});
