import type { Router } from '@koa/router';
import type { Metrics } from '../ops/metrics.ts';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** /healthz: the process answers. /readyz: every dependency answers (503 otherwise). /metrics: Prometheus. */
export function mountOpsRoutes(router: Router, deps: { metrics: Metrics; checks: ReadinessCheck[]; checkTimeoutMs?: number }): void {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  router.get('/readyz', async (ctx) => {
    const timeoutMs = deps.checkTimeoutMs ?? 1000;
    const results = await Promise.all(
      deps.checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
            }),
          ]);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) };
  });

  router.get('/metrics', async (ctx) => {
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
}
