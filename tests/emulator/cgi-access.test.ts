import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMU_KEYS, EMU_SECRETS, startHarness, type Harness } from '../support/emulator-harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ sidebarUrl: 'http://sidebar.example/sidebar/' });
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.faults.reset();
});

async function cgi(path: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(`${h.emulator.url}/cgi-bin/${path}`, init);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function token(secret: string = EMU_SECRETS.app): Promise<string> {
  const answer = await cgi(`gettoken?corpid=${EMU_KEYS.corpId}&corpsecret=${secret}`);
  return String(answer.access_token);
}

describe('access tokens, checked like WeCom', () => {
  it('gettoken: same token while valid, 7200 s; wrong secret 40001, wrong corp 40013', async () => {
    const first = await cgi(`gettoken?corpid=${EMU_KEYS.corpId}&corpsecret=${EMU_SECRETS.contact}`);
    expect(first).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(await token(EMU_SECRETS.contact)).toBe(first.access_token);
    expect(await cgi(`gettoken?corpid=${EMU_KEYS.corpId}&corpsecret=nope`)).toMatchObject({ errcode: 40001 });
    expect(await cgi(`gettoken?corpid=wwOther&corpsecret=${EMU_SECRETS.app}`)).toMatchObject({ errcode: 40013 });
  });

  it('missing → 41001, unknown → 40014, expired by time → 42001, revoked early → 42001', async () => {
    expect(await cgi('externalcontact/list?userid=guide.lin')).toMatchObject({ errcode: 41001 });
    expect(await cgi('externalcontact/list?userid=guide.lin&access_token=forged')).toMatchObject({ errcode: 40014 });
    h.emulator.faults.tokenExpiresIn = 60;
    h.emulator.faults.expireTokens();
    const short = await token();
    expect(await cgi(`externalcontact/list?userid=guide.lin&access_token=${short}`)).toMatchObject({ errcode: 0 });
    h.clock.advance(61_000);
    expect(await cgi(`externalcontact/list?userid=guide.lin&access_token=${short}`)).toMatchObject({ errcode: 42001 });
    const fresh = await token();
    expect(fresh).not.toBe(short);
    h.emulator.faults.expireTokens();
    expect(await cgi(`externalcontact/list?userid=guide.lin&access_token=${fresh}`)).toMatchObject({ errcode: 42001 });
  });

  it('errors carry errmsg text but are identified by errcode; bad JSON is 47001', async () => {
    const t = await token();
    const answer = await cgi(`externalcontact/get?external_userid=wmNobody&access_token=${t}`);
    expect(answer.errcode).toBe(40096);
    expect(String(answer.errmsg)).toContain('e=40096');
    expect(await cgi(`externalcontact/mark_tag?access_token=${t}`, { method: 'POST', body: '{not json' })).toMatchObject({ errcode: 47001 });
  });

  it('counts calls per path, faulted ones included', async () => {
    const t = await token();
    const before = h.calls('externalcontact/get_corp_tag_list');
    h.emulator.faults.failNext(45009, 1);
    expect(await cgi(`externalcontact/get_corp_tag_list?access_token=${t}`, { method: 'POST', body: '{}' })).toMatchObject({ errcode: 45009 });
    expect(await cgi(`externalcontact/get_corp_tag_list?access_token=${t}`, { method: 'POST', body: '{}' })).toMatchObject({ errcode: 0 });
    expect(h.calls('externalcontact/get_corp_tag_list') - before).toBe(2);
  });
});

describe('OAuth', () => {
  it('authorize redirects back with a single-use code for the chosen member', async () => {
    const redirect = encodeURIComponent('http://sidebar.example/auth/callback?next=%2Fsidebar');
    const response = await fetch(
      `${h.emulator.url}/connect/oauth2/authorize?appid=${EMU_KEYS.corpId}&redirect_uri=${redirect}&response_type=code&scope=snsapi_base&state=s123&agentid=${EMU_KEYS.agentId}&emulator_user=guide.chen`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('http://sidebar.example/auth/callback');
    expect(location.searchParams.get('state')).toBe('s123');
    expect(location.searchParams.get('next')).toBe('/sidebar');
    const code = location.searchParams.get('code') ?? '';
    expect(await h.client().getUserInfo(code)).toEqual({ userId: 'guide.chen' });
    await expect(h.client().getUserInfo(code)).rejects.toMatchObject({ errcode: 40029 });
  });

  it('hands codes only to the app’s trusted domain (the service), like WeCom’s 可信域名', async () => {
    for (const redirect of ['https://evil.example/auth/callback', 'http://sidebar.example.evil.example/cb', 'http://sidebar.example:8080/cb', 'javascript:alert(1)']) {
      const url = `${h.emulator.url}/connect/oauth2/authorize?appid=${EMU_KEYS.corpId}&redirect_uri=${encodeURIComponent(redirect)}&state=x&emulator_user=guide.chen`;
      const refused = await fetch(url, { redirect: 'manual' });
      expect(refused.status, redirect).toBe(400);
      expect(refused.headers.get('location')).toBeNull();
    }
  });

  it('the demo page’s sign-in-as link only ever leads back to the service', async () => {
    for (const next of ['https://evil.example/', '//evil.example/', 'http://sidebar.example.evil.example/auth/login']) {
      const res = await fetch(`${h.emulator.url}/__emulator/sign-in-as?user=guide.chen&next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      expect(res.status, next).toBe(400);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const ok = await fetch(`${h.emulator.url}/__emulator/sign-in-as?user=guide.chen&next=${encodeURIComponent('http://sidebar.example/auth/login?next=%2Freview%2F')}`, { redirect: 'manual' });
    expect(ok.status).toBe(302);
  });

  it('without emulator_user the demo page’s current guide signs in; a wrong appid is refused', async () => {
    await fetch(`${h.emulator.url}/__emulator/current`, { method: 'POST', body: JSON.stringify({ guide: 'guide.wang', customer: 'wmFixtureC004' }) });
    const redirect = encodeURIComponent('http://sidebar.example/cb');
    const ok = await fetch(`${h.emulator.url}/connect/oauth2/authorize?appid=${EMU_KEYS.corpId}&redirect_uri=${redirect}&state=x`, { redirect: 'manual' });
    const code = new URL(ok.headers.get('location') ?? '').searchParams.get('code') ?? '';
    expect(await h.client().getUserInfo(code)).toEqual({ userId: 'guide.wang' });
    const wrong = await fetch(`${h.emulator.url}/connect/oauth2/authorize?appid=wwOther&redirect_uri=${redirect}`, { redirect: 'manual' });
    expect(wrong.status).toBe(400);
  });
});
