import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planMessages, startLoad } from './support/platform-load.ts';
import { withRig } from './support/rig.ts';
import { cleanVerdict } from './support/verdict.ts';
import { waitFor } from './support/wait.ts';

// Redis goes away, the web process acknowledges callbacks from its spool (fsync'd before the 200), and is
// then killed -9 with the spool unreplayed. Redis comes back, a new web process starts on the same SPOOL_DIR
// and replays what the dead one acknowledged, while new callbacks keep arriving (they must not overtake the
// spooled ones in a conversation). POSTs that hit the dead process are re-sent by the platform.
const GUIDES = 20;
const PER_GUIDE = 20;

describe('web-kill9 with a spool', () => {
  it('replays what the killed process acknowledged: every callback once, in order, no reply repeated', () =>
    withRig('web-kill9-spool', GUIDES, async (rig) => {
      const [first] = await Promise.all([rig.web(), rig.worker()]);
      let target: string | undefined = first.url;
      const plan = planMessages(rig.wecom.guides, PER_GUIDE);
      const load = startLoad(plan, { keys: rig.wecom.keys, target: () => target, ratePerSec: 40 });
      await waitFor('a quarter of the load acknowledged', () => load.acked() >= plan.length / 4);
      await rig.redis.stop();
      let spooled = 0;
      await waitFor('a quarter of the load spooled', async () => {
        spooled = (await rig.callbacks(first.url)).spooled ?? 0;
        return spooled >= plan.length / 4;
      });
      target = undefined;
      await first.proc.stop('SIGKILL');
      await rig.redis.start();
      const second = await rig.web({ spoolDir: first.spoolDir });
      target = second.url;
      const acked = await load.done;
      const verdict = await rig.check.settle(acked);
      rig.report(verdict, `spooled ${spooled} before the kill`);
      expect(verdict).toEqual(cleanVerdict(plan.length, GUIDES));
      await waitFor('the spool emptied', () => readdirSync(first.spoolDir).every((f) => !/\.(ndjson|ready)$/.test(f)), 5000);
    }));
});
