// A tiny structured logger for the main process: one JSON object per line on stderr, so logs can be
// grepped by a person and parsed by a machine. Tests use `recordingLogger` to assert what was logged.

import type { Clock } from '../src-shared/ports';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
}

const systemClock: Clock = { now: () => Date.now() };

/** Errors do not survive JSON.stringify (their fields are not enumerable): flatten them first. */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

export function formatLogLine(
  time: number,
  level: LogLevel,
  message: string,
  fields: LogFields,
): string {
  const record: Record<string, unknown> = {
    time: new Date(time).toISOString(),
    level,
    msg: message,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in record)) record[key] = toJsonValue(value);
  }
  try {
    return JSON.stringify(record) + '\n';
  } catch {
    // A circular or BigInt field must not take the process down with it.
    return (
      JSON.stringify({ time: record['time'], level, msg: message, fieldsDropped: true }) + '\n'
    );
  }
}

function loggerFrom(emit: (level: LogLevel, message: string, fields: LogFields) => void): Logger {
  return {
    debug: (message, fields = {}) => {
      emit('debug', message, fields);
    },
    info: (message, fields = {}) => {
      emit('info', message, fields);
    },
    warn: (message, fields = {}) => {
      emit('warn', message, fields);
    },
    error: (message, fields = {}) => {
      emit('error', message, fields);
    },
  };
}

export function createLogger(
  options: { write?: (line: string) => void; clock?: Clock } = {},
): Logger {
  const write =
    options.write ??
    ((line: string) => {
      process.stderr.write(line);
    });
  const clock = options.clock ?? systemClock;
  return loggerFrom((level, message, fields) => {
    write(formatLogLine(clock.now(), level, message, fields));
  });
}

/** A logger that keeps its entries in memory: for tests. */
export function recordingLogger(): Logger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return Object.assign(
    loggerFrom((level, message, fields) => {
      entries.push({ level, message, fields });
    }),
    { entries },
  );
}
