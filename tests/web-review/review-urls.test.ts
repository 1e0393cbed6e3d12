import { describe, expect, it } from 'vitest';
import { approvalsUrl, figuresCsvUrl, figuresUrl, loginUrl, pageSearch, readPageLocation, sentUrl } from '../../web/review/src/review-urls.ts';

describe('API and export links', () => {
  it('builds the CSV export link for what the figures tab shows', () => {
    expect(figuresCsvUrl('week')).toBe('/api/review/figures.csv?period=week');
    expect(figuresCsvUrl('day', 'sh-jingan')).toBe('/api/review/figures.csv?period=day&store=sh-jingan');
    expect(figuresCsvUrl('day', 'a&b=c')).toBe('/api/review/figures.csv?period=day&store=a%26b%3Dc');
    expect(figuresUrl('week', 'hz-hubin')).toBe('/api/review/figures?period=week&store=hz-hubin');
  });

  it('asks for all visible stores by leaving the store out', () => {
    expect(approvalsUrl('pending')).toBe('/api/review/approvals?state=pending');
    expect(approvalsUrl('decided', 'sh-jingan')).toBe('/api/review/approvals?state=decided&store=sh-jingan');
    expect(sentUrl('open', '')).toBe('/api/review/sent?status=open');
  });
});

describe('sign-in and deep links', () => {
  it('signs in and comes back to the same item, never to another site', () => {
    expect(loginUrl('/review/?item=s1.d1')).toBe('/auth/login?next=%2Freview%2F%3Fitem%3Ds1.d1');
    expect(loginUrl('//evil.example/x')).toBe('/auth/login?next=%2Freview%2F');
    expect(loginUrl('https://evil.example/')).toBe('/auth/login?next=%2Freview%2F');
  });

  it('opens the item a WeCom textcard links to, else the tab in the address', () => {
    expect(readPageLocation('?item=abc.d2')).toEqual({ tab: 'approvals', item: 'abc.d2' });
    expect(readPageLocation('?item=abc.d2&tab=audit')).toEqual({ tab: 'approvals', item: 'abc.d2' });
    expect(readPageLocation('?tab=figures')).toEqual({ tab: 'figures' });
    expect(readPageLocation('?tab=nope')).toEqual({ tab: 'approvals' });
    expect(readPageLocation('')).toEqual({ tab: 'approvals' });
  });

  it('writes the address back so a reload lands in the same place', () => {
    for (const search of ['?tab=sent', '?tab=audit', '?item=x.d1', '']) expect(pageSearch(readPageLocation(search))).toBe(search);
  });
});
