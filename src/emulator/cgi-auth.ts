import { CgiError, type CgiDeps, type CgiRoute } from './cgi.ts';

/** gettoken (doc 91039), the two JS-SDK tickets (doc 90506) and OAuth's getuserinfo (doc 91023). */
export function authRoutes(deps: CgiDeps, secrets: Record<string, string>): CgiRoute[] {
  const { state, access } = deps;
  return [
    {
      method: 'GET',
      path: 'gettoken',
      noToken: true,
      handler: ({ query }) => {
        if (query.get('corpid') !== state.corp.id) throw new CgiError(40013);
        const secretName = Object.entries(secrets).find(([, secret]) => secret === query.get('corpsecret'))?.[0];
        if (secretName === undefined) throw new CgiError(40001);
        const { token, expiresIn } = access.issueToken(secretName);
        return { access_token: token, expires_in: expiresIn };
      },
    },
    {
      method: 'GET',
      path: 'get_jsapi_ticket',
      handler: () => {
        const { ticket, expiresIn } = access.issueTicket('jsapi');
        return { ticket, expires_in: expiresIn };
      },
    },
    {
      method: 'GET',
      path: 'ticket/get',
      handler: ({ query }) => {
        if (query.get('type') !== 'agent_config') throw new CgiError(40058, 'invalid type');
        const { ticket, expiresIn } = access.issueTicket('agent_config');
        return { ticket, expires_in: expiresIn };
      },
    },
    {
      method: 'GET',
      path: 'auth/getuserinfo',
      handler: ({ query }) => {
        const who = access.redeemOauthCode(query.get('code') ?? '');
        if (!who) throw new CgiError(40029);
        if ('userid' in who) return { userid: who.userid, user_ticket: '' };
        return { openid: who.openid };
      },
    },
  ];
}
