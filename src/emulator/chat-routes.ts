import { signJsApi } from '../wecom/jssdk.ts';
import type { Access } from './access.ts';
import type { ChatService } from './chat-service.ts';
import type { EmulatorState } from './emulator-state.ts';
import { isTrustedUrl } from './trusted-origins.ts';
import { HttpError, optionalString, readJsonObject, requireString, sendJson, sendText, type Router } from './http-kit.ts';

/** The demo chat, the page's current selection, OAuth and the JS-SDK signature check used by ww.js. */

export interface ChatRouteDeps {
  state: EmulatorState;
  access: Access;
  chat: ChatService;
  /** The service's origins: the only places codes and sign-in links may lead. */
  trusted: () => ReadonlySet<string>;
}

function pickGuide(state: EmulatorState, asked: string | null): string {
  const guide = asked || state.current.guide || [...state.members.values()].find((m) => m.role === 'guide')?.userid;
  if (!guide || !state.members.has(guide)) throw new HttpError(400, `unknown member ${guide ?? ''}`);
  return guide;
}

export function registerChatRoutes(router: Router, { state, access, chat, trusted }: ChatRouteDeps): void {
  router.on('GET', '/__emulator/chat', async (_req, res, url) => {
    const guide = url.searchParams.get('guide') ?? '';
    const customer = url.searchParams.get('customer') ?? '';
    sendJson(res, 200, { messages: chat.list(guide, customer, Number(url.searchParams.get('after') ?? 0)) });
  });

  // A customer line goes the real way: stored for kf/sync_msg, then a signed kf_msg_or_event callback.
  router.on('POST', '/__emulator/chat', async (req, res, url) => {
    const body = await readJsonObject(req);
    const from = requireString(body, 'from');
    if (from !== 'customer' && from !== 'guide') throw new HttpError(400, 'from must be customer or guide');
    const text = optionalString(body, 'text');
    const msgtype = optionalString(body, 'msgtype');
    const { line, delivery } = chat.post({
      guide: requireString(body, 'guide'),
      customer: requireString(body, 'customer'),
      from,
      ...(text === undefined ? {} : { text }),
      ...(msgtype === undefined ? {} : { msgtype }),
    });
    if (url.searchParams.get('wait') === '1') return sendJson(res, 200, { message: line, delivery: await delivery });
    delivery.catch(() => undefined);
    sendJson(res, 200, { message: line });
  });

  router.on('GET', '/__emulator/chat/stream', async (req, res, url) => {
    const guide = url.searchParams.get('guide') ?? '';
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = chat.subscribe(guide, (event) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });

  router.on('GET', '/__emulator/current', async (_req, res) => sendJson(res, 200, state.current));
  router.on('POST', '/__emulator/current', async (req, res) => {
    const body = await readJsonObject(req);
    const guide = optionalString(body, 'guide');
    const customer = optionalString(body, 'customer');
    const group = optionalString(body, 'chat');
    state.current = { ...(guide ? { guide } : {}), ...(customer ? { customer } : {}), ...(group ? { chat: group } : {}) };
    sendJson(res, 200, state.current);
  });

  router.on('POST', '/__emulator/oauth/code', async (req, res) => {
    const body = await readJsonObject(req);
    const openid = optionalString(body, 'openid');
    const code = openid ? access.issueOauthCode({ openid }) : access.issueOauthCode({ userid: pickGuide(state, optionalString(body, 'userid') ?? null) });
    sendJson(res, 200, { code });
  });

  // The demo page's "店长审核台" link: remember who should sign in next (one sign-in only, so the sidebar
  // keeps signing in as the current guide), then start the service's own sign-in.
  router.on('GET', '/__emulator/sign-in-as', async (_req, res, url) => {
    const user = url.searchParams.get('user') ?? '';
    const next = url.searchParams.get('next') ?? '';
    if (!state.members.has(user) || !isTrustedUrl(next, trusted())) return sendText(res, 400, 'user 或 next 无效（next 须指向本服务）', 'text/plain; charset=utf-8');
    res.writeHead(302, { location: next, 'set-cookie': `emulator_user=${encodeURIComponent(user)}; Path=/connect; Max-Age=120; SameSite=Lax` });
    res.end();
  });

  // open.weixin.qq.com/connect/oauth2/authorize (doc 91022): the member is the demo page's current guide
  // unless `emulator_user` (query, or the one-shot cookie above) names another.
  router.on('GET', '/connect/oauth2/authorize', async (req, res, url) => {
    const q = url.searchParams;
    const once = /(?:^|;\s*)emulator_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (once && !q.get('emulator_user')) q.set('emulator_user', decodeURIComponent(once));
    if (q.get('appid') !== state.corp.id) return sendText(res, 400, '应用 appid 与企业 CorpID 不一致', 'text/plain; charset=utf-8');
    const redirect = q.get('redirect_uri');
    // WeCom: "redirect_uri需使用应用可信域名"; a code handed anywhere else would sign that site in as the member.
    if (!redirect || !isTrustedUrl(redirect, trusted())) return sendText(res, 400, 'redirect_uri 需使用应用可信域名', 'text/plain; charset=utf-8');
    const target = new URL(redirect);
    target.searchParams.set('code', access.issueOauthCode({ userid: pickGuide(state, q.get('emulator_user')) }));
    target.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { location: target.toString(), ...(once ? { 'set-cookie': 'emulator_user=; Path=/connect; Max-Age=0' } : {}) });
    res.end();
  });

  // What WeCom does inside wx.agentConfig / wx.config: check the page's signature against live tickets.
  router.on('POST', '/__emulator/jssdk/verify', async (req, res) => {
    const body = await readJsonObject(req);
    const kind = optionalString(body, 'kind') === 'jsapi' ? 'jsapi' : 'agent_config';
    const url = requireString(body, 'url');
    const nonceStr = requireString(body, 'nonceStr');
    const timestamp = Number(body.timestamp);
    const signature = requireString(body, 'signature');
    const ok = access.validTickets(kind).some((ticket) => signJsApi({ ticket, url, nonceStr, timestamp }).signature === signature);
    sendJson(res, 200, ok ? { ok } : { ok, reason: 'signature does not match any live ticket (wrong ticket, URL with #, or ms timestamp)' });
  });
}
