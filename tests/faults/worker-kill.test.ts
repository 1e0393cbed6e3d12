import { describe, expect, it } from 'vitest';
import { planMessages, startLoad } from './support/platform-load.ts';
import { withRig } from './support/rig.ts';
import { cleanVerdict } from './support/verdict.ts';
import { waitFor } from './support/wait.ts';

// The worker process is killed -9 while it runs jobs and reads the inbox, and a new one is started (as a
// supervisor would). The jobs it held are taken over once their locks lapse, the inbox entries it read but
// never forwarded once they are idle (worker.claimIdleMs). A reply whose message/send was in flight at the
// kill is not sent again (at most once, call-once.ts): it may be missing, never doubled.
const GUIDES = 20;
const PER_GUIDE = 25;
const WORKER_CONCURRENCY = 8; // worker.concurrency in config/default.yaml: at most this many sends in flight

describe('worker-kill9 mid-run', () => {
  it('processes every acknowledged callback once, in order, with no reply repeated', () =>
    withRig('worker-kill9', GUIDES, async (rig) => {
      const [web, first] = await Promise.all([rig.web(), rig.worker()]);
      const plan = planMessages(rig.wecom.guides, PER_GUIDE);
      const load = startLoad(plan, { keys: rig.wecom.keys, target: () => web.url, ratePerSec: 50 });
      const replies = (): number => rig.wecom.emulator.state.appMessages.length;
      await waitFor('a third of the replies sent', () => replies() >= plan.length / 3);
      await first.stop('SIGKILL');
      const atKill = replies();
      await rig.worker();
      const acked = await load.done;
      const verdict = await rig.check.settle(acked);
      rig.report(verdict, `killed after ${atKill} replies`);
      const { unanswered, ...rest } = verdict;
      expect({ ...rest, unanswered: 0 }).toEqual(cleanVerdict(plan.length, GUIDES));
      expect(unanswered).toBeLessThanOrEqual(WORKER_CONCURRENCY);
      expect(atKill).toBeLessThan(plan.length);
    }));
});
