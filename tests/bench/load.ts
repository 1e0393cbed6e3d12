import { Agent, request } from 'node:http';

export interface LoadRequest {
  path: string;
  body: string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  count: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function post(agent: Agent, base: URL, req: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = request(
      { host: base.hostname, port: base.port, path: req.path, method: 'POST', agent, headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(req.body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors, count: latencies.length };
}

/**
 * Closed loop: `connections` workers each send the next request as soon as the last one answered. Given
 * several URLs (web processes behind a balancer), the workers are dealt out over them in turn.
 */
export async function closedLoop(url: string | readonly string[], requests: LoadRequest[], connections: number): Promise<LoadResult> {
  const bases = (typeof url === 'string' ? [url] : url).map((u) => new URL(u));
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      const base = bases[worker % bases.length]!;
      while (next < requests.length) {
        const req = requests[next++]!;
        const t0 = performance.now();
        const status = await post(agent, base, req).catch(() => 0);
        if (status === 200) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** Open loop at a fixed rate, paced per millisecond tick (not in bursts), so latency is measured honestly. */
export async function fixedRate(url: string, requests: LoadRequest[], ratePerSec: number): Promise<LoadResult> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  const inflight: Array<Promise<void>> = [];
  const started = performance.now();
  for (let i = 0; i < requests.length; i++) {
    const due = started + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    inflight.push(
      post(agent, base, requests[i]!).then(
        (status) => void (status === 200 ? latencies.push(performance.now() - t0) : errors++),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
