import { describe, expect, it } from 'vitest';
import { planMessages, startLoad } from './support/platform-load.ts';
import { withRig } from './support/rig.ts';
import { cleanVerdict } from './support/verdict.ts';
import { sleep, waitFor } from './support/wait.ts';

// Redis goes away in the middle of a steady load and comes back from its own AOF (appendonly yes,
// appendfsync everysec): stopped cleanly, or killed -9 (the process, not the machine, so whatever Redis wrote
// to the OS is in the file). Callbacks arriving meanwhile are spooled by the web process and replayed.
const GUIDES = 20;
const PER_GUIDE = 25;

describe.each([
  ['redis-restart', 'stop'],
  ['redis-kill9', 'kill9'],
] as const)('%s mid-load', (name, how) => {
  it('processes every acknowledged callback once, in order, with no reply repeated', () =>
    withRig(name, GUIDES, async (rig) => {
      const [web] = await Promise.all([rig.web(), rig.worker()]);
      const plan = planMessages(rig.wecom.guides, PER_GUIDE);
      const load = startLoad(plan, { keys: rig.wecom.keys, target: () => web.url, ratePerSec: 50 });
      await waitFor('a third of the load acknowledged', () => load.acked() >= plan.length / 3);
      await rig.redis[how]();
      await sleep(1500);
      await rig.redis.start();
      const acked = await load.done;
      const verdict = await rig.check.settle(acked);
      const { spooled } = await rig.callbacks(web.url);
      rig.report(verdict, `spooled ${spooled}`);
      expect(verdict).toEqual(cleanVerdict(plan.length, GUIDES));
      expect(spooled).toBeGreaterThan(0);
    }));
});
