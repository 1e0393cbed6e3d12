import { describe, expect, it } from 'vitest';
import { planMessages, startLoad } from './support/platform-load.ts';
import { withRig } from './support/rig.ts';
import { cleanVerdict } from './support/verdict.ts';

// WeCom re-sends a callback it thinks was lost (up to three deliveries). Every copy is re-signed (its own
// timestamp and nonce) and answered 200; the dedupe marker keeps all but the first out of the queue, whether
// the copies come one after the other's answer or at the same moment. (A copy Redis did not take within
// redis.enqueueTimeoutMs, as happens on a busy machine, is spooled and replayed through the same dedupe.)
const GUIDES = 20;
const PER_GUIDE = 10;
const COPIES = 3;

describe.each([
  ['dup3-sequential', false],
  ['dup3-concurrent', true],
] as const)('%s', (name, concurrentCopies) => {
  it('processes each message once and replies once, however many copies arrived', () =>
    withRig(name, GUIDES, async (rig) => {
      const [web] = await Promise.all([rig.web(), rig.worker()]);
      const plan = planMessages(rig.wecom.guides, PER_GUIDE);
      const load = startLoad(plan, { keys: rig.wecom.keys, target: () => web.url, ratePerSec: 40, copies: COPIES, concurrentCopies });
      const acked = await load.done;
      const verdict = await rig.check.settle(acked);
      const counts = await rig.callbacks(web.url);
      rig.report(verdict, `copies ${COPIES}: accepted ${counts.accepted}, duplicate ${counts.duplicate}, spooled ${counts.spooled}`);
      expect(verdict).toEqual(cleanVerdict(plan.length, GUIDES));
      expect(counts.accepted! + counts.duplicate! + counts.spooled!).toBe(plan.length * COPIES);
      expect(counts.rejected).toBe(0);
    }));
});
