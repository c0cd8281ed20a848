import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../../../src-main/log';
import {
  applySessionSecurity,
  applyWindowSecurity,
  buildContentSecurityPolicy,
  cspSourceFor,
  handleWindowOpen,
  isAllowedNavigation,
  isExternallyOpenable,
} from '../../../src-main/security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('lists exactly the app itself and the configured origins in connect-src', () => {
    const csp = buildContentSecurityPolicy([
      'https://lapor.example.go.id',
      'http://127.0.0.1:8787',
    ]);

    expect(directives(csp).get('connect-src')).toEqual([
      "'self'",
      'https://lapor.example.go.id',
      'http://127.0.0.1:8787',
    ]);
  });

  it('allows only the app itself in connect-src when no server is configured', () => {
    expect(directives(buildContentSecurityPolicy([])).get('connect-src')).toEqual(["'self'"]);
  });

  it('reduces server URLs to their origins and removes duplicates', () => {
    const csp = buildContentSecurityPolicy([
      'https://lapor.example.go.id/api/v1/sync',
      'https://lapor.example.go.id/',
    ]);

    expect(directives(csp).get('connect-src')).toEqual(["'self'", 'https://lapor.example.go.id']);
  });

  it('keeps a hostile server value from injecting directives', () => {
    const csp = buildContentSecurityPolicy([
      "https://evil.example; script-src 'unsafe-eval' *",
      'javascript:alert(1)',
      '*',
    ]);

    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('javascript:');
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
    expect(directives(csp).get('connect-src')).not.toContain('*');
  });

  it('never allows eval or inline script', () => {
    const csp = buildContentSecurityPolicy(['https://a.example']);

    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
  });

  it('locks down the remaining directives', () => {
    const parsed = directives(buildContentSecurityPolicy([]));

    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('style-src')).toEqual(["'self'"]);
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('worker-src')).toEqual(["'self'", 'blob:']);
  });
});

describe('cspSourceFor', () => {
  it('accepts http and https origins only', () => {
    expect(cspSourceFor('https://a.example:8443/x?y')).toBe('https://a.example:8443');
    expect(cspSourceFor('http://[::1]:8787')).toBe('http://[::1]:8787');
    expect(cspSourceFor('ws://a.example')).toBeNull();
    expect(cspSourceFor('file:///etc/passwd')).toBeNull();
    expect(cspSourceFor('not a url')).toBeNull();
  });
});

describe('isAllowedNavigation', () => {
  it.each(['app://posko/index.html', 'app://posko/', 'app://posko/reports/LAP-123?tab=notes#top'])(
    'allows the app page %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'https://lapor.example.go.id/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://posko.evil.example/index.html',
    'app://posko@evil.example/index.html',
    'app://posko:8080/index.html',
    'app://posko',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('handleWindowOpen', () => {
  it('denies the window and opens an https link in the system browser', () => {
    const openExternal = vi.fn();

    const response = handleWindowOpen('https://www.lapor.go.id/instansi', openExternal);

    expect(response).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.lapor.go.id/instansi');
  });

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'app://posko/index.html',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'not a url',
  ])('denies the window and opens nothing for %s', (url) => {
    const openExternal = vi.fn();

    expect(handleWindowOpen(url, openExternal)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('only ever considers https openable', () => {
    expect(isExternallyOpenable('https://a.example')).toBe(true);
    expect(isExternallyOpenable('HTTPS://A.EXAMPLE')).toBe(true);
    expect(isExternallyOpenable('http://a.example')).toBe(false);
  });
});

function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    }),
  });
  return {
    contents: contents as unknown as WebContents,
    emitter,
    open: (url: string) => openHandler?.({ url }),
  };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('applyWindowSecurity', () => {
  const setup = () => {
    const fake = fakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    const log = recordingLogger();
    applyWindowSecurity(fake.contents, { openExternal, log });
    return { ...fake, openExternal, log };
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'prevents %s to a page outside the app and logs it',
    (eventName) => {
      const { emitter, log } = setup();
      const event = navigationEvent('https://evil.example/phish');

      emitter.emit(eventName, event, event.url);

      expect(event.preventDefault).toHaveBeenCalledOnce();
      expect(log.entries.some((entry) => entry.level === 'warn')).toBe(true);
    },
  );

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'lets %s within the app through',
    (eventName) => {
      const { emitter } = setup();
      const event = navigationEvent('app://posko/index.html');

      emitter.emit(eventName, event, event.url);

      expect(event.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('prevents attaching a webview', () => {
    const { emitter } = setup();
    const event = { preventDefault: vi.fn() };

    emitter.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });

    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies window.open and hands https links to the system browser', () => {
    const { open, openExternal } = setup();

    expect(open('https://www.lapor.go.id/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.lapor.go.id/');
  });

  it('logs, rather than crashes, when the system browser cannot open a link', async () => {
    const fake = fakeWebContents();
    const log = recordingLogger();
    applyWindowSecurity(fake.contents, {
      openExternal: () => Promise.reject(new Error('no browser')),
      log,
    });

    fake.open('https://a.example/');
    await vi.waitFor(() => {
      expect(log.entries.some((entry) => entry.message.includes('could not open'))).toBe(true);
    });
  });
});

function fakeSession() {
  const emitter = new EventEmitter();
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });
  return { session: session as unknown as Session, fake: session };
}

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'persistent-storage',
  'unknown',
] as const;

describe('applySessionSecurity', () => {
  it('denies every permission request', () => {
    const { session, fake } = fakeSession();
    const log = recordingLogger();
    applySessionSecurity(session, { log });
    const handler = fake.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: unknown,
    ) => void;

    for (const permission of permissions) {
      const callback = vi.fn();
      handler({}, permission, callback, { requestingUrl: 'app://posko/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(
      log.entries.filter((entry) => entry.message === 'permission request denied'),
    ).toHaveLength(permissions.length);
  });

  it('answers every permission check with false, even for the app itself', () => {
    const { session, fake } = fakeSession();
    applySessionSecurity(session, { log: recordingLogger() });
    const check = fake.setPermissionCheckHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      origin: string,
      details: unknown,
    ) => boolean;

    for (const permission of permissions) {
      expect(check({}, permission, 'app://posko', {})).toBe(false);
    }
  });

  it('denies device access', () => {
    const { session, fake } = fakeSession();
    applySessionSecurity(session, { log: recordingLogger() });
    const deviceHandler = fake.setDevicePermissionHandler.mock.calls[0]![0] as (
      details: unknown,
    ) => boolean;

    expect(deviceHandler({ deviceType: 'usb', origin: 'app://posko' })).toBe(false);
  });

  it('cancels downloads the page starts on its own', () => {
    const { session, fake } = fakeSession();
    applySessionSecurity(session, { log: recordingLogger() });
    const event = { preventDefault: vi.fn() };

    fake.emit('will-download', event, { getURL: () => 'https://evil.example/payload.exe' }, {});

    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
