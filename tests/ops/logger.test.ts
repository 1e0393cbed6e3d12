import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskNumbers } from '../../src/ops/logger.ts';

function capture(level: string): { lines: () => Array<Record<string, unknown>>; log: ReturnType<typeof createLogger> } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, sink), lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('masks phone and ID numbers but leaves other digits alone', () => {
    expect(maskNumbers('电话13812345678，身份证11010519491231002X，订单号20240101')).toBe('电话138****78，身份证110****2X，订单号20240101');
  });

  it('redacts message text at info level and masks numbers in messages', () => {
    const { log, lines } = capture('info');
    log.info({ text: '我的手机13812345678', event: { content: '在吗' }, guideId: 'guide.lin' }, 'customer 13900001111 wrote');
    expect(lines()[0]).toMatchObject({ text: '[redacted]', event: { content: '[redacted]' }, guideId: 'guide.lin', msg: 'customer 139****11 wrote', level: 'info' });
  });

  it('keeps text at debug level for local troubleshooting', () => {
    const { log, lines } = capture('debug');
    log.debug({ text: '在吗' }, 'seen');
    expect(lines()[0]).toMatchObject({ text: '在吗' });
  });
});
