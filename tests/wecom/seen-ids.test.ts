import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { filterUnseen, markSeen } from '../../src/wecom/seen-ids.ts';
import { testRedis } from '../support/test-service.ts';

const redis = testRedis();
const key = `test:${randomUUID().slice(0, 8)}:seen`;
afterAll(async () => {
  await redis.del(key);
  redis.disconnect();
});

describe('seen ids of a puller', () => {
  it('keeps only the newest ids past the cap, as well as pruning by age', async () => {
    const day = 86_400_000;
    await markSeen(redis, key, ['old'], 1000, day, 3);
    for (const [i, ids] of [['a1', 'a2'], ['b1', 'b2']].entries()) await markSeen(redis, key, ids, 2000 + i, day, 3);
    expect(await redis.zcard(key)).toBe(3);
    expect(await filterUnseen(redis, key, ['old', 'a1', 'a2', 'b1', 'b2'], (id) => id)).toEqual(['old', 'a1']);
    await markSeen(redis, key, ['c1'], 2000 + day + 1, day, 3);
    expect(await redis.zrange(key, 0, -1)).toEqual(['c1']);
  });
});
