import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { mountAuthRoutes } from '../http/auth-routes.ts';
import { mountCallbackRoutes } from '../http/callback-routes.ts';
import { createApp, type Mount } from '../http/create-app.ts';
import { mountGuideCustomerRoutes } from '../http/guide-customer-routes.ts';
import { mountGuideGroupRoutes } from '../http/guide-group-routes.ts';
import type { GuideApiDeps } from '../http/guide-deps.ts';
import { mountGuideKnowledgeRoutes } from '../http/guide-knowledge-routes.ts';
import { mountGuideSendRoutes } from '../http/guide-send-routes.ts';
import { mountGuideSuggestionRoutes } from '../http/guide-suggestion-routes.ts';
import { mountGuideTagRoutes } from '../http/guide-tag-routes.ts';
import { mountJssdkRoutes } from '../http/jssdk-routes.ts';
import { LiveHub } from '../http/live-hub.ts';
import { mountLiveRoute } from '../http/live-route.ts';
import { mountOpsRoutes } from '../http/ops-routes.ts';
import { mountReviewApprovalRoutes } from '../http/review-approval-routes.ts';
import type { ReviewApiDeps } from '../http/review-deps.ts';
import { mountReviewFigureRoutes } from '../http/review-figure-routes.ts';
import { mountReviewScriptRoutes } from '../http/review-script-routes.ts';
import { mountReviewSentRoutes } from '../http/review-sent-routes.ts';
import { learnScript } from '../assist/knowledge/learn-script.ts';
import { checkScript } from '../assist/guardrails/check-script.ts';
import { createCookieSigner } from '../http/session-cookie.ts';
import { mountStaticPage } from '../http/static-routes.ts';
import { mountForwardRoutes } from '../http/forward-routes.ts';
import { BROWSER_ROUTES } from '../emulator/browser-routes.ts';
import { announceApproval } from '../jobs/review-jobs.ts';
import { scheduleSuggestion } from '../jobs/suggest-job.ts';
import { mountContentRoutes } from '../http/content-routes.ts';
import { MEMBER_CSV_TYPES } from '../http/lifecycle-admin-routes.ts';
import { lifecycleMounts } from './lifecycle.ts';
import { connectRedis } from './redis-connections.ts';
import { queueUnusable, redisMisconfiguration } from '../ops/redis-fault.ts';
import type { Runtime } from './runtime.ts';

export interface Web {
  url: string;
  close(): Promise<void>;
}

export function guideApiDeps(rt: Runtime): GuideApiDeps {
  const { stores } = rt;
  return {
    ...stores,
    store: stores.store,
    groups: { load: rt.groups.load, store: stores.groups, record: rt.groups.record },
    tags: rt.assist.tagDirectory,
    knowledge: rt.assist.knowledgePort,
    markTag: (input) => rt.wecom.api.markTag(input),
    record: rt.record,
    regenerate: (job) => scheduleSuggestion(rt.suggestQueue, job, 0),
    editPolicy: (guideId) => {
      const storeId = rt.org.member(guideId)?.stores[0] ?? 'unassigned';
      const threshold = rt.config.review.approvalSeverity[storeId];
      return { storeId, holdRiskyEdits: rt.org.stores.some((s) => s.id === storeId && s.holdRiskyEdits === true), ...(threshold ? { threshold } : {}) };
    },
    holdEdit: async (approval) => {
      if (!(await stores.approvals.createPending(approval))) return false;
      await announceApproval(rt.reviewQueue, rt.redis, rt.keys, approval, rt.config.review.notifyBatchMs);
      return true;
    },
    signer: createCookieSigner(rt.wecom.sessionSecrets),
    sessions: rt.sessions,
    org: rt.org,
    log: rt.log,
    now: rt.now,
  };
}

export function reviewApiDeps(rt: Runtime, signer: GuideApiDeps['signer']): ReviewApiDeps {
  const { stores } = rt;
  return {
    org: rt.org,
    signer,
    sessions: rt.sessions,
    store: stores.store,
    groups: stores.groups,
    approvals: stores.approvals,
    sentReviews: stores.sentReviews,
    feedback: stores.feedback,
    stats: stores.stats,
    audit: stores.audit,
    feed: stores.feed,
    presence: stores.presence,
    notifyGuide: async (guideId, text) => void (await rt.wecom.api.sendMessage({ toUser: [guideId], msgtype: 'text', text: { content: text } })),
    intents: () => [...new Set(rt.assist.knowledge.current().scripts.map((s) => s.intent))],
    promoteScript: async (script) => {
      const { tags, stores: scope, ...rest } = script;
      const learned = await learnScript(rt.config.assist.knowledgeDir, { ...rest, ...(tags.length ? { tags } : {}), ...(scope ? { stores: scope } : {}) }, rt.now());
      await rt.assist.knowledge.reload();
      return { id: learned.id, intent: learned.intent, text: learned.text, tags: learned.tags ?? [], ...(learned.stores ? { stores: learned.stores } : {}) };
    },
    checkScript: (text) => checkScript(rt.assist.knowledge.current(), text),
    log: rt.log,
    now: rt.now,
  };
}

/**
 * Who may frame the sidebar: the WeCom client's pages from config; in the demo also the demo page, on our
 * own origin and on the emulator's (under either name of this machine). The `ww` stand-in comes through our
 * origin, so the sidebar loads scripts from nowhere else.
 */
