import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Metric names are a contract (dashboards and alerts read them): extend, never rename. */
export interface Metrics {
  registry: Registry;
  callbacks: Counter<'result'>;
  rejections: Counter<'code'>;
  callbackSeconds: Histogram<'method'>;
  queueDepth: Gauge<'state'>;
  spoolEntries: Gauge;
  jobs: Counter<'type' | 'outcome'>;
}

export interface MetricSources {
  queueCounts(): Promise<Record<string, number>>;
  spoolSize(): Promise<number>;
}

export function createMetrics(sources: MetricSources, options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const callbacks = new Counter({
    name: 'wecom_callbacks_total',
    help: 'WeCom callbacks by result: accepted, duplicate, rejected, spooled, unavailable (Redis unusable: not acknowledged)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  for (const result of ['accepted', 'duplicate', 'rejected', 'spooled', 'unavailable']) callbacks.inc({ result }, 0);
  const rejections = new Counter({
    name: 'wecom_callback_rejections_total',
    help: 'Rejected WeCom callbacks by error code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const callbackSeconds = new Histogram({
    name: 'wecom_callback_duration_seconds',
    help: 'Time to answer a WeCom callback',
    labelNames: ['method'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.3, 1, 5],
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: 'wecom_event_queue_depth',
    help: 'Jobs in the WeCom event queue by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      try {
        const counts = await sources.queueCounts();
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      } catch {
        // Redis away: /readyz says so; keep the last values.
      }
    },
  });
  const spoolEntries = new Gauge({
    name: 'wecom_spool_entries',
    help: 'Acknowledged callbacks waiting in the local spool for Redis',
    registers: [registry],
    async collect() {
      this.set(await sources.spoolSize());
    },
  });
  const jobs = new Counter({
    name: 'worker_jobs_total',
    help: 'Processed queue jobs by type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, callbacks, rejections, callbackSeconds, queueDepth, spoolEntries, jobs };
}
