// Log lines written by code that runs inside a model worker. The worker entry points the sink at
// its parent, which hands each line to the emulator's logger; elsewhere (unit tests that load a
// model in-process) lines go to the default logger.
import { stderrLogger, type LogFields, type LogLevel } from '../../logger.js';

type Sink = (level: LogLevel, msg: string, fields?: LogFields) => void;

let sink: Sink = (level, msg, fields) => stderrLogger[level](msg, fields);

export function setWorkerLogSink(next: Sink): void {
  sink = next;
}

export const workerLog = {
  warn: (msg: string, fields?: LogFields): void => sink('warn', msg, fields),
  info: (msg: string, fields?: LogFields): void => sink('info', msg, fields),
};
