// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RoutingSuggestions,
  altDigitIndex,
} from '../../../../../src-renderer/features/routing/RoutingSuggestions';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import type { RoutingAnswer } from '../../../../../src-renderer/sync/inbox-service';
import type { RoutingSuggestion } from '../../../../../src-shared/routing/routing-model';

// React's act() warnings need this flag outside a testing library.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const agencies = new Map([
  ['dinkes', { name: 'Dinas Kesehatan Kota Sukamaju' }],
  ['dinkes-u1', { name: 'UPTD Puskesmas Sukamaju Utara' }],
  ['pupr', { name: 'Dinas PUPR Kota Sukamaju' }],
  ['dishub', { name: 'Dinas Perhubungan Kota Sukamaju' }],
]);
const categories = new Map([['cat-puskesmas', { name: 'Pelayanan Puskesmas' }]]);

function suggestion(
  agencyId: string,
  unitId: string | null,
  confidence: number,
  reasons: RoutingSuggestion['reasons'] = [],
): RoutingSuggestion {
  return { agencyId, unitId, confidence, support: 40, reasons };
}

const ready: RoutingAnswer = {
  status: 'ready',
  trainedOn: 1234,
  suggestions: [
    suggestion('dinkes', 'dinkes-u1', 0.714, [
      { kind: 'category', value: 'cat-puskesmas', weight: 2.1 },
      { kind: 'location', value: 'sukamaju', weight: 0.8 },
      { kind: 'word', value: 'antrean', weight: 0.4 },
    ]),
    suggestion('dinkes', null, 0.2),
    suggestion('pupr', null, 0.004),
    suggestion('dishub', null, 0.001),
  ],
};

let container: HTMLElement | null = null;
let root: Root | null = null;

function render(node: ReactNode): HTMLElement {
  const element = document.createElement('div');
  document.body.appendChild(element);
  container = element;
  act(() => {
    root = createRoot(element);
    root.render(node);
  });
  return element;
}

function unmount(): void {
  act(() => {
    root?.unmount();
  });
  root = null;
  container?.remove();
  container = null;
}