function framing(rt: Runtime): { sidebarAncestors: string[]; sdkOrigins: string[]; demo: boolean } {
  const ancestors = rt.config.server.sidebarFrameAncestors.split(/\s+/).filter(Boolean);
  const emulator = rt.wecom.emulator ? new URL(rt.wecom.emulator.url) : undefined;
  if (!emulator) return { sidebarAncestors: ancestors, sdkOrigins: [], demo: false };
  const local = new URL(emulator.href);
  local.hostname = 'localhost';
  return { sidebarAncestors: [...ancestors, "'self'", emulator.origin, local.origin], sdkOrigins: [], demo: true };
}

/** Demo mode: `/` opens the demo, whose pages and OAuth hop the emulator answers behind us. */
function demoMounts(rt: Runtime): Mount[] {
  const emulator = rt.wecom.emulator;
  if (!emulator) return [];
  return [
    (r) => r.get('/', (ctx) => ctx.redirect(`/demo/${ctx.search}`)),
    (r) => mountForwardRoutes(r, { target: () => emulator.url, routes: BROWSER_ROUTES }),
  ];
}

async function explainRefusal(check: Promise<unknown>, cluster: boolean): Promise<void> {
  try {
    await check;
  } catch (error) {
    const found = redisMisconfiguration(error, cluster);
    throw found ? queueUnusable(found, error) : error;
  }
}

/** The HTTP side: callback, operations, sign-in, the guide API with its live stream, and the built pages. */
export async function startWeb(rt: Runtime): Promise<Web> {
  const { config, log, metrics } = rt;
  const subscriber = connectRedis(config, 'blocking');
  subscriber.on('error', (err) => log.debug({ err }, 'live subscriber error'));
  const hub = new LiveHub(subscriber, rt.keys);
  await hub.start();
  const guide = guideApiDeps(rt);
  const review = reviewApiDeps(rt, guide.signer);
  const callback: Mount = (r) =>
    mountCallbackRoutes(r, {
      keys: rt.wecom.callbackKeys,
      intake: rt.intake,
      metrics,
      bodyLimitBytes: config.server.bodyLimitBytes,
      timestampWindowSec: config.wecom.timestampWindowSec,
      now: rt.now,
    });
  const app = createApp(
    log,
    {
      trustProxy: config.server.trustProxy,
      guard: { publicUrl: config.server.publicUrl, exempt: ['/wecom/callback'], extraTypes: { '/api/admin/members/import': MEMBER_CSV_TYPES } },
      headers: { ...framing(rt), hsts: config.server.publicUrl.startsWith('https://'), exempt: ['/wecom/callback'] },
    },
    [
      (r) =>
        mountOpsRoutes(r, {
          metrics,
          checks: [
            { name: 'redis', check: async () => void (await rt.redis.ping()) },
            // Named as the callback route names it (503 queue_unusable) when a setting is wrong.
            { name: 'queue', check: () => explainRefusal(rt.eventQueue.getJobCounts('waiting'), rt.redis.isCluster) },
          ],
        }),
      (r) =>
        mountAuthRoutes(r, {
          ...guide,
          api: rt.wecom.api,
          redis: rt.redis,
          keys: rt.keys,
          corpId: rt.wecom.corpId,
          agentId: rt.wecom.agentId,
          authorizeUrl: rt.wecom.authorizeUrl,
          publicUrl: config.server.publicUrl,
          // The demo at http://<LAN IP>: a Secure cookie would never come back over plain http.
          secureCookies: !(rt.wecom.emulator && config.server.publicUrl.startsWith('http://')),
        }),
      (r) => mountGuideCustomerRoutes(r, guide),
      (r) => mountGuideSuggestionRoutes(r, guide),
      (r) => mountGuideSendRoutes(r, guide),
      (r) => mountGuideTagRoutes(r, guide),
      (r) => mountGuideGroupRoutes(r, guide),
      (r) => mountGuideKnowledgeRoutes(r, guide),
      (r) => mountLiveRoute(r, { ...guide, hub, feedReader: rt.stores.feed, presence: rt.stores.presence }),
      (r) => mountReviewApprovalRoutes(r, review),
      (r) => mountReviewSentRoutes(r, review),
      (r) => mountReviewFigureRoutes(r, review),
      (r) => mountReviewScriptRoutes(r, review),
      (r) => mountJssdkRoutes(r, { ...guide, api: rt.wecom.api, corpId: rt.wecom.corpId, agentId: rt.wecom.agentId, sdkUrl: rt.wecom.sdkUrl }),
      ...lifecycleMounts(rt, guide.signer),
      (r) => mountContentRoutes(r, { knowledge: rt.assist.knowledge, org: rt.org, signer: guide.signer, sessions: rt.sessions, now: rt.now }),
      (r) => mountStaticPage(r, 'sidebar', resolve('web/sidebar/dist')),
      (r) => mountStaticPage(r, 'review', resolve('web/review/dist')),
      ...demoMounts(rt),
    ],
    [callback],
  );
  const server: Server = await new Promise((ok, fail) => {
    const s = app.listen(config.server.port, config.server.host, () => ok(s));
    s.once('error', fail); // EADDRINUSE and friends reject the start instead of crashing the process
  });
  const { port } = server.address() as AddressInfo;
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  return {
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeIdleConnections();
        // SSE streams never go idle: end them after the grace period.
        setTimeout(() => server.closeAllConnections(), Math.min(config.server.shutdownGraceMs, 2000)).unref();
      });
      await hub.close();
    },
  };
}
