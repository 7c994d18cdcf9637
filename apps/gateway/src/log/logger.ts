export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

/** Structured logger: one JSON object per line, `{ time, level, msg, ...fields }`. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface JsonLoggerOptions {
  /** Lines below this level are dropped. @default 'info' */
  level?: LogLevel;
  /** Receives each finished line (with its trailing newline). @default process.stdout.write */
  write?: (line: string) => void;
  /**
   * Strings that must never appear in a line (the subscription key). Fields are logged on
   * purpose without them; this is the safety net for a value that slips in through an error.
   */
  secrets?: readonly string[];
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const REDACTED = '[redacted]';

/** Creates a {@link Logger} writing JSON lines. */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  // Short secrets would redact ordinary words; an empty one would match everywhere.
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);

  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return;
    let line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      msg,
      ...(fields && withPlainErrors(fields)),
    });
    // includes() first: the secret is almost never there, and split/join copies the line.
    for (const secret of secrets)
      if (line.includes(secret)) line = line.split(secret).join(REDACTED);
    write(`${line}\n`);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

// Errors serialise as {} by default; keep name, code and message, never the stack. Only fields
// and arrays in them (yoga logs `[error]`) are looked at: a stringify replacer is called for every
// value of every line and was the largest cost of a request line. Deeper errors print as {}.
function withPlainErrors(fields: LogFields): LogFields {
  if (!Object.values(fields).some(holdsError)) return fields;
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v.map(plain) : plain(v)]),
  );
}

const holdsError = (value: unknown): boolean =>
  value instanceof Error || (Array.isArray(value) && value.some((v) => v instanceof Error));

function plain(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const { code } = value as { code?: unknown };
  return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
}