function keyDown(target: EventTarget, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

const buttonsOf = (element: HTMLElement) => [...element.querySelectorAll('button')];

beforeEach(() => {
  useLocaleStore.setState({ locale: 'id' });
});
afterEach(() => {
  unmount();
});

describe('RoutingSuggestions', () => {
  it('shows the three likeliest targets with their names, confidence and why', () => {
    const element = render(
      <RoutingSuggestions
        answer={ready}
        agencies={agencies}
        categories={categories}
        onPick={() => undefined}
      />,
    );
    const buttons = buttonsOf(element);
    expect(buttons).toHaveLength(3);
    expect(buttons[0]?.textContent).toContain('Dinas Kesehatan Kota Sukamaju');
    expect(buttons[0]?.textContent).toContain('UPTD Puskesmas Sukamaju Utara');
    expect(buttons[0]?.textContent).toContain('71%');
    expect(buttons[1]?.textContent).toContain('20%');
    expect(buttons[2]?.textContent).toContain('<1%');
    expect(element.textContent).not.toContain('Dinas Perhubungan');

    const why = [...element.querySelectorAll('.routing__why')].map((p) => p.textContent);
    expect(why[0]).toBe('Mengapa? kategori Pelayanan Puskesmas, lokasi sukamaju, kata “antrean”');
    // No evidence beyond how often the target was chosen: said so.
    expect(why[1]).toBe('Mengapa? paling sering menjadi tujuan sebelumnya');
    expect(element.textContent).toContain('Dipelajari dari 1234 disposisi sebelumnya.');
  });

  it('picks the target and unit of a clicked suggestion', () => {
    const onPick = vi.fn();
    const element = render(
      <RoutingSuggestions answer={ready} agencies={agencies} onPick={onPick} />,
    );
    act(() => {
      buttonsOf(element)[0]?.click();
    });
    act(() => {
      buttonsOf(element)[2]?.click();
    });
    expect(onPick.mock.calls).toEqual([
      ['dinkes', 'dinkes-u1'],
      ['pupr', null],
    ]);
  });

  it('picks with Alt+1 to Alt+3 from anywhere, a text field included, and only those keys', () => {
    const onPick = vi.fn();
    const element = render(
      <>
        <input type="search" aria-label="cari" />
        <RoutingSuggestions answer={ready} agencies={agencies} onPick={onPick} />
      </>,
    );
    const search = element.querySelector('input');
    if (search === null) throw new Error('no search field');
    search.focus();

    const picked = keyDown(search, { key: '2', code: 'Digit2', altKey: true });
    expect(picked.defaultPrevented).toBe(true);
    // Option+3 on a Mac types "£": the key code still says which digit.
    keyDown(window, { key: '£', code: 'Digit3', altKey: true });
    expect(onPick.mock.calls).toEqual([
      ['dinkes', null],
      ['pupr', null],
    ]);

    const ignored = [
      keyDown(search, { key: '1', code: 'Digit1' }),
      keyDown(search, { key: '4', code: 'Digit4', altKey: true }),
      keyDown(search, { key: '1', code: 'Digit1', altKey: true, ctrlKey: true }),
    ];
    expect(onPick).toHaveBeenCalledTimes(2);
    expect(ignored.map((event) => event.defaultPrevented)).toEqual([false, false, false]);
  });

  it('offers its suggestions as focusable buttons that name their shortcuts', () => {
    const element = render(
      <RoutingSuggestions
        answer={ready}
        agencies={agencies}
        chosen={{ agencyId: 'dinkes', unitId: null }}
        onPick={() => undefined}
      />,
    );
    const buttons = buttonsOf(element);
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual([
      'Alt+1',
      'Alt+2',
      'Alt+3',
    ]);
    expect(buttons.every((b) => !b.disabled && b.tabIndex >= 0)).toBe(true);
    buttons[1]?.focus();
    expect(document.activeElement).toBe(buttons[1]);
    // The dialog's current choice is marked.
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
  });

  it('says it is learning while the model is trained, and offers nothing to pick', () => {
    const onPick = vi.fn();
    const element = render(
      <RoutingSuggestions answer={{ status: 'learning' }} agencies={agencies} onPick={onPick} />,
    );
    expect(element.querySelector('[role="status"]')?.textContent).toBe(
      'Mempelajari riwayat disposisi…',
    );
    expect(buttonsOf(element)).toHaveLength(0);
    keyDown(window, { key: '1', code: 'Digit1', altKey: true });
    expect(onPick).not.toHaveBeenCalled();
  });

  it('says when there is no history to learn from, or no suggestion for the report', () => {
    const element = render(
      <RoutingSuggestions
        answer={{ status: 'no-history' }}
        agencies={agencies}
        onPick={() => undefined}
      />,
    );
    expect(element.textContent).toContain('Belum ada riwayat disposisi untuk dipelajari.');
    unmount();
    const empty = render(
      <RoutingSuggestions
        answer={{ status: 'ready', suggestions: [], trainedOn: 10 }}
        agencies={agencies}
        onPick={() => undefined}
      />,
    );
    expect(empty.textContent).toContain('Tidak ada saran untuk laporan ini.');
    expect(buttonsOf(empty)).toHaveLength(0);
  });

  it('stops answering Alt+digit once it is gone', () => {
    const onPick = vi.fn();
    render(<RoutingSuggestions answer={ready} agencies={agencies} onPick={onPick} />);
    unmount();
    keyDown(window, { key: '1', code: 'Digit1', altKey: true });
    expect(onPick).not.toHaveBeenCalled();
  });

  it('reads Alt+digit from the key code first, then from the key', () => {
    const press = (code: string, key: string, modifiers: Partial<KeyboardEvent> = {}) =>
      altDigitIndex({
        altKey: true,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
        code,
        key,
        ...modifiers,
      });
    expect(press('Digit1', '¡')).toBe(0);
    expect(press('Numpad3', '3')).toBe(2);
    expect(press('', '2')).toBe(1);
    expect(press('Digit9', '9')).toBeNull();
    expect(press('KeyA', 'a')).toBeNull();
    expect(press('Digit1', '1', { altKey: false })).toBeNull();
    expect(press('Digit1', '1', { metaKey: true })).toBeNull();
  });
});
