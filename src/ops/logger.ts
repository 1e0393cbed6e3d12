import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

// Mainland mobile numbers, 18-digit ID numbers (last digit may be X), landlines with area code.
const PERSONAL_NUMBER = /(?<!\d)(?:1[3-9]\d{9}|\d{17}[\dXx]|0\d{2,3}-?\d{7,8})(?!\d)/g;

/** Masks phone and ID numbers in free text (log lines only; the assist engine has its own masking for prompts). */
export function maskNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, (m) => `${m.slice(0, 3)}****${m.slice(-2)}`);
}

/** Fields that carry what customers and guides wrote. */
const TEXT_PATHS = ['text', 'content', 'draft', '*.text', '*.content', '*.draft', 'event.content', 'job.event.content', 'message.text'];

/**
 * pino JSON logs. At info and above, message text is replaced and phone/ID numbers in log messages are
 * masked; at debug, text stays (numbers are still masked) so a developer can follow a conversation locally.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const verbose = level === 'debug' || level === 'trace';
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Ids in paths and fields (a customer id that is a phone number) are masked like the message is.
        log: (object) => {
          for (const [key, value] of Object.entries(object)) if (typeof value === 'string') object[key] = maskNumbers(value);
          return object;
        },
      },
      redact: verbose ? [] : { paths: TEXT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskNumbers(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}
