import { randomBytes } from 'node:crypto';
import type { Router } from '@koa/router';
import { badRequest } from '../errors.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import { signJsApi } from '../wecom/jssdk.ts';
import { requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';

export interface JssdkDeps {
  api: Pick<WecomApi, 'getJsApiTicket' | 'getAgentConfigTicket'>;
  corpId: string;
  agentId: string;
  /** The emulator's `ww` stand-in in demo mode; null means the page uses the bundled @wecom/jssdk. */
  sdkUrl: string | null;
}

/**
 * Signatures for `ww.register`: config (corp jsapi_ticket) and agentConfig (app ticket), both over the page
 * URL without its fragment (doc 90506; errcode 40093 otherwise). Tickets never leave the server.
 */
export function mountJssdkRoutes(router: Router, deps: GuideApiDeps & JssdkDeps): void {
  router.get('/api/jssdk/signatures', requireMember(deps, ['guide', 'manager', 'admin']), async (ctx) => {
    const url = typeof ctx.query.url === 'string' ? ctx.query.url : '';
    if (!/^https?:\/\//.test(url) || url.length > 2048) throw badRequest('bad_url', 'url must be the absolute page URL');
    const timestamp = Math.floor(deps.now() / 1000);
    const [corpTicket, agentTicket] = await Promise.all([deps.api.getJsApiTicket(), deps.api.getAgentConfigTicket()]);
    const nonce = (): string => randomBytes(8).toString('hex');
    ctx.body = {
      corpId: deps.corpId,
      agentId: deps.agentId,
      sdkUrl: deps.sdkUrl,
      config: signJsApi({ ticket: corpTicket, url, nonceStr: nonce(), timestamp }),
      agentConfig: signJsApi({ ticket: agentTicket, url, nonceStr: nonce(), timestamp }),
    };
  });
}
