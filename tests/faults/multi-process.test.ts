import { describe, expect, it } from 'vitest';
import { planMessages, startLoad } from './support/platform-load.ts';
import { withRig } from './support/rig.ts';
import { cleanVerdict } from './support/verdict.ts';

// Two web and two worker processes on one Redis, as a scaled deployment runs them. Every message is
// delivered twice at the same moment, each copy to a different web process, so the dedupe is decided
// between processes; both workers' pumps and queue workers share the inbox and the queue.
const GUIDES = 20;
const PER_GUIDE = 25;

describe('2 web + 2 worker processes', () => {
  it('process every acknowledged callback once, in order, with no reply repeated', () =>
    withRig('two-web-two-worker', GUIDES, async (rig) => {
      const [a, b] = await Promise.all([rig.web(), rig.web(), rig.worker(), rig.worker()]);
      const webs = [a.url, b.url];
      const plan = planMessages(rig.wecom.guides, PER_GUIDE);
      const load = startLoad(plan, {
        keys: rig.wecom.keys,
        target: (message, copy) => webs[(Number(message.msgId.slice(-1)) + copy) % 2],
        ratePerSec: 50,
        copies: 2,
        concurrentCopies: true,
      });
      const acked = await load.done;
      const verdict = await rig.check.settle(acked);
      const [ca, cb] = await Promise.all(webs.map((url) => rig.callbacks(url)));
      const sum = (result: string): number => (ca![result] ?? 0) + (cb![result] ?? 0);
      rig.report(verdict, `accepted ${ca!.accepted}+${cb!.accepted}, duplicate ${ca!.duplicate}+${cb!.duplicate}, spooled ${sum('spooled')}`);
      expect(verdict).toEqual(cleanVerdict(plan.length, GUIDES));
      // Every copy answered by one of the two (a copy Redis was slow to take is spooled, then deduped on replay).
      expect(sum('accepted') + sum('duplicate') + sum('spooled')).toBe(plan.length * 2);
      expect(Math.min(ca!.accepted!, cb!.accepted!)).toBeGreaterThan(0);
    }));
});
