import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from './logger.js';

// Yoga logs with console-style varargs; keep them as one `detail` field of a JSON line.
function detail(args: unknown[]): Record<string, unknown> {
  return { detail: args.length === 1 ? args[0] : args };
}

/** Routes yoga's own log calls into the gateway's JSON logger. */
export function toYogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug('yoga', detail(args)),
    info: (...args: unknown[]) => logger.info('yoga', detail(args)),
    warn: (...args: unknown[]) => logger.warn('yoga', detail(args)),
    error: (...args: unknown[]) => logger.error('yoga', detail(args)),
  };
}
