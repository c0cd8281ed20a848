import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src-shared/ports';
import { createLogger, formatLogLine, recordingLogger } from '../../../src-main/log';

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const lines: string[] = [];
    const log = createLogger({
      write: (line) => lines.push(line),
      clock: manualClock(Date.UTC(2024, 0, 2, 3, 4, 5)),
    });

    log.warn('config ignored', { path: '/tmp/x.json' });

    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2024-01-02T03:04:05.000Z',
      level: 'warn',
      msg: 'config ignored',
      path: '/tmp/x.json',
    });
  });

  it('serializes errors with their message instead of an empty object', () => {
    const line = formatLogLine(0, 'error', 'failed', { error: new Error('disk full') });

    expect(JSON.parse(line)).toMatchObject({ error: { name: 'Error', message: 'disk full' } });
  });

  it('still writes a line when a field cannot be serialized', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;

    const line = formatLogLine(0, 'info', 'odd', { circular });

    expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'odd', fieldsDropped: true });
  });

  it('does not let a field overwrite the level or message', () => {
    const parsed = JSON.parse(
      formatLogLine(0, 'info', 'real', { msg: 'forged', level: 'error' }),
    ) as Record<string, unknown>;

    expect(parsed['msg']).toBe('real');
    expect(parsed['level']).toBe('info');
  });
});

describe('recordingLogger', () => {
  it('keeps entries in memory for assertions', () => {
    const log = recordingLogger();

    log.error('boom', { channel: 'app:info' });

    expect(log.entries).toEqual([
      { level: 'error', message: 'boom', fields: { channel: 'app:info' } },
    ]);
  });
});
