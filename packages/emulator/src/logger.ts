// Where the emulator's own diagnostics go. An embedding server passes its logger so these lines
// join its log in its format; the CLI uses the console one.

export type LogFields = Record<string, unknown>;

/** Same shape as the gateway's JSON logger, so it can be passed as is. */
export interface EmulatorLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export type LogLevel = keyof EmulatorLogger;

const line = (msg: string, fields?: LogFields): string =>
  fields && Object.keys(fields).length > 0
    ? `[emulator] ${msg} ${JSON.stringify(fields)}`
    : `[emulator] ${msg}`;

/** The default when no `logger` option is given: warnings and errors as text on stderr. */
export const stderrLogger: EmulatorLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (msg, fields) => process.stderr.write(`${line(msg, fields)}\n`),
  error: (msg, fields) => process.stderr.write(`${line(msg, fields)}\n`),
};
