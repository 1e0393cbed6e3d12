import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccess, type OauthIdentity } from './access.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import { createArchiveLog, type EmulatorArchive } from './archive-log.ts';
import { registerArchiveRoutes } from './archive-routes.ts';
import { createCallbackSender, type Delivery } from './callback-sender.ts';
import { serveCgi, type CgiDeps, type CgiRoute } from './cgi.ts';
import { authRoutes } from './cgi-auth.ts';
import { contactRoutes } from './cgi-contact.ts';
import { groupRoutes } from './cgi-groups.ts';
import { kfRoutes } from './cgi-kf.ts';
import { createArchiveConsent, msgauditRoutes, type ArchiveConsent } from './cgi-msgaudit.ts';
import { messageRoutes } from './cgi-message.ts';
import { tagRoutes } from './cgi-tags.ts';
import { registerChatRoutes } from './chat-routes.ts';
import { createChatService, type ChatInput, type ChatLine, type GroupLine } from './chat-service.ts';
import { createContactActions, type ContactActions } from './contact-actions.ts';
import { createState, type EmulatorState } from './emulator-state.ts';
import { createFaults, type Faults } from './faults.ts';
import { createGroupActions, type GroupActions } from './group-actions.ts';
import { createGroupChats, type GroupLineInput } from './group-chats.ts';
import { registerGroupRoutes } from './group-routes.ts';
import { HttpError, allowOrigin, createRouter, sendJson } from './http-kit.ts';
import { loadSeed } from './load-seed.ts';
import { registerStaticRoutes } from './static-routes.ts';
import { trustedOrigins } from './trusted-origins.ts';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Directory holding stores.yaml and tags.yaml (config/demo in demo mode). */
  seedDir: string;
  /** Our callback URL; can also be set later with setWebhookUrl (the service may start after us). */
  webhookUrl?: string;
  /** The app's 接收消息 settings plus its ids: callbacks are signed and encrypted with these. */
  keys: { token: string; encodingAesKey: string; corpId: string; agentId: string | number };
  /** corpsecret per secret name, e.g. `{ app: '…', contact: '…', kf: '…' }`; gettoken accepts these only. */
  secrets: Record<string, string>;
  now?: () => number;
  /** The guide sidebar shown beside the chat on the demo page. */
  sidebarUrl?: string;
  /** Pause before WeCom-style re-sends of a failed callback. Default 1000 ms. */
  callbackRetryDelayMs?: number;
  /** Serve the chat-archive sidecar contract at /__emulator/archive (bearer token as given). Off by default. */
  archive?: { token: string };
}

export interface EmulatorActions extends ContactActions, GroupActions {
  /** A line said in a customer group (an archive record and a msgaudit_notify when the archive is on); resolves after the callback. */
  groupSay(input: GroupLineInput): Promise<{ line: GroupLine; delivery: Delivery | null }>;
  /** A chat line (customer or guide) through the real path; resolves after the kf callback was delivered. */
  say(input: ChatInput): Promise<{ line: ChatLine; delivery: Delivery }>;
  issueOauthCode(who: OauthIdentity): string;
  verifyUrl(): Promise<{ ok: boolean; httpStatus?: number; echoed?: string }>;
}

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`; the API base for our client is `${url}/cgi-bin`. */
  url: string;
  state: EmulatorState;
  faults: Faults;
  actions: EmulatorActions;
  /** The 会话内容存档 stand-in, when options.archive was given. */
  archive: EmulatorArchive | undefined;
  /** Customers' archive consent as msgaudit/check_*_agree answer it (everyone agreed by default). */
  consent: ArchiveConsent;
  setWebhookUrl(url: string): void;
  setSidebarUrl(url: string): void;
  close(): Promise<void>;
}

/** A WeCom stand-in on a real HTTP server, seeded from the demo tenant files. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const agentId = String(options.keys.agentId);
  const state = createState(loadSeed(options.seedDir), options.keys.corpId, agentId, now());
  const faults = createFaults();
  const access = createAccess(now, faults);
  let webhookUrl = options.webhookUrl;
  const settings = { sidebarUrl: options.sidebarUrl };
  const sender = createCallbackSender({
    webhookUrl: () => webhookUrl,
    keys: { token: options.keys.token, encodingAesKey: options.keys.encodingAesKey, corpId: options.keys.corpId },
    agentId,
    state,
    now,
    retryDelayMs: options.callbackRetryDelayMs ?? 1000,
  });
  const chat = createChatService(state, access, sender, now);
  const contactActions = createContactActions(state, access, chat, sender, now);
  const archive = options.archive ? createArchiveLog(state, sender, now, options.archive.token) : undefined;
  const groupChats = createGroupChats(state, chat, archive, now);
  const groupActions = createGroupActions(state, sender, groupChats, now);
  const deps: CgiDeps = { state, faults, access };
  const consent = createArchiveConsent();
  const cgi = new Map<string, CgiRoute>(
    [
      ...authRoutes(deps, options.secrets),
      ...contactRoutes(deps),
      ...groupRoutes(deps),
      ...tagRoutes(deps, now),
      ...messageRoutes(deps, chat, now),
      ...kfRoutes(deps, now),
      ...msgauditRoutes(state, consent),
    ].map(
      (route) => [`${route.method} /cgi-bin/${route.path}`, route],
    ),
  );
  const router = createRouter();
  registerAdminRoutes(router, {
    state,
    faults,
    actions: contactActions,
    sender,
    get sidebarUrl() {
      return settings.sidebarUrl;
    },
  });
  const trusted = (): Set<string> => trustedOrigins([settings.sidebarUrl, webhookUrl]);
  registerChatRoutes(router, { state, access, chat, trusted });
  registerGroupRoutes(router, { state, chats: groupChats, actions: groupActions });
  registerStaticRoutes(router);
  if (archive) registerArchiveRoutes(router, archive);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = req.method ?? 'GET';
    try {
      if (url.pathname.startsWith('/__emulator/')) {
        allowOrigin(req, res, trusted());
        if (method === 'OPTIONS') return void res.writeHead(204).end();
      }
      const route = cgi.get(`${method} ${url.pathname}`);
      if (route) return await serveCgi(deps, route, req, res, url);
      const handler = router.find(method, url.pathname);
      if (!handler) throw new HttpError(404, `no route ${method} ${url.pathname}`);
      await handler(req, res, url);
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      sendJson(res, 500, { error: `emulator failure: ${(error as Error).message}` });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    state,
    faults,
    actions: {
      ...contactActions,
      ...groupActions,
      async groupSay(input) {
        const { line, delivery } = groupChats.post(input);
        return { line, delivery: delivery ? await delivery : null };
      },
      async say(input) {
        const { line, delivery } = chat.post(input);
        return { line, delivery: await delivery };
      },
      issueOauthCode: (who) => access.issueOauthCode(who),
      verifyUrl: () => sender.verifyUrl(),
    },
    archive,
    consent,
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    setSidebarUrl(url) {
      settings.sidebarUrl = url;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
