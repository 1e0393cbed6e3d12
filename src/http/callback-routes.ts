import type { Router } from '@koa/router';
import { isAppError } from '../errors.ts';
import type { EventIntake } from '../jobs/event-intake.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { CallbackKeys } from '../wecom/crypto.ts';
import { openCallback, verifyCallbackUrl } from '../wecom/open-callback.ts';
import { readRawBody } from './read-raw-body.ts';

export interface CallbackRouteDeps {
  keys: CallbackKeys;
  intake: EventIntake;
  metrics: Metrics;
  bodyLimitBytes: number;
  timestampWindowSec: number;
  now: () => number;
}

/**
 * GET and POST /wecom/callback. The POST does only verify → decrypt → parse → dedupe → enqueue → answer:
 * no model, no WeCom API, nothing slow (WeCom retries after 5 s).
 */
export function mountCallbackRoutes(router: Router, deps: CallbackRouteDeps): void {
  const { keys, intake, metrics } = deps;

  const rejected = (error: unknown): never => {
    metrics.callbacks.inc({ result: 'rejected' });
    metrics.rejections.inc({ code: isAppError(error) ? error.code : 'internal' });
    throw error;
  };

  router.get('/wecom/callback', (ctx) => {
    const stop = metrics.callbackSeconds.startTimer({ method: 'GET' });
    try {
      const echo = verifyCallbackUrl(keys, ctx.query, deps.now(), deps.timestampWindowSec);
      ctx.type = 'text/plain';
      ctx.body = echo;
    } catch (error) {
      rejected(error);
    } finally {
      stop();
    }
  });

  router.post('/wecom/callback', async (ctx) => {
    const stop = metrics.callbackSeconds.startTimer({ method: 'POST' });
    try {
      let opened;
      try {
        const body = await readRawBody(ctx.req, deps.bodyLimitBytes);
        opened = openCallback(keys, ctx.query, body, deps.now(), deps.timestampWindowSec);
      } catch (error) {
        rejected(error);
        return;
      }
      const result = await intake.accept({ dedupeKey: opened.dedupeKey, event: opened.event, receivedAt: deps.now() }).catch((error: unknown) => {
        // 503 queue_unusable (event-intake.ts): not acknowledged, so WeCom sends it again later.
        metrics.callbacks.inc({ result: 'unavailable' });
        throw error;
      });
      metrics.callbacks.inc({ result });
      ctx.status = 200;
      ctx.body = '';
    } finally {
      stop();
    }
  });
}
